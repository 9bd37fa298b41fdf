"""The law the app applies, open to review: `/droit/` lists every file of rules/law/ by subject,
each dated value with its sources; `/droit/regimes/` sets the values side by side on the days the
rules changed. Both are read from rules.lawbook, never written by hand.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from rules import lawbook

GROUP_TITLES = {
    "regimes": _("Which rules apply, by the date of the decision"),
    "oqtf_deadlines": _("Time to appeal an OQTF (obligation to leave French territory)"),
    "protection": _("Who is protected from removal"),
    "courts": _("Courts, and appeals against a judgment"),
    "expulsion": _("Expulsion orders"),
    "counting": _("How deadlines are counted and notified"),
    "oqtf_after": _("After an OQTF: leaving, bans and reporting"),
    "general": _("The sources of the result page's statements and warnings"),
}


def value_lines(value: Any) -> list[tuple[str, str]]:
    """A value as (key, text) lines: a mapping one line per key, anything else one line."""
    if isinstance(value, dict):
        return [(str(key), inline(item)) for key, item in value.items()]
    return [("", inline(value))]


def inline(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {inline(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(inline(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def shown_entry(entry: lawbook.Entry, points: dict[str, str]) -> dict[str, Any]:
    return {
        "entry": entry,
        "open_points": [points[point] for point in entry.open_points],
        "periods": [
            {"period": period, "lines": value_lines(period.value), "ended": period.value is None}
            for period in reversed(entry.periods)
        ],
    }


def open_points_language(language: str) -> str:
    """The open points are written in French and English: English for every other language."""
    return "fr" if language == "fr" else "en"


def open_point_texts(lang: str) -> dict[str, str]:
    return {point["id"]: " ".join(point[lang].split()) for point in lawbook.open_points()}


@require_safe
def index(request):
    lang = open_points_language(request.LANGUAGE_CODE)
    points = open_point_texts(lang)
    groups = [
        {"id": group, "title": GROUP_TITLES[group], "entries": [shown_entry(e, points) for e in es]}
        for group, es in lawbook.grouped()
    ]
    context = {
        "groups": groups,
        "checked_on": lawbook.checked_on(),
        "open_points": list(points.values()),
        "open_points_language": lang,
    }
    return render(request, "rules/law/index.html", context)


def side_by_side() -> list[dict[str, Any]]:
    """Each file that changes on a day the rules changed: its value from each of those days, or
    None where it did not change that day."""
    days = lawbook.regime_days()
    rows = []
    for entry in lawbook.entries():
        by_day = {period.start: period for period in entry.periods}
        if not any(day in by_day for day in days):
            continue
        cells = [
            {
                "period": by_day[day],
                "lines": value_lines(by_day[day].value),
                "ended": by_day[day].value is None,
            }
            if day in by_day
            else None
            for day in days
        ]
        rows.append({"entry": entry, "cells": cells})
    return rows


@require_safe
def regimes(request):
    context = {
        "days": lawbook.regime_days(),
        "rows": side_by_side(),
        "checked_on": lawbook.checked_on(),
    }
    return render(request, "rules/law/regimes.html", context)
