"""OQTF: protection (L. 611-3), the appeal and what comes next, from the answers and the regime.
Which procedure applies and how a later restriction shortens it: rules/engine/oqtf_procedure.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TypedDict

from rules.engine import appeal as common
from rules.engine import calendar, courts, deadlines, law, protection, regimes
from rules.engine.answers import Answers
from rules.engine.deadlines import Computed, Procedure
from rules.engine.model import Appeal, OqtfDetails, OutcomeParts, ReentryBan, Remedy, instant
from rules.engine.oqtf_procedure import choose_deadline, placement


class CourtOfAppeal(TypedDict):
    """The time to appeal the judgment to the cour administrative d'appel, from rules/law/."""

    rule: str
    source: str


class Pact(TypedDict):
    """The June 2026 decrees, from rules/law/ (LAW.md §7.1)."""

    warning: str
    shortest_days: int


class PactDetails(TypedDict):
    """What OqtfDetails says of the June 2026 decrees."""

    pact_may_be_shorter: bool
    pact_prominent: bool
    pact_shortest_days: int | None


def build_appeal(
    answers: Answers, regime: str, court: courts.Court
) -> tuple[Appeal, PactDetails, list[str]]:
    """The appeal, what the June 2026 decrees may change to it, and its warnings."""
    start, warnings = common.clock_start(answers)
    shown, decides_within, extra = choose_deadline(answers, regime, court, start)
    procedure, computed = shown.procedure, shown.computed
    warnings += extra + common.deadline_warnings(procedure["rule"], computed, court)
    if shown.time_unknown:
        warnings.append("time_unknown")
    if post_48_hours_not_opposable(answers, procedure, shown.start == start):
        warnings.append("post_48h_not_opposable")
    caa = appeal_court(answers, shown.name)
    sources = shown.sources + notification_sources(answers, computed)
    appeal = common.counted_appeal(
        procedure,
        computed,
        court,
        shown.start,
        suspensive=procedure["suspensive"],
        decides_within=decides_within,
        already_filed=answers.appeal_already_filed,
        appeal_court_rule=caa["rule"],
        appeal_court_source=caa["source"],
        sources=sources,
    )
    return appeal, pact_details(answers, computed.end, court, start), warnings


def appeal_court(answers: Answers, procedure_name: str) -> CourtOfAppeal:
    """The time to appeal the judgment, by the procedure the judgment was given in (LAW.md §2.5)."""
    by_procedure: dict[str, CourtOfAppeal] = law.required("oqtf/caa_appeal", answers.decided).value
    kind = procedure_name.removeprefix("oqtf/")
    return by_procedure.get(kind, by_procedure["default"])


def post_48_hours_not_opposable(
    answers: Answers, procedure: Procedure, from_notification: bool
) -> bool:
    """Before July 2024, 48 hours ran only from a decision handed over (CE n° 425111)."""
    return (
        procedure["rule"] == "48_hours"
        and answers.notified_by == "post"
        and from_notification
        and law.value("common/post_48_hours", answers.decided) is not None
    )


def notification_sources(answers: Answers, computed: Computed) -> tuple[str, ...]:
    sources = law.required("common/notification_rules", answers.decided).source
    if answers.notified_by == "post":
        sources += law.required("common/registered_letter", answers.decided).source
    if computed.extended_over:
        sources += (calendar.SOURCE,)
    return sources


def other_remedies(
    answers: Answers, start: date, court: courts.Court
) -> tuple[dict[str, Remedy], list[str], tuple[str, ...]]:
    if answers.restriction != "detention_centre":
        return {}, [], ()
    placed_on, at, decided_on = placement(answers, start)
    remedy, warnings = common.cra_placement(placed_on, at, court, decided_on)
    if remedy is None:
        return {}, [], ()
    return {"cra_placement": remedy}, warnings, remedy.sources


