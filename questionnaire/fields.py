"""Form fields whose posted values follow the contract of the product spec.

A yes/no question posts `true` or `false`. A date is three numeric boxes, `<name>_day`,
`<name>_month` and `<name>_year`, kept as typed when they are refused; the answers cookie keeps the
date checked, as YYYY-MM-DD under `<name>`. Where a person may not know a date or a time, a
checkbox named `<name>` posts `unknown`: the field reads the list of values, and `unknown` wins
over a typed value.
"""

from __future__ import annotations

import copy
import re
from datetime import date, datetime

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from rules.engine.answers import EARLIEST_DATE, TIME_PATTERN, UNKNOWN

YES_NO = (("true", _("Yes")), ("false", _("No")))
# Browsers without a date picker show a text box: people type the French way.
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def read_date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def check_date_range(value: date) -> None:
    if value < EARLIEST_DATE:
        raise forms.ValidationError(_("Give a date from the year 2000 on."), code="date_too_early")


def typed_and_unknown(values: list[str]) -> tuple[list[str], list[str]]:
    """The values typed in the input, and the "I don't know" boxes, among those posted."""
    typed = [value for value in values if value.strip() not in ("", UNKNOWN)]
    unknown = [value for value in values if value.strip() == UNKNOWN]
    return typed, unknown


class PostedValues:
    """`kept(posted)`: of the values posted under the field's name, those it reads, the only ones
    the answers cookie keeps. A field of one value reads the last one, as Django does."""

    def kept(self, posted: list[str]) -> list[str]:
        return posted[-1:]


