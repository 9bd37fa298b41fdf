"""The words of the answers' errors: each code of rules.engine.answers, with its parameters, as a
sentence in the page's language. The API sends them beside the code; the questionnaire shows them
next to the field."""

from django.utils.translation import gettext_lazy as _

from rules.engine.answers import FieldError

# (code, the kind of value expected or None) → words; placeholders from the error's params.
MESSAGES = {
    ("invalid_choice", None): _("Choose one of: %(values)s."),
    ("invalid_choice", "place"): _("Unknown département or detention centre."),
    ("invalid_choice", "abroad_expulsion"): _("'Abroad' applies to an expulsion order only."),
    ("invalid_type", "list"): _("Give a list of values."),
    ("invalid_type", "boolean"): _("Answer true or false."),
    ("invalid_type", "date"): _("Give a date as YYYY-MM-DD."),
    ("invalid_type", "object"): _("Send a JSON object of answers."),
    ("invalid_json", None): _("Send a JSON object of answers."),
    ("invalid_date", None): _("This date does not exist."),
    ("date_too_early", None): _("Give a date from the year 2000 on."),
    ("date_in_future", None): _("This date is in the future."),
    ("invalid_time", None): _("Give a time as HH:MM, from 00:00 to 23:59."),
    ("invalid_number", None): _("Give a whole number of years, from 0 to 80."),
    ("unknown_field", None): _("Unknown question id."),
    ("required", None): _("This answer is required."),
    ("required", "place"): _("Say where the decision was taken."),
    ("inconsistent", None): _("This département is not in the territory given."),
    ("before_decision", None): _("This date is before the decision's date."),
}
UNKNOWN_VALUES = _("Unknown values: %(unknown)s. Choose among: %(values)s.")


def message(error: FieldError) -> str:
    if "unknown" in error.params:
        return str(UNKNOWN_VALUES) % error.params
    words = MESSAGES[(error.code, error.params.get("expected"))]
    return str(words) % error.params if "%(" in str(words) else str(words)


def as_dict(error: FieldError) -> dict[str, str]:
    return {"field": error.field, "code": error.code, "message": message(error)}
