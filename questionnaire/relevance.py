"""When the time of a notification matters: only when a deadline it starts counts in hours.

These mirror how rules.oqtf chooses the deadline (choose_deadline, other_remedies) and belong
beside it; they live here until the rules offer them. They read a provisional set of answers,
built from the steps answered so far, with the rules' own parser.
"""

from __future__ import annotations

from questionnaire.rules_data import rules_answers
from rules import clock, law, oqtf, regimes
from rules.answers import UNKNOWN, Answers, InvalidAnswers


def provisional(answer) -> Answers | None:
    try:
        return rules_answers(answer, clock.now())
    except InvalidAnswers:
        return None


def placement_counts_in_hours(placed_on) -> bool:
    """Challenging a placement in a detention centre: 48 hours before 15 July 2024."""
    procedure = law.value("common/cra_placement_challenge", placed_on)
    return bool(procedure) and procedure["counting"] == "hours"


def oqtf_regime(answers: Answers | None) -> str | None:
    if answers is None or answers.measure != "oqtf":
        return None
    regime = regimes.regime_id(answers)
    return None if regime == regimes.OUT_OF_SCOPE else regime


def restricted_later(answers: Answers) -> bool:
    return answers.restriction != "none" and not answers.restriction_with_decision


def notification_time_matters(answer) -> bool:
    if answer("notified_on") in (None, UNKNOWN):
        return False
    answers = provisional(answer)
    regime = oqtf_regime(answers)
    if regime is None:
        return False
    general_law = regimes.general_law_applies(answers.territory, answers.decided_on)
    at_notification = (
        "none" if restricted_later(answers) and not general_law else answers.restriction
    )
    if oqtf.counts_in_hours(answers, regime, at_notification):
        return True
    return (
        answers.restriction == "detention_centre"
        and not restricted_later(answers)
        and placement_counts_in_hours(answers.notified_on)
    )


def restriction_time_matters(answer) -> bool:
    restricted_on = answer("restriction_notified_on")
    if restricted_on in (None, UNKNOWN):
        return False
    answers = provisional(answer)
    regime = oqtf_regime(answers)
    if regime is None or not restricted_later(answers):
        return False
    general_law = regimes.general_law_applies(answers.territory, answers.decided_on)
    # The later measure's own deadline is compared only when its procedure differs.
    shorter = not general_law and oqtf.procedure_name(
        answers, regime, answers.restriction
    ) != oqtf.procedure_name(answers, regime, "none")
    if shorter and oqtf.counts_in_hours(answers, regime, answers.restriction):
        return True
    return answers.restriction == "detention_centre" and placement_counts_in_hours(restricted_on)
