"""OQTF: protection (L. 611-3) and the appeal, as functions of the answers and the regime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rules.engine import appeal as common
from rules.engine import calendar, deadlines, law, protection, regimes
from rules.engine.answers import Answers
from rules.engine.model import Appeal, OqtfDetails, ReentryBan, instant

CURRENT = "oqtf-2024-07"
# L. 611-1 3°, 5°, 6°: the 30-day procedure before July 2024; 1°, 2°, 4° (and unknown) had 15 days.
SERIOUS_GROUNDS = {"permit_refused", "public_order", "unauthorised_work"}
RESTRICTED_BEFORE_2024_07 = {"house_arrest", "detention_centre"}
CURRENT_PROCEDURES = {
    "detention_centre": "oqtf/appeal_detention_centre",
    "house_arrest": "oqtf/appeal_house_arrest_or_prison",
    "prison": "oqtf/appeal_house_arrest_or_prison",
}


def procedure_name(answers: Answers, regime: str, restriction: str) -> str:
    """The appeal procedure for the situation at notification (LAW.md §2.4, §2.6)."""
    if regimes.general_law_applies(answers.territory, answers.decided_on):
        return "oqtf/appeal_general_law"
    if regime == CURRENT:
        return CURRENT_PROCEDURES.get(restriction, "oqtf/appeal_free")
    if restriction in RESTRICTED_BEFORE_2024_07 or answers.departure_period == "withdrawn":
        return "oqtf/appeal_restricted_before_2024_07"
    # No period, or not known whether one was given: the 48 hours are the earliest reading.
    if answers.departure_period in ("none", "unknown"):
        return "oqtf/appeal_no_period"
    if answers.ground in SERIOUS_GROUNDS:
        return "oqtf/appeal_period_given_serious_grounds"
    return "oqtf/appeal_period_given_other_grounds"


def counts_in_hours(answers: Answers, regime: str, restriction: str) -> bool:
    procedure = law.value(procedure_name(answers, regime, restriction), answers.decided_on)
    return procedure["counting"] == "hours"


def restricted_later(answers: Answers) -> bool:
    """House arrest, detention or prison that came after the OQTF, where the special
    procedures apply (overseas, general law ignores it). One that began before the OQTF was
    notified is one the person was "already under": the same as one decided with the OQTF
    (LAW.md §2.4), counted from the OQTF's notification."""
    return (
        answers.restriction != "none"
        and not answers.restriction_with_decision
        and not notified_before_the_oqtf(answers)
        and not regimes.general_law_applies(answers.territory, answers.decided_on)
    )


def notified_before_the_oqtf(answers: Answers) -> bool:
    """An earlier day, or the OQTF's own day at an earlier hour (both hours given)."""
    started, oqtf_day = answers.restriction_notified_on, answers.notified_on or answers.decided_on
    if started is None or started != oqtf_day:
        return started is not None and started < oqtf_day
    at, oqtf_at = answers.restriction_notified_at, answers.notified_at
    return at is not None and oqtf_at is not None and at < oqtf_at


def restriction_clock(answers: Answers, start) -> tuple:
    """The day and time a later restriction's deadline counts from: never before the OQTF's own
    notification, the earliest a measure that came after it can be (its day or hour not given,
    or an hour before the OQTF's on the same day)."""
    day = answers.restriction_notified_on or start
    at, oqtf_at = answers.restriction_notified_at, answers.notified_at
    if day == start and oqtf_at is not None and (at is None or at < oqtf_at):
        at = oqtf_at
    return day, at


def situation_at_notification(answers: Answers) -> str:
    return "none" if restricted_later(answers) else answers.restriction


def restriction_deadline_applies(answers: Answers, regime: str) -> bool:
    """A later restriction brings its own, possibly shorter, deadline: not once the appeal is
    filed, and not when its procedure is the same (prison before July 2024)."""
    return (
        restricted_later(answers)
        and not answers.appeal_already_filed
        and procedure_name(answers, regime, answers.restriction)
        != procedure_name(answers, regime, "none")
    )


def times_that_matter(answers: Answers, regime: str) -> set[str]:
    """The notification times the outcome depends on (the questionnaire asks only these):
    `notified_at` and `restriction_notified_at`, when a deadline they start counts in hours."""
    matter = set()
    if counts_in_hours(answers, regime, situation_at_notification(answers)):
        matter.add("notified_at")
    if restriction_deadline_applies(answers, regime) and counts_in_hours(
        answers, regime, answers.restriction
    ):
        matter.add("restriction_notified_at")
    if answers.restriction == "detention_centre":
        start = answers.notified_on or answers.decided_on
        _placed_on, _at, decided_on = placement(answers, start)
        if common.placement_counts_in_hours(decided_on):
            later = not answers.restriction_with_decision
            matter.add("restriction_notified_at" if later else "notified_at")
    return matter


