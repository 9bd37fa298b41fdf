"""Expulsion: the board's timetable when summoned; protection, annulment and repeal once ordered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TypedDict

from rules.engine import appeal as common
from rules.engine import courts, deadlines, law, protection
from rules.engine.answers import FORMER_TERRITORIES, Answers
from rules.engine.appeal import DistanceDelays
from rules.engine.deadlines import Procedure
from rules.engine.model import (
    Appeal,
    Comex,
    ExpulsionDetails,
    OutcomeParts,
    Protection,
    Remedy,
    Repeal,
    instant,
)
from rules.engine.regimes import OTHER_COLLECTIVITY

# Where a person now abroad may have lived, for an order that this app covers.
FORMER_HOMES = tuple(t for t in FORMER_TERRITORIES if t != OTHER_COLLECTIVITY)


class ComexRules(TypedDict):
    """The board's timetable, from rules/law/."""

    summons_days_before_hearing: int
    opinion_months: int
    postponement_max_months: int


class RepealRules(TypedDict):
    """Asking for repeal, from rules/law/: the terms of Repeal, and the situations (a restriction
    answer, or abroad) in which a request may come at any time."""

    window_months: int
    any_time_when: list[str]
    silence_means_refusal_months: int
    board_after_years: int
    review_every_years: int
    review_silence_months: int


def comex_timetable(answers: Answers) -> Comex:
    """Hearing at least 15 days after the summons; opinion within a month of it. A postponement
    adds at most a month from the board's decision to postpone, a date the app cannot know
    (LAW.md §3.3): only the rule is given. Without the summons' date, no date at all."""
    dated = law.required("expulsion/comex", answers.decided)
    rules: ComexRules = dated.value
    summoned = answers.summoned_on
    board = Comex(
        hearing_days=rules["summons_days_before_hearing"],
        opinion_months=rules["opinion_months"],
        postponement_months=rules["postponement_max_months"],
        sources=dated.source,
    )
    if summoned is None:
        return board
    return replace(
        board,
        summoned_on=summoned,
        hearing_not_before=summoned + timedelta(days=board.hearing_days),
        opinion_by=deadlines.add_months(summoned, board.opinion_months),
    )


def court_for_order(answers: Answers) -> courts.Court | None:
    """The minister's orders go to the TA of Paris; a prefect's to the TA of residence or prison,
    or of the former residence for a person now abroad (None when it was not given)."""
    if answers.authority == "minister":
        return courts.court_for_departement(courts.PARIS_DEPARTEMENT)
    if answers.territory == "abroad" and answers.departement is None:
        if answers.former_territory is None:
            return None
        return courts.court_for_territory(answers.former_territory)
    return common.court_of_place(answers)


def earliest_former_court(procedure: Procedure, start: date) -> courts.Court:
    """Former home not given: the court of any territory where the person may have lived, whose
    deadline ends first (LAW.md §8.15), named only as the court of the former residence."""
    candidates = [courts.court_for_territory(t) for t in FORMER_HOMES]
    first = min(candidates, key=lambda c: instant(common.compute(procedure, start, None, c).end))
    return courts.former_residence_court(first)


def distance_months(answers: Answers, court: courts.Court | None) -> int:
    """CJA R. 421-7: abroad, 2 more months; overseas with a court in metropolitan France, or living
    in Saint-Martin or Saint-Barthélemy (courts at Basse-Terre), 1 more. The court is None only
    for a person abroad (court_for_order)."""
    delays: DistanceDelays = law.required("common/distance_delay_months", answers.decided).value
    if answers.territory == "abroad":
        return delays["abroad"]
    if (
        answers.territory not in courts.METROPOLITAN
        and court is not None
        and court.calendar in courts.METROPOLITAN
    ):
        return delays["overseas_to_metropole"]
    if answers.territory in ("saint_martin", "saint_barthelemy"):
        return delays["saint_martin_or_saint_barthelemy"]
    return 0


def annulment(answers: Answers) -> tuple[Appeal, list[str], date]:
    """The appeal to annul the order, its warnings, and the day its deadline counts from."""
    dated = law.required("expulsion/annulment", answers.decided)
    base: Procedure = dated.value
    court = court_for_order(answers)
    months = base["length"] + distance_months(answers, court)
    procedure: Procedure = {**base, "length": months, "rule": f"{months}_months"}
    start, warnings = common.clock_start(answers)
    if court is None:
        court = earliest_former_court(procedure, start)
    computed = common.compute(procedure, start, None, court)
    warnings += ["expulsion_act_now", *common.deadline_warnings(procedure["rule"], computed, court)]
    if court.code == courts.FORMER_RESIDENCE:
        warnings.append("former_territory_unknown")
    sources = dated.source + law.required("common/notification_rules", answers.decided).source
    if months > base["length"]:
        sources += law.required("common/distance_delay_months", answers.decided).source
    caa = law.required("expulsion/caa_appeal", answers.decided)
    caa_rule: str = caa.value
    appeal = common.counted_appeal(
        procedure,
        computed,
        court,
        start,
        suspensive=False,
        decides_within=None,
        appeal_court_rule=caa_rule,
        appeal_court_source=" ; ".join(caa.source),
        sources=sources + caa.source,
    )
    return appeal, warnings, start