def pact_warnings(answers: Answers, start: date) -> list[str]:
    """The June 2026 decrees: on every OQTF decided or notified from their date (LAW.md §7.1).
    An unknown notification day is the day the deadline assumes (the decision's, §8.3)."""
    days = [answers.decided, start]
    return ["pact_2026"] if any(law.value("oqtf/pact_2026", day) for day in days) else []


def pact_details(
    answers: Answers, deadline: datetime, court: courts.Court, start: date
) -> PactDetails:
    """Whether the June 2026 decrees could leave less time than the deadline computed: only when
    it ends after the shortest time they could set (LAW.md §7.1). A 48-hour deadline is already
    shorter: the page must not name a longer time as a possible shortening. The notification is
    never before the decision, so the decrees apply on `start` whenever they apply at all."""
    pact: Pact | None = law.value("oqtf/pact_2026", start)
    if pact is None:
        return {"pact_may_be_shorter": False, "pact_prominent": False, "pact_shortest_days": None}
    shortest = deadlines.plain_days(start, pact["shortest_days"], court.time_zone).end
    shorter = instant(deadline) > instant(shortest)
    return {
        "pact_may_be_shorter": shorter,
        "pact_prominent": shorter and answers.ground in ("asylum_refused", "unknown"),
        "pact_shortest_days": pact["shortest_days"],
    }


def territory_warnings(answers: Answers) -> tuple[list[str], tuple[str, ...]]:
    warnings: list[str] = []
    sources: tuple[str, ...] = ()
    if regimes.general_law_applies(answers.located_in, answers.decided):
        warnings.append("overseas_act_now")
        separate = law.in_force("oqtf/separate_house_arrest_deadline", answers.decided)
        if answers.restriction == "house_arrest" and separate:
            not_in: list[str] = separate.value["not_in"]
            if answers.territory not in not_in:
                warnings.append("house_arrest_7_days")
                sources = separate.source
    if answers.territory == "mayotte":
        warnings.append("mayotte_special")
    return warnings, sources


def departure_until(answers: Answers, start: date) -> tuple[date | None, tuple[str, ...]]:
    if answers.departure_period != "given":
        return None, ()
    dated = law.required("oqtf/departure_period", answers.decided)
    days: int = dated.value
    return start + timedelta(days=days), dated.source


def details(answers: Answers, now: datetime, pact: PactDetails) -> OqtfDetails:
    day = answers.decided
    categories = law.required("oqtf/protected_categories", day)
    only_minors = set(categories.value) == {"minor"}
    return OqtfDetails(
        general_law=regimes.general_law_applies(answers.located_in, day),
        reentry_ban=ReentryBan(**law.required("oqtf/reentry_ban_max_years", day).value),
        # The longer term applies to older OQTF too: read on the day of the outcome.
        enforceable_years=law.value("oqtf/enforceable_for", now.date()),
        asylum_pending="asylum_pending" in answers.ties,
        departure_days=law.required("oqtf/departure_period", day).value,
        reporting_per_week=law.required("oqtf/reporting_during_departure", day).value,
        only_minors_since=categories.start if only_minors else None,
        **pact,
    )


def evaluate(answers: Answers, regime: str, now: datetime) -> OutcomeParts:
    court = common.court_of_place(answers)
    appeal, pact, warnings = build_appeal(answers, regime, court)
    start, _ = common.clock_start(answers)
    remedies, remedy_warnings, remedy_sources = other_remedies(answers, start, court)
    until, departure_sources = departure_until(answers, start)
    found = protection.of_oqtf(answers)
    place_warnings, place_sources = territory_warnings(answers)
    warnings = pact_warnings(answers, start) + place_warnings + warnings + remedy_warnings
    return {
        "protection": found,
        "appeal": appeal,
        "other_remedies": remedies,
        "departure_until": until,
        "details": details(answers, now, pact),
        "warnings": tuple(dict.fromkeys(warnings)),
        "sources": found.sources
        + appeal.sources
        + remedy_sources
        + departure_sources
        + place_sources,
    }
