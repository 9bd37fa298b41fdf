"""Expulsion: the board's timetable when summoned; protection, annulment and repeal once ordered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from rules.engine import appeal as common
from rules.engine import courts, deadlines, law, protection
from rules.engine.answers import FORMER_TERRITORIES, Answers
from rules.engine.model import Appeal, Comex, ExpulsionDetails, Repeal, instant
from rules.engine.regimes import OTHER_COLLECTIVITY

IN_METROPOLITAN_FRANCE = {"metropole", "alsace_moselle"}
# Where a person now abroad may have lived, for an order that this app covers.
FORMER_HOMES = tuple(t for t in FORMER_TERRITORIES if t != OTHER_COLLECTIVITY)


def comex_timetable(answers: Answers) -> Comex:
    """Hearing at least 15 days after the summons; opinion within a month of it. A postponement
    adds at most a month from the board's decision to postpone, a date the app cannot know
    (LAW.md §3.3): only the rule is given. Without the summons' date, no date at all."""
    dated = law.in_force("expulsion/comex", answers.decided_on)
    rules, summoned = dated.value, answers.summoned_on
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


def earliest_former_court(procedure: dict, start: date) -> courts.Court:
    """Former home not given: the court of any territory where the person may have lived, whose
    deadline ends first (LAW.md §8.15), named only as the court of the former residence."""
    candidates = [courts.court_for_territory(t) for t in FORMER_HOMES]
    first = min(candidates, key=lambda c: instant(common.compute(procedure, start, None, c).end))
    return courts.former_residence_court(first)


def distance_months(answers: Answers, court: courts.Court | None) -> int:
    """CJA R. 421-7: abroad, 2 more months; overseas with a court in metropolitan France, or living
    in Saint-Martin or Saint-Barthélemy (courts at Basse-Terre), 1 more."""
    delays = law.value("common/distance_delay_months", answers.decided_on)
    if answers.territory == "abroad":
        return delays["abroad"]
    if answers.territory not in IN_METROPOLITAN_FRANCE and court.calendar in IN_METROPOLITAN_FRANCE:
        return delays["overseas_to_metropole"]
    if answers.territory in ("saint_martin", "saint_barthelemy"):
        return delays["saint_martin_or_saint_barthelemy"]
    return 0


def annulment(answers: Answers):
    dated = law.in_force("expulsion/annulment", answers.decided_on)
    court = court_for_order(answers)
    months = dated.value["length"] + distance_months(answers, court)
    procedure = {**dated.value, "length": months, "rule": f"{months}_months"}
    start, warnings = common.clock_start(answers)
    if court is None:
        court = earliest_former_court(procedure, start)
    computed = common.compute(procedure, start, None, court)
    warnings += ["expulsion_act_now", *common.deadline_warnings(procedure["rule"], computed, court)]
    if court.code == courts.FORMER_RESIDENCE:
        warnings.append("former_territory_unknown")
    sources = dated.source + law.in_force("common/notification_rules", answers.decided_on).source
    if months > dated.value["length"]:
        sources += law.in_force("common/distance_delay_months", answers.decided_on).source
    caa = law.in_force("expulsion/caa_appeal", answers.decided_on)
    appeal = Appeal(
        rule=procedure["rule"],
        counting=procedure["counting"],
        deadline=computed.end,
        extended_over=computed.extended_over,
        suspensive=False,
        court=court,
        decides_within=None,
        starts_on=start,
        other_reading=computed.other_reading,
        appeal_court_rule=caa.value,
        appeal_court_source=" ; ".join(caa.source),
        sources=sources + caa.source,
    )
    return appeal, warnings, start


def repeal(answers: Answers, start: date) -> Repeal:
    """Repeal asked more than 2 months after the notification is possible only from abroad, in
    prison, or under some long-term house arrests (L. 632-5): free in France, in a detention
    centre or under the house arrest of removal, the request must come within those 2 months,
    counted plainly (LAW.md §3.5, §8.11)."""
    rules = dict(law.value("expulsion/repeal", answers.decided_on))
    any_time_when = rules.pop("any_time_when")
    situation = "abroad" if answers.territory == "abroad" else answers.restriction
    if situation in any_time_when:
        return Repeal(**rules)
    return Repeal(
        **rules,
        until=deadlines.add_months(start, rules["window_months"]),
        later_if_long_house_arrest=answers.restriction == "house_arrest",
    )


def family_offences_read_narrowly(answers: Answers) -> bool:
    """Before 2024, offences against family lifted only the two family categories, and only
    when against spouse or children (LAW.md §3.2): said when that conduct is ticked."""
    quasi = law.value("expulsion/quasi_absolute_lifted_by", answers.decided_on)
    return (
        "against_family" in answers.conduct and "against_family" in quasi["family_categories_only"]
    )


def times_that_matter(answers: Answers) -> set[str]:
    """The placement's notification time, when its challenge counts in hours (placements before
    15 July 2024); the order's own deadline counts in months."""
    placed_on = answers.restriction_notified_on or answers.notified_on or answers.decided_on
    if answers.restriction == "detention_centre" and common.placement_counts_in_hours(placed_on):
        return {"restriction_notified_at"}
    return set()


def evaluate(answers: Answers, regime: str, now: datetime) -> dict:
    found = protection.of_expulsion(answers)
    details = ExpulsionDetails(
        stage=answers.expulsion_stage,
        reporting_failure_prison_years=law.value(
            "expulsion/reporting_failure_penalty", answers.decided_on
        ),
        family_offences_spouse_or_children_only=family_offences_read_narrowly(answers),
    )
    parts: dict = {"protection": found, "details": details}
    if answers.expulsion_stage == "summoned":
        comex = comex_timetable(answers)
        warnings = () if comex.summoned_on else ("summoned_on_unknown",)
        parts.update(comex=comex, warnings=warnings, sources=found.sources + comex.sources)
        return parts
    appeal, warnings, start = annulment(answers)
    remedies, sources = {}, found.sources + appeal.sources
    if answers.restriction == "detention_centre":
        # The placement is known by its notification (LAW.md §8.12): its rule, by that day too.
        placed_on = answers.restriction_notified_on or start
        remedy, remedy_warnings = common.cra_placement(
            placed_on, answers.restriction_notified_at, appeal.court, placed_on
        )
        if remedy is not None:
            remedies["cra_placement"] = remedy
            warnings += remedy_warnings
            sources += remedy.sources
    parts["details"] = replace(
        details,
        repeal=repeal(answers, start),
        authority=law.value("expulsion/deciding_authority", answers.decided_on),
    )
    sources += law.in_force("expulsion/repeal", answers.decided_on).source
    parts.update(
        appeal=appeal,
        other_remedies=remedies,
        warnings=tuple(dict.fromkeys(warnings)),
        sources=sources,
    )
    return parts