def repeal(answers: Answers, start: date) -> Repeal:
    """Repeal asked more than 2 months after the notification is possible only from abroad, in
    prison, or under some long-term house arrests (L. 632-5): free in France, in a detention
    centre or under the house arrest of removal, the request must come within those 2 months,
    counted plainly (LAW.md §3.5, §8.11)."""
    rules: RepealRules = law.required("expulsion/repeal", answers.decided).value
    terms = Repeal(
        window_months=rules["window_months"],
        silence_means_refusal_months=rules["silence_means_refusal_months"],
        board_after_years=rules["board_after_years"],
        review_every_years=rules["review_every_years"],
        review_silence_months=rules["review_silence_months"],
    )
    situation = "abroad" if answers.territory == "abroad" else answers.restriction
    if situation in rules["any_time_when"]:
        return terms
    return replace(
        terms,
        until=deadlines.add_months(start, rules["window_months"]),
        later_if_long_house_arrest=answers.restriction == "house_arrest",
    )


def family_offences_read_narrowly(answers: Answers) -> bool:
    """Before 2024, offences against family lifted only the two family categories, and only
    when against spouse or children (LAW.md §3.2): said when that conduct is ticked."""
    quasi = law.required("expulsion/quasi_absolute_lifted_by", answers.decided)
    family_only: list[str] = quasi.value["family_categories_only"]
    return "against_family" in answers.conduct and "against_family" in family_only


def times_that_matter(answers: Answers) -> set[str]:
    """The placement's notification time, when its challenge counts in hours (placements before
    15 July 2024); the order's own deadline counts in months."""
    placed_on = answers.restriction_notified_on or answers.notified_on or answers.decided
    if answers.restriction == "detention_centre" and common.placement_counts_in_hours(placed_on):
        return {"restriction_notified_at"}
    return set()


def other_remedies(
    answers: Answers, start: date, court: courts.Court
) -> tuple[dict[str, Remedy], list[str], tuple[str, ...]]:
    """Challenging a placement in a detention centre, with its warnings and sources. The
    placement is known by its notification (LAW.md §8.12): its rule, by that day too."""
    if answers.restriction != "detention_centre":
        return {}, [], ()
    placed_on = answers.restriction_notified_on or start
    remedy, warnings = common.cra_placement(
        placed_on, answers.restriction_notified_at, court, placed_on
    )
    if remedy is None:
        return {}, [], ()
    return {"cra_placement": remedy}, warnings, remedy.sources


def summoned(answers: Answers, found: Protection, details: ExpulsionDetails) -> OutcomeParts:
    """Before the order: the board's timetable."""
    comex = comex_timetable(answers)
    return {
        "protection": found,
        "details": details,
        "comex": comex,
        "warnings": () if comex.summoned_on else ("summoned_on_unknown",),
        "sources": found.sources + comex.sources,
    }


def ordered(answers: Answers, found: Protection, details: ExpulsionDetails) -> OutcomeParts:
    """Once ordered: the annulment, a placement's challenge, the repeal and who decides."""
    appeal, warnings, start = annulment(answers)
    assert appeal.court is not None  # annulment always names a court
    remedies, remedy_warnings, remedy_sources = other_remedies(answers, start, appeal.court)
    authority: str = law.required("expulsion/deciding_authority", answers.decided).value
    repeal_sources = law.required("expulsion/repeal", answers.decided).source
    return {
        "protection": found,
        "details": replace(details, repeal=repeal(answers, start), authority=authority),
        "appeal": appeal,
        "other_remedies": remedies,
        "warnings": tuple(dict.fromkeys(warnings + remedy_warnings)),
        "sources": found.sources + appeal.sources + remedy_sources + repeal_sources,
    }


def evaluate(answers: Answers, regime: str, now: datetime) -> OutcomeParts:
    found = protection.of_expulsion(answers)
    penalty: int = law.required("expulsion/reporting_failure_penalty", answers.decided).value
    details = ExpulsionDetails(
        stage=answers.expulsion_stage,
        reporting_failure_prison_years=penalty,
        family_offences_spouse_or_children_only=family_offences_read_narrowly(answers),
    )
    if answers.expulsion_stage == "summoned":
        return summoned(answers, found, details)
    return ordered(answers, found, details)
