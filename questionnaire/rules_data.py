"""From the steps answered to the answers the rules take: the JSON API's ids and values.

`answer(step, field=None)` reads a step's cleaned value (field defaults to the step's name); it
returns None for a question not asked. The place questions become `territory`, `former_territory`
and `departement`, the place that names the court.
"""

from __future__ import annotations

from datetime import date

from questionnaire.places import ABROAD, OTHER_CENTRE, territory_of
from rules.engine.answers import Answers, FieldError, parse

# Steps named after the one question they ask, whose value goes to the rules as it is.
SAME_NAME_IDS = (
    "measure",
    "eu_citizen",
    "expulsion_stage",
    "authority",
    "decided_on",
    "summoned_on",
    "restriction",
    "restriction_with_decision",
    "departure_period",
    "ground",
    "notified_by",
    "notified_on",
    "notified_at",
    "restriction_notified_on",
    "restriction_notified_at",
    "appeal_already_filed",
    "age_under_18",
    "ties",
    "marriage_years",
    "living_together",
    "spouse_still_french",
    "child_contribution",
    "conduct",
)
# The steps that may name the court's place, the most specific last.
PLACE_STEPS = ("departement", "former_place", "centre", "held_in")


def json_value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    return value


def place_data(answer) -> dict:
    prefecture = answer("departement", "departement")
    if prefecture is None:
        return {}
    if prefecture == ABROAD:
        data = {"territory": ABROAD}
        former = answer("former_place", "departement")
        if former:
            data.update(former_territory=territory_of(former), departement=former)
        return data
    court_place = prefecture
    centre = answer("centre", "departement")
    if centre and centre != OTHER_CENTRE:
        court_place = centre
    court_place = answer("held_in", "departement") or court_place
    # Held places are offered in the prefecture's territory only, so the territory of the place
    # that names the court is the prefecture's, or equivalent for the rules (Alsace-Moselle).
    return {"departement": court_place, "territory": territory_of(court_place)}


def rules_data(answer) -> dict:
    data = {}
    for question in SAME_NAME_IDS:
        value = answer(question)
        if value is not None:
            data[question] = json_value(value)
    data.update(place_data(answer))
    return data


def rules_answers(answer, now) -> Answers:
    """Typed answers, or InvalidAnswers from the rules' own checks."""
    return parse(rules_data(answer), now)


def step_of_error(error: FieldError, answered: list[str]) -> str | None:
    """The step holding the field a rules error names, among the steps answered."""
    if error.field in ("departement", "territory", "former_territory"):
        places = [step for step in PLACE_STEPS if step in answered]
        return places[-1] if places else None
    return error.field if error.field in answered else None
