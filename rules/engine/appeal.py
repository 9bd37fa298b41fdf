"""What both measures share: where the clock starts, which court, the deadline and its warnings."""

from __future__ import annotations

from datetime import date, time, timedelta
from functools import cache
from typing import Any, TypedDict

from dateutil.easter import easter

from rules.engine import calendar, courts, deadlines, law
from rules.engine.answers import Answers
from rules.engine.deadlines import Computed, Procedure
from rules.engine.model import Appeal, Remedy

ALSACE_MOSELLE = "alsace_moselle"


class DistanceDelays(TypedDict):
    """Months added to a two-month deadline for distance (CJA R. 421-7), from rules/law/."""

    overseas_to_metropole: int
    saint_martin_or_saint_barthelemy: int
    abroad: int


def clock_start(answers: Answers) -> tuple[date, list[str]]:
    """The notification day; unknown, the decision's own date (the earliest it can be)."""
    if answers.notified_on:
        return answers.notified_on, []
    return answers.decided, ["notified_on_unknown"]


def court_of_place(answers: Answers) -> courts.Court:
    """The court of the département (or detention centre) given, else of the territory."""
    code = answers.departement
    if code is None:
        return courts.court_for_territory(answers.located_in)
    if code in detention_centre_codes():
        return courts.court_for_cra(code)
    if answers.restriction == "detention_centre":
        return courts.court_for_detention_in_departement(code)
    return courts.court_for_departement(code)


@cache
def detention_centre_codes() -> frozenset[str]:
    return frozenset(code for code, _name, _departement in courts.detention_centres())


def compute(procedure: Procedure, start: date, at: time | None, court: courts.Court) -> Computed:
    return deadlines.compute(procedure, start, at, court.calendar, court.time_zone)


def deadline_warnings(rule: str, computed: Computed, court: courts.Court) -> list[str]:
    """Warnings that follow from where a deadline falls and where the court sits."""
    warnings = ["no_deadline_stated"]
    last_day = computed.end.date()
    if computed.other_reading:
        warnings.append("month_end_conservative")
    if court.calendar in calendar.WEST_OF_PARIS:
        warnings.append("paris_timestamp")
    if rule == "7_days":
        warnings.append("seven_days_disputed")
    if rule == "15_days" and not calendar.is_working_day(court.calendar, last_day):
        warnings.append("weekend_extension_possible")
    if court.calendar == ALSACE_MOSELLE and is_good_friday(last_day):
        warnings.append("good_friday_local")
    if court.calendar == "saint_martin" and near_saint_martin_may(last_day, computed):
        warnings.append("saint_martin_28_may")
    return warnings


def is_good_friday(day: date) -> bool:
    return day == easter(day.year) - timedelta(days=2)


def near_saint_martin_may(last_day: date, computed: Computed) -> bool:
    days = {last_day, *computed.extended_over}
    dates = {calendar.SAINT_MARTIN_STATUTORY, calendar.SAINT_MARTIN_OBSERVED}
    return any((d.month, d.day) in dates for d in days)


def counted_appeal(
    procedure: Procedure, computed: Computed, court: courts.Court, start: date, **more: Any
) -> Appeal:
    """An appeal counted by `procedure` from `start` at `court`: what both measures share; each
    adds what is its own (suspensive, the judge's time, the court of appeal, the sources)."""
    return Appeal(
        rule=procedure["rule"],
        counting=procedure["counting"],
        deadline=computed.end,
        extended_over=computed.extended_over,
        court=court,
        starts_on=start,
        other_reading=computed.other_reading,
        **more,
    )


def placement_counts_in_hours(decided_on: date) -> bool:
    procedure = law.value("common/cra_placement_challenge", decided_on)
    return procedure is not None and procedure["counting"] == "hours"


def cra_placement(
    start: date, at: time | None, court: courts.Court, decided_on: date
) -> tuple[Remedy | None, list[str]]:
    """Challenging the placement in a detention centre before the judicial judge (L. 741-10),
    counted from its notification (`start`, `at`) by the rule in force the day it was decided.
    None for a placement before May 2021, when no rule of rules/law applies: that older law is
    outside what the app covers, as for a decision."""
    dated = law.in_force("common/cra_placement_challenge", decided_on)
    if dated is None:
        return None, []
    procedure = dated.value
    computed = compute(procedure, start, at, court)
    warnings = ["time_unknown"] if procedure["counting"] == "hours" and at is None else []
    remedy = Remedy(
        rule=procedure["rule"],
        counting=procedure["counting"],
        deadline=computed.end,
        court="judicial_judge",
        sources=dated.source,
    )
    return remedy, warnings