class ListOfValues(forms.Widget):
    """Reads every value posted under the field's name (the input and its "I don't know" box)."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class SharedChoices:
    """Every form copies its fields, choices included, and the wizard builds one form per answered
    question on each request: copying the long lists (départements), and checking them again in
    the widget's copy, was a third of a request's time. Choices are never changed in place (a form
    that narrows them assigns a new list), so the copies can share them."""

    def __deepcopy__(self, memo):
        result = copy.copy(self)
        memo[id(self)] = result
        # A shallow copy of the widget keeps the same, already checked, choices.
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class YesNoField(PostedValues, SharedChoices, forms.TypedChoiceField):
    kind = "radios"

    def __init__(self, **kwargs):
        super().__init__(
            choices=YES_NO,
            coerce=lambda value: value == "true",
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose yes or no.")},
            **kwargs,
        )


class RadioField(PostedValues, SharedChoices, forms.ChoiceField):
    """One choice among a few, each with an optional hint saying how to recognise it."""

    kind = "radios"

    def __init__(self, choices, hints=None, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("Choose an answer.")})
        super().__init__(choices=choices, widget=forms.RadioSelect, **kwargs)
        self.hints = hints or {}


class CheckboxesField(PostedValues, SharedChoices, forms.MultipleChoiceField):
    kind = "checkboxes"

    def __init__(self, choices, hints=None, **kwargs):
        super().__init__(choices=choices, widget=forms.CheckboxSelectMultiple, **kwargs)
        self.hints = hints or {}

    def kept(self, posted: list[str]) -> list[str]:
        return posted

    def clean(self, value):
        # The same box posted twice is one answer.
        return list(dict.fromkeys(super().clean(value)))


class PlaceField(PostedValues, SharedChoices, forms.ChoiceField):
    """A native <select>: searchable by typing the code or the first letters of the name."""

    kind = "select"

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("Choose a place in the list.")})
        super().__init__(choices=(), **kwargs)
        self.offer(choices)

    def offer(self, choices):
        """The places to choose from, after the empty first line. A new list each time: the
        copies of the field share the one they are given (SharedChoices)."""
        self.choices = [("", _("Choose…")), *choices]


class ValueOrUnknownField(PostedValues, forms.Field):
    """A typed value, or `unknown` from its box: the field reads every value posted under its
    name, the first typed one and the box."""

    widget: type[forms.Widget] = ListOfValues
    allows_unknown = False

    def to_python(self, value):
        typed, unknown = typed_and_unknown([v for v in (value or []) if isinstance(v, str)])
        if self.allows_unknown and unknown:
            return UNKNOWN
        if not typed:
            return None
        return self.read(typed[0].strip())

    def read(self, text: str):
        """The typed value, or ValidationError."""
        raise NotImplementedError

    def kept(self, posted: list[str]) -> list[str]:
        typed, unknown = typed_and_unknown(posted)
        first = typed[:1] + unknown[:1]
        return [value for value in posted if value in first]


DATE_PARTS = ("_day", "_month", "_year")
MISSING_PARTS = {
    ("_day",): _("The date must include a day."),
    ("_month",): _("The date must include a month."),
    ("_year",): _("The date must include a year."),
    ("_day", "_month"): _("The date must include a day and a month."),
    ("_day", "_year"): _("The date must include a day and a year."),
    ("_month", "_year"): _("The date must include a month and a year."),
}


class DateInputs(forms.MultiWidget):
    """Day, month and year in three boxes (`<name>_day`, `<name>_month`, `<name>_year`), and the
    values posted under `<name>` itself: the "I don't know" box, or a date kept as YYYY-MM-DD."""

    def __init__(self, attrs=None):
        numeric = {"inputmode": "numeric"}
        # MultiWidget names each box `<name>_<key>`.
        parts = {part.lstrip("_"): forms.TextInput(attrs=numeric) for part in DATE_PARTS}
        super().__init__(parts, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = super().value_from_datadict(data, files, name)
        whole = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if isinstance(whole, str):
            whole = [whole]
        return {"parts": parts, "whole": whole if isinstance(whole, list) else []}

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and name not in data


def typed_parts(value) -> list[str]:
    """The day, month and year as typed (blank when not posted)."""
    parts = value.get("parts") if isinstance(value, dict) else None
    if not isinstance(parts, list | tuple) or len(parts) != len(DATE_PARTS):
        return ["", "", ""]
    return [part.strip() if isinstance(part, str) else "" for part in parts]


def date_from_parts(day: str, month: str, year: str) -> date:
    """The date typed in three boxes, or a ValidationError that says what is wrong with it."""
    missing = tuple(
        part for part, text in zip(DATE_PARTS, (day, month, year), strict=True) if not text
    )
    if missing:
        raise forms.ValidationError(MISSING_PARTS[missing], code="incomplete")
    if not all(re.fullmatch(r"[0-9]{1,4}", text) for text in (day, month, year)):
        raise forms.ValidationError(
            _("Type the day, the month and the year in numbers, for example 27 3 2026."),
            code="not_numbers",
        )
    if len(year) != 4:
        raise forms.ValidationError(
            _("The year must have 4 digits, for example 2026."), code="year_digits"
        )
    if not 1 <= int(month) <= 12:
        raise forms.ValidationError(_("The month must be a number from 1 to 12."), code="month")
    if not 1 <= int(day) <= 31:
        raise forms.ValidationError(_("The day must be a number from 1 to 31."), code="day")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        message = _("%(day)s %(month)s %(year)s does not exist: check the day.") % {
            "day": int(day),
            "month": MONTHS[int(month)],
            "year": year,
        }
        raise forms.ValidationError(message, code="no_such_day") from None


class DateField(ValueOrUnknownField):
    kind = "date"
    widget = DateInputs
    default_error_messages = {
        "required": _("Give the date."),
        "invalid": _("Give a real date, for example 27 3 2026."),
    }

    def to_python(self, value):
        whole = value.get("whole", []) if isinstance(value, dict) else (value or [])
        typed, unknown = typed_and_unknown([v for v in whole if isinstance(v, str)])
        if self.allows_unknown and unknown:
            return UNKNOWN
        parts = typed_parts(value)
        if any(parts):
            return date_from_parts(*parts)
        if not typed:
            return None
        return self.read(typed[0].strip())

    def read(self, text):
        parsed = read_date(text)
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed

    def validate(self, value):
        super().validate(value)
        if isinstance(value, date):
            check_date_range(value)

    def stored(self, value) -> list[str]:
        """What the answers cookie keeps of a date checked: YYYY-MM-DD, or `unknown`."""
        if isinstance(value, date):
            return [value.isoformat()]
        return [value] if value == UNKNOWN else []


class DateOrUnknownField(DateField):
    allows_unknown = True
    default_error_messages = {
        "required": _("Give the date, or tick “I don't know”."),
    }


class TimeOrUnknownField(ValueOrUnknownField):
    kind = "time"
    allows_unknown = True
    default_error_messages = {
        "required": _("Give the time, or tick “I don't know”."),
        "invalid": _("Give a time as hours and minutes, for example 16:10."),
    }

    def read(self, text):
        # Some browsers send seconds (16:10:00); the rules take hours and minutes.
        text = text.replace("h", ":").replace(".", ":")
        if len(text) == 8 and text[5] == ":":
            text = text[:5]
        if len(text) == 4 and text[1] == ":":
            text = "0" + text
        if not TIME_PATTERN.fullmatch(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return text


class YearsField(PostedValues, forms.IntegerField):
    kind = "number"

    def __init__(self, **kwargs):
        super().__init__(
            min_value=0,
            max_value=80,
            error_messages={
                "required": _("Give a number of years."),
                "invalid": _("Give a whole number of years, for example 4."),
                "min_value": _("Give a number from 0 to 80."),
                "max_value": _("Give a number from 0 to 80."),
            },
            **kwargs,
        )
