"""What every step's form does: it reads earlier answers through `answer(step, field=None)`, and
checks its dates against today and against the earlier answers they cannot come before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from questionnaire import places
from questionnaire.fields import DateField
from rules import clock
from rules.engine.answers import UNKNOWN

if TYPE_CHECKING:
    # A string, or a lazy one (gettext_lazy): the type checker's name only.
    from django_stubs_ext import StrOrPromise


def nobody_answered(step, field=None):
    return None


@dataclass(frozen=True)
class NotBefore:
    """A date answer cannot come before the first of `earlier` answers that is known."""

    earlier: tuple[str, ...]
    message: StrOrPromise


class StepForm(forms.Form):
    # The question in a few words, for the list of answers above the next question.
    summary_label: StrOrPromise | None = None
    # For a date question: the earlier answers it cannot come before, and what to say if it does.
    not_before: NotBefore | None = None

    def __init__(self, *args, answer=nobody_answered, now=None, **kwargs):
        self.answer = answer
        self.now = now or clock.now()
        super().__init__(*args, **kwargs)

    def clean(self):
        self.not_after_today()
        if self.not_before:
            self.not_before_earlier(self.not_before)
        return self.cleaned_data

    def not_after_today(self):
        """A decision, notification or summons cannot be dated after today, the day where the
        decision was taken (LAW.md §8.1): this is a typing error, said next to the field."""
        today = self.now.astimezone(places.time_zone(self.answer("departement", "departement")))
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if isinstance(field, DateField) and isinstance(value, date) and value > today.date():
                message = _("This date is after today: check the year.")
                self.add_error(name, forms.ValidationError(message, code="date_after_today"))

    def not_before_earlier(self, rule: NotBefore):
        known = (self.answer(step) for step in rule.earlier)
        earlier = next((day for day in known if day not in (None, UNKNOWN)), None)
        for name, value in list(self.cleaned_data.items()):
            if earlier and isinstance(value, date) and value < earlier:
                error = forms.ValidationError(rule.message, code="before_earlier_date")
                self.add_error(name, error)

    def add_rules_errors(self, errors):
        """The rules' own checks, (field, message) pairs, said next to the question when its
        answer passed the form's."""
        if errors and self.is_valid():
            for _field, message in errors:
                self.add_error(next(iter(self.fields)), message)
