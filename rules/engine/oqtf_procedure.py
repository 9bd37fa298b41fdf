"""OQTF: which appeal procedure applies, from the situation at notification and any house arrest,
detention or prison that came after (LAW.md §2.4, §2.6), and the deadline it gives."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, time

from rules.engine import appeal as common
from rules.engine import courts, law, regimes
from rules.engine.answers import Answers
from rules.engine.appeal import DistanceDelays
from rules.engine.deadlines import Computed, Procedure

CURRENT = "oqtf-2024-07"
RESTRICTED_BEFORE_2024_07 = {"house_arrest", "detention_centre"}
CURRENT_PROCEDURES = {
    "detention_centre": "oqtf/appeal_detention_centre",
    "house_arrest": "oqtf/appeal_house_arrest_or_prison",
    "prison": "oqtf/appeal_house_arrest_or_prison",
}


def procedure_name(answers: Answers, regime: str, restriction: str) -> str:
    """The appeal procedure for the situation at notification (LAW.md §2.4, §2.6)."""
    if regimes.general_law_applies(answers.located_in, answers.decided):
        return "oqtf/appeal_general_law"
    if regime == CURRENT:
        return CURRENT_PROCEDURES.get(restriction, "oqtf/appeal_free")
    if restriction in RESTRICTED_BEFORE_2024_07 or answers.departure_period == "withdrawn":
        return "oqtf/appeal_restricted_before_2024_07"
    # No period, or not known whether one was given: the 48 hours are the earliest reading.
    if answers.departure_period in ("none", "unknown"):
        return "oqtf/appeal_no_period"
    # L. 611-1 3°, 5°, 6°: 30 days; the other grounds, and an unknown one, 15 days.
    serious: list[str] = law.required("oqtf/serious_grounds", answers.decided).value
    if answers.ground in serious:
        return "oqtf/appeal_period_given_serious_grounds"
    return "oqtf/appeal_period_given_other_grounds"


def counts_in_hours(answers: Answers, regime: str, restriction: str) -> bool:
    name = procedure_name(answers, regime, restriction)
    procedure: Procedure = law.required(name, answers.decided).value
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
        and not regimes.general_law_applies(answers.located_in, answers.decided)
    )


def notified_before_the_oqtf(answers: Answers) -> bool:
    """An earlier day, or the OQTF's own day at an earlier hour (both hours given)."""
    started, oqtf_day = answers.restriction_notified_on, answers.notified_on or answers.decided
    if started is None or started != oqtf_day:
        return started is not None and started < oqtf_day
    at, oqtf_at = answers.restriction_notified_at, answers.notified_at
    return at is not None and oqtf_at is not None and at < oqtf_at


def restriction_clock(answers: Answers, start: date) -> tuple[date, time | None]:
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
    matter: set[str] = set()
    if counts_in_hours(answers, regime, situation_at_notification(answers)):
        matter.add("notified_at")
    if restriction_deadline_applies(answers, regime) and counts_in_hours(
        answers, regime, answers.restriction
    ):
        matter.add("restriction_notified_at")
    if answers.restriction == "detention_centre":
        start = answers.notified_on or answers.decided
        _placed_on, _at, decided_on = placement(answers, start)
        if common.placement_counts_in_hours(decided_on):
            later = not answers.restriction_with_decision
            matter.add("restriction_notified_at" if later else "notified_at")
    return matter


def general_law_procedure(answers: Answers, procedure: Procedure) -> Procedure:
    """Two months, one more for people living in Saint-Martin or Saint-Barthélemy (CJA R. 421-7)."""
    if answers.territory not in ("saint_martin", "saint_barthelemy"):
        return procedure
    extra: DistanceDelays = law.required("common/distance_delay_months", answers.decided).value
    months = procedure["length"] + extra["saint_martin_or_saint_barthelemy"]
    return {**procedure, "length": months, "rule": f"{months}_months"}


def judge_time(answers: Answers, procedure: Procedure, restriction: str) -> str | None:
    within = procedure["decides_within"]
    if within is None:
        # General law overseas: no time limit for the judge, in prison too (L. 614-15 is one of
        # the special procedures that do not apply there, LAW.md §2.6).
        return None
    if isinstance(within, dict):
        within = within[answers.ground]
    in_prison: str | None = law.value("oqtf/judge_time_in_prison", answers.decided)
    if restriction == "prison" and in_prison:
        # Before July 2024, 8 days for every detainee, whatever the deadline (30 days, 15 days
        # or 48 hours): LAW.md §2.4, row "in prison".
        return in_prison
    return within


@dataclass(frozen=True)
class Candidate:
    """One way of counting the deadline: a procedure started at a given day and time."""

    name: str
    sources: tuple[str, ...]
    procedure: Procedure
    start: date
    at: time | None
    computed: Computed
    decides_within: str | None

    @property
    def time_unknown(self) -> bool:
        return self.procedure["counting"] == "hours" and self.at is None


def candidate(
    answers: Answers,
    regime: str,
    restriction: str,
    clock: tuple[date, time | None],
    court: courts.Court,
) -> Candidate:
    """The procedure for that situation, started at `clock` (a day, and a time when known)."""
    name = procedure_name(answers, regime, restriction)
    dated = law.required(name, answers.decided)
    procedure: Procedure = dated.value
    if name == "oqtf/appeal_general_law":
        procedure = general_law_procedure(answers, procedure)
    start, at = clock
    return Candidate(
        name=name,
        sources=dated.source,
        procedure=procedure,
        start=start,
        at=at,
        computed=common.compute(procedure, start, at, court),
        decides_within=judge_time(answers, procedure, restriction),
    )


def choose_deadline(
    answers: Answers, regime: str, court: courts.Court, start: date
) -> tuple[Candidate, str | None, list[str]]:
    """The deadline shown, with the judge's time and the warnings its choice implies (LAW.md
    §2.4, last row)."""
    situation = situation_at_notification(answers)
    base = candidate(answers, regime, situation, (start, answers.notified_at), court)
    if not restricted_later(answers):
        return base, base.decides_within, []
    if answers.appeal_already_filed:
        # The judge's own time once told of the new measure (LAW.md §2.4, §8.5); the filing
        # deadline was the one of the OQTF.
        after_filing = law.required("oqtf/judge_time_after_filing", answers.decided)
        judge_times: dict[str, str] = after_filing.value
        base = replace(base, sources=base.sources + after_filing.source)
        return base, judge_times[answers.restriction], []
    clock = restriction_clock(answers, start)
    restricted = candidate(answers, regime, answers.restriction, clock, court)
    if restricted.name == base.name:
        # In prison before July 2024 the period and ground rules applied: nothing shorter; but
        # the judge has the detainee's time (8 days).
        return base, restricted.decides_within, []
    # Compared as instants: two times of one zone compare on the wall clock, so in the autumn
    # overlap 02:10 after the change (+01:00) would pass for earlier than 02:50 before it.
    earlier = restricted.computed.end.astimezone(UTC) < base.computed.end.astimezone(UTC)
    shown = restricted if earlier else base
    return shown, restricted.decides_within, ["restriction_after_oqtf"]


def placement(answers: Answers, start: date) -> tuple[date, time | None, date]:
    """When the placement in a detention centre was notified (day, time) and the day whose rule
    applies: the rule is chosen by the day the placement was decided, the OQTF's own date for a
    placement decided with it (LAW.md §2.4, §8.16); a later placement is known by its notification.
    """
    if answers.restriction_with_decision:
        return start, answers.notified_at, answers.decided
    placed_on = answers.restriction_notified_on or start
    return placed_on, answers.restriction_notified_at, placed_on
