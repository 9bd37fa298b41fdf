"""The one page of questions the appeal needs beyond the questionnaire: who the person is, the
decisions received and the grounds. Nothing of it is stored: it is posted, and the request made
from it is the response."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from appeal import texts
from appeal.document import Person
from questionnaire.fields import DateInputs, date_from_parts, typed_parts
from rules import clock
from rules.engine import appeal_request as rq
from rules.engine.model import Outcome

OLDEST_BIRTH = date(1900, 1, 1)
NAME_LENGTH = 100
ADDRESS_LENGTH = 300


class BirthDateField(forms.Field):
    """Day, month and year in three numeric boxes, as the questionnaire's dates."""

    widget = DateInputs
    default_error_messages = {"required": _("Give your date of birth.")}

    def to_python(self, value):
        parts = typed_parts(value)
        if not any(parts):
            return None
        return date_from_parts(*parts)

    def validate(self, value):
        super().validate(value)
        if value is not None and not OLDEST_BIRTH <= value <= clock.now().date():
            raise forms.ValidationError(
                _("Check the year: this date of birth cannot be right."), code="birth_range"
            )


def text_field(label, length=NAME_LENGTH, required=True, **kwargs):
    return forms.CharField(label=label, max_length=length, required=required, **kwargs)


class AppealForm(forms.Form):
    family_name = text_field(_("Family name (nom)"))
    given_name = text_field(_("Given names (prénoms)"))
    birth_date = BirthDateField(label=_("Date of birth"))
    nationality = text_field(_("Nationality"), help_text=_("In French if you can, e.g. marocaine."))
    address = text_field(
        _("Address where mail reaches you, or the detention centre"),
        length=ADDRESS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    interpreter_language = text_field(
        _("Interpreter: language and dialect (optional)"),
        required=False,
        help_text=_(
            "Leave empty if you follow a hearing in French. E.g. arabe (dialecte algérien)."
        ),
    )
    decisions = forms.MultipleChoiceField(
        label=_("The decisions written on your paper"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one decision to contest.")},
    )
    grounds = forms.MultipleChoiceField(
        label=_("Why the decision is wrong (moyens)"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, outcome: Outcome, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome = outcome
        decisions, grounds = self.fields["decisions"], self.fields["grounds"]
        assert isinstance(decisions, forms.MultipleChoiceField)
        assert isinstance(grounds, forms.MultipleChoiceField)
        decisions.choices = [(c.id, texts.DECISIONS[c.id]) for c in rq.decisions_offered(outcome)]
        grounds.choices = [(c.id, texts.GROUNDS[c.id][0]) for c in rq.grounds_offered(outcome)]

    def clean_grounds(self):
        ticked = self.cleaned_data.get("grounds", [])
        missing = rq.missing_legality(self.outcome, ticked)
        if missing:
            raise forms.ValidationError(
                _(
                    "Tick at least one ground about the form of the decision and one about its "
                    "substance: after the deadline, the court accepts no ground of a new kind."
                ),
                code="both_kinds",
            )
        return ticked

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            family_name=data["family_name"],
            given_name=data["given_name"],
            birth_date=data["birth_date"],
            nationality=data["nationality"],
            # One line in the request: the lines typed, joined.
            address=", ".join(
                line.strip() for line in data["address"].splitlines() if line.strip()
            ),
            interpreter_language=data["interpreter_language"],
        )


def initial(outcome: Outcome, centre_name: str | None) -> dict:
    """What the answers already say: the decisions and grounds, the detention centre."""
    values: dict[str, object] = {
        "decisions": list(rq.decisions_ticked(outcome)),
        "grounds": list(rq.grounds_ticked(outcome)),
    }
    if centre_name:
        values["address"] = centre_name
    return values
