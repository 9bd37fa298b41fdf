"""The answers in words, each with a link to change it: above the question and on the outcome."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rules.engine.answers import UNKNOWN
from rules.presentation import day_words


def choice_label(field, value) -> str:
    labels = {str(key): label for key, label in field.choices}
    return str(labels.get(str(value), value))


def answer_text(field, value) -> str:
    if value == UNKNOWN:
        return _("I don't know")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, date):
        return day_words(value, with_weekday=False)
    if isinstance(value, list):
        if not value:
            return _("None of these")
        return "; ".join(choice_label(field, item) for item in value)
    if isinstance(field, forms.ChoiceField):
        return choice_label(field, value)
    if isinstance(value, int):
        return ngettext("%(count)d year", "%(count)d years", value) % {"count": value}
    return str(value)


def answer_rows(progress, url_of) -> list[dict]:
    """One row per question answered: question, answer in words, link to change it."""
    rows = []
    for step, data in progress.cleaned.items():
        # The form the answer was checked with has the labels and choices as they were asked.
        form = progress.forms[step]
        for name, value in data.items():
            field = form.fields[name]
            rows.append(
                {
                    "step": step,
                    "question": form.summary_label or field.label,
                    "answer": answer_text(field, value),
                    "change_url": url_of(step),
                }
            )
    return rows