def general_law_procedure(answers: Answers, procedure: dict) -> dict:
    """Two months, one more for people living in Saint-Martin or Saint-Barthélemy (CJA R. 421-7)."""
    if answers.territory not in ("saint_martin", "saint_barthelemy"):
        return procedure
    extra = law.value("common/distance_delay_months", answers.decided_on)
    months = procedure["length"] + extra["saint_martin_or_saint_barthelemy"]
    return {**procedure, "length": months, "rule": f"{months}_months"}


def judge_time(answers: Answers, procedure: dict, restriction: str) -> str | None:
    within = procedure["decides_within"]
    if within is None:
        # General law overseas: no time limit for the judge, in prison too (L. 614-15 is one of
        # the special procedures that do not apply there, LAW.md §2.6).
        return None
    if isinstance(within, dict):
        within = within[answers.ground]
    in_prison = law.value("oqtf/judge_time_in_prison", answers.decided_on)
    if restriction == "prison" and in_prison:
        # Before July 2024, 8 days for every detainee, whatever the deadline (30 days, 15 days
        # or 48 hours): LAW.md §2.4, row "in prison".
        return in_prison
    return within


class Candidate:
    """One way of counting the deadline: a procedure started at a given day and time."""

    def __init__(self, answers, regime, restriction, start, at, court):
        name = procedure_name(answers, regime, restriction)
        dated = law.in_force(name, answers.decided_on)
        self.name, self.sources = name, dated.source
        self.procedure = (
            general_law_procedure(answers, dated.value)
            if name == "oqtf/appeal_general_law"
            else dated.value
        )
        self.start, self.at = start, at
        self.computed = common.compute(self.procedure, start, at, court)
        self.decides_within = judge_time(answers, self.procedure, restriction)

    @property
    def time_unknown(self):
        return self.procedure["counting"] == "hours" and self.at is None


def choose_deadline(answers: Answers, regime: str, court, start):
    """The deadline shown, with the warnings its choice implies (LAW.md §2.4, last row)."""
    base = Candidate(
        answers, regime, situation_at_notification(answers), start, answers.notified_at, court
    )
    if not restricted_later(answers):
        return base, base.decides_within, []
    if answers.appeal_already_filed:
        # The judge's own time once told of the new measure (LAW.md §2.4, §8.5); the filing
        # deadline was the one of the OQTF.
        after_filing = law.in_force("oqtf/judge_time_after_filing", answers.decided_on)
        base.sources += after_filing.source
        return base, after_filing.value[answers.restriction], []
    restricted = Candidate(
        answers, regime, answers.restriction, *restriction_clock(answers, start), court
    )
    if restricted.name == base.name:
        # In prison before July 2024 the period and ground rules applied: nothing shorter; but
        # the judge has the detainee's time (8 days).
        return base, restricted.decides_within, []
    # Compared as instants: two times of one zone compare on the wall clock, so in the autumn
    # overlap 02:10 after the change (+01:00) would pass for earlier than 02:50 before it.
    earlier = restricted.computed.end.astimezone(UTC) < base.computed.end.astimezone(UTC)
    shown = restricted if earlier else base
    return shown, restricted.decides_within, ["restriction_after_oqtf"]


def build_appeal(answers: Answers, regime: str):
    start, warnings = common.clock_start(answers)
    court = common.court_of_place(answers)
    shown, decides_within, extra = choose_deadline(answers, regime, court, start)
    procedure, computed = shown.procedure, shown.computed
    warnings += extra + common.deadline_warnings(procedure["rule"], computed, court)
    if shown.time_unknown:
        warnings.append("time_unknown")
    if post_48_hours_not_opposable(answers, procedure, shown.start == start):
        warnings.append("post_48h_not_opposable")
    caa = appeal_court(answers, shown.name)
    sources = shown.sources + notification_sources(answers, computed)
    appeal = Appeal(
        rule=procedure["rule"],
        counting=procedure["counting"],
        deadline=computed.end,
        extended_over=computed.extended_over,
        suspensive=procedure["suspensive"],
        court=court,
        decides_within=decides_within,
        starts_on=shown.start,
        other_reading=computed.other_reading,
        already_filed=answers.appeal_already_filed,
        appeal_court_rule=caa["rule"],
        appeal_court_source=caa["source"],
        sources=sources,
    )
    return appeal, warnings


def appeal_court(answers: Answers, procedure_name: str) -> dict:
    """The time to appeal the judgment, by the procedure the judgment was given in (LAW.md §2.5)."""
    by_procedure = law.value("oqtf/caa_appeal", answers.decided_on)
    kind = procedure_name.removeprefix("oqtf/")
    return by_procedure.get(kind, by_procedure["default"])


def post_48_hours_not_opposable(answers: Answers, procedure: dict, from_notification: bool):
    """Before July 2024, 48 hours ran only from a decision handed over (CE n° 425111)."""
    return (
        procedure["rule"] == "48_hours"
        and answers.notified_by == "post"
        and from_notification
        and law.value("common/post_48_hours", answers.decided_on) is not None
    )


