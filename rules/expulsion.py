"""Expulsion: the board's timetable when summoned; protection, annulment and repeal once ordered."""

from __future__ import annotations

from datetime import datetime, timedelta

from rules import appeal as common
from rules import courts, deadlines, law, protection
from rules.answers import Answers
from rules.model import Appeal, Comex

IN_METROPOLITAN_FRANCE = {"metropole", "alsace_moselle"}


def comex_timetable(answers: Answers) -> Comex | None:
    """Hearing at least 15 days after the summons; opinion within a month, two if postponed."""
    if answers.summoned_on is None:
        return None
    dated = law.in_force("expulsion/comex", answers.decided_on)
    rules, summoned = dated.value, answers.summoned_on
    opinion_by = deadlines.add_months(summoned, rules["opinion_months"])
    return Comex(
        summoned_on=summoned,
        hearing_not_before=summoned + timedelta(days=rules["summons_days_before_hearing"]),
        opinion_by=opinion_by,
        opinion_by_if_postponed=deadlines.add_months(
            summoned, rules["opinion_months"] + rules["postponement_max_months"]
        ),
        sources=dated.source,
    )


def court_for_order(answers: Answers) -> courts.Court:
    """The minister's orders go to the TA of Paris; a prefect's to the TA of residence or prison,
    or of the former residence for a person now abroad."""
    if answers.authority == "minister":
        return courts.court_for_departement(courts.PARIS_DEPARTEMENT)
    if answers.territory == "abroad" and answers.departement is None:
        return courts.court_for_territory(answers.former_territory or "metropole")
    return common.court_of_place(answers)


def distance_months(answers: Answers, court: courts.Court) -> int:
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
    court = court_for_order(answers)
    dated = law.in_force("expulsion/annulment", answers.decided_on)
    months = dated.value["length"] + distance_months(answers, court)
    procedure = {**dated.value, "length": months, "rule": f"{months}_months"}
    start, warnings = common.clock_start(answers)
    computed = common.compute(procedure, start, None, court)
    warnings += ["expulsion_act_now", *common.deadline_warnings(procedure["rule"], computed, court)]
    sources = dated.source + law.in_force("common/notification_rules", answers.decided_on).source
    if months > dated.value["length"]:
        sources += law.in_force("common/distance_delay_months", answers.decided_on).source
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
        appeal_court_rule=law.value("expulsion/caa_appeal", answers.decided_on),
        sources=sources,
    )
    return appeal, warnings, start


def repeal(answers: Answers, start, court) -> dict:
    """Free and in France: 2 months from notification; abroad, in prison or under house arrest:
    any time."""
    rules = law.value("expulsion/repeal", answers.decided_on)
    window = None
    if answers.territory != "abroad" and answers.restriction == "none":
        months = rules["window_months_if_free_in_france"]
        window = deadlines.months_franc(start, months, court.calendar, court.time_zone).end
    return {"repeal_until": window, "repeal": rules}


def evaluate(answers: Answers, regime: str, now: datetime) -> dict:
    found = protection.of_expulsion(answers)
    parts = {"protection": found, "details": {"stage": answers.expulsion_stage}}
    if answers.expulsion_stage == "summoned":
        comex = comex_timetable(answers)
        parts.update(comex=comex, sources=found.sources + (comex.sources if comex else ()))
        return parts
    appeal, warnings, start = annulment(answers)
    remedies, sources = {}, found.sources + appeal.sources
    if answers.restriction == "detention_centre":
        remedy, remedy_warnings = common.cra_placement(
            answers.restriction_notified_on or start, answers.restriction_notified_at, appeal.court
        )
        remedies["cra_placement"] = remedy
        warnings += remedy_warnings
        sources += remedy.sources
    parts["details"] |= repeal(answers, start, appeal.court)
    parts["details"]["authority"] = law.value("expulsion/deciding_authority", answers.decided_on)
    sources += law.in_force("expulsion/repeal", answers.decided_on).source
    parts.update(
        appeal=appeal,
        other_remedies=remedies,
        warnings=tuple(dict.fromkeys(warnings)),
        sources=sources,
    )
    return parts