def notification_sources(answers: Answers, computed) -> tuple[str, ...]:
    sources = law.in_force("common/notification_rules", answers.decided_on).source
    if answers.notified_by == "post":
        sources += law.in_force("common/registered_letter", answers.decided_on).source
    if computed.extended_over:
        sources += (calendar.SOURCE,)
    return sources


def other_remedies(answers: Answers, start, court):
    if answers.restriction != "detention_centre":
        return {}, [], ()
    placed_on, at, decided_on = placement(answers, start)
    remedy, warnings = common.cra_placement(placed_on, at, court, decided_on)
    if remedy is None:
        return {}, [], ()
    return {"cra_placement": remedy}, warnings, remedy.sources


def placement(answers: Answers, start):
    """When the placement in a detention centre was notified (day, time) and the day whose rule
    applies: the rule is chosen by the day the placement was decided, the OQTF's own date for a
    placement decided with it (LAW.md §2.4, §8.16); a later placement is known by its notification.
    """
    if answers.restriction_with_decision:
        return start, answers.notified_at, answers.decided_on
    placed_on = answers.restriction_notified_on or start
    return placed_on, answers.restriction_notified_at, placed_on


def pact_warnings(answers: Answers, start) -> list[str]:
    """The June 2026 decrees: on every OQTF decided or notified from their date (LAW.md §7.1).
    An unknown notification day is the day the deadline assumes (the decision's, §8.3)."""
    days = [answers.decided_on, start]
    return ["pact_2026"] if any(law.value("oqtf/pact_2026", day) for day in days) else []


def pact_details(answers: Answers, appeal: Appeal, start) -> dict:
    """Whether the June 2026 decrees could leave less time than the deadline computed: only when
    it ends after the shortest time they could set (LAW.md §7.1). A 48-hour deadline is already
    shorter: the page must not name a longer time as a possible shortening. The notification is
    never before the decision, so the decrees apply on `start` whenever they apply at all."""
    pact = law.value("oqtf/pact_2026", start)
    if pact is None:
        return {"pact_may_be_shorter": False, "pact_prominent": False, "pact_shortest_days": None}
    shortest = deadlines.plain_days(start, pact["shortest_days"], appeal.court.time_zone).end
    shorter = instant(appeal.deadline) > instant(shortest)
    return {
        "pact_may_be_shorter": shorter,
        "pact_prominent": shorter and answers.ground in ("asylum_refused", "unknown"),
        "pact_shortest_days": pact["shortest_days"],
    }


def territory_warnings(answers: Answers) -> tuple[list[str], tuple[str, ...]]:
    warnings, sources = [], ()
    if regimes.general_law_applies(answers.territory, answers.decided_on):
        warnings.append("overseas_act_now")
        separate = law.in_force("oqtf/separate_house_arrest_deadline", answers.decided_on)
        if (
            answers.restriction == "house_arrest"
            and separate
            and answers.territory not in separate.value["not_in"]
        ):
            warnings.append("house_arrest_7_days")
            sources = separate.source
    if answers.territory == "mayotte":
        warnings.append("mayotte_special")
    return warnings, sources


def departure_until(answers: Answers, start):
    if answers.departure_period != "given":
        return None, ()
    dated = law.in_force("oqtf/departure_period", answers.decided_on)
    return start + timedelta(days=dated.value), dated.source


def details(answers: Answers, now: datetime, pact: dict) -> OqtfDetails:
    day = answers.decided_on
    categories = law.in_force("oqtf/protected_categories", day)
    only_minors = set(categories.value) == {"minor"}
    return OqtfDetails(
        general_law=regimes.general_law_applies(answers.territory, day),
        reentry_ban=ReentryBan(**law.value("oqtf/reentry_ban_max_years", day)),
        # The longer term applies to older OQTF too: read on the day of the outcome.
        enforceable_years=law.value("oqtf/enforceable_for", now.date()),
        asylum_pending="asylum_pending" in answers.ties,
        departure_days=law.value("oqtf/departure_period", day),
        reporting_per_week=law.value("oqtf/reporting_during_departure", day),
        only_minors_since=categories.start if only_minors else None,
        **pact,
    )


def evaluate(answers: Answers, regime: str, now: datetime) -> dict:
    appeal, warnings = build_appeal(answers, regime)
    start, _ = common.clock_start(answers)
    remedies, remedy_warnings, remedy_sources = other_remedies(answers, start, appeal.court)
    until, departure_sources = departure_until(answers, start)
    found = protection.of_oqtf(answers)
    place_warnings, place_sources = territory_warnings(answers)
    warnings = pact_warnings(answers, start) + place_warnings + warnings + remedy_warnings
    return {
        "protection": found,
        "appeal": appeal,
        "other_remedies": remedies,
        "departure_until": until,
        "details": details(answers, now, pact_details(answers, appeal, start)),
        "warnings": tuple(dict.fromkeys(warnings)),
        "sources": found.sources
        + appeal.sources
        + remedy_sources
        + departure_sources
        + place_sources,
    }
