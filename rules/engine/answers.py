"""The answers a person gives, typed and checked: one parser for the JSON API and the questionnaire.

Ids and values are those of the product spec. A missing answer takes the reading that gives the
earliest deadline (the person is never told they have more time than they may have).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from rules.engine import courts
from rules.engine.reading import DATE_PATTERN as DATE_PATTERN
from rules.engine.reading import EARLIEST_DATE as EARLIEST_DATE
from rules.engine.reading import TIME_PATTERN as TIME_PATTERN
from rules.engine.reading import UNKNOWN as UNKNOWN
from rules.engine.reading import (
    Reader,
    Refused,
    a_date,
    boolean,
    choice,
    date_or_unknown,
    optional_boolean,
    place,
    several,
    time_or_unknown,
    years,
)

MEASURES = ("oqtf", "expulsion")
# The places of the courts module, and "abroad" for a person expelled who now lives abroad.
TERRITORIES = (*courts.TERRITORIES, "abroad")
FORMER_TERRITORIES = tuple(t for t in TERRITORIES if t != "abroad")
NOTIFIED_BY = ("hand", "post", "unknown")
DEPARTURE_PERIODS = ("given", "none", "withdrawn", "unknown")
GROUNDS = (
    "irregular_entry",
    "overstay",
    "permit_refused",
    "asylum_refused",
    "public_order",
    "unauthorised_work",
    "unknown",
)
RESTRICTIONS = ("none", "house_arrest", "detention_centre", "prison")
TIES = (
    "since_age_13",
    "residence_10y",
    "residence_20y",
    "student_permit_only",
    "married_french",
    "married_foreigner_since_13",
    "parent_french_child",
    "work_accident_20",
    "serious_illness",
    "asylum_pending",
    "polygamous",
)
CHILD_CONTRIBUTIONS = ("since_birth", "2y_or_more", "1y_to_2y", "less_than_1y")
EXPULSION_STAGES = ("summoned", "ordered")
AUTHORITIES = ("prefect", "paris_police_prefect", "minister")
CONDUCTS = (
    "terrorism_or_state_interests",
    "incitement_hatred",
    "against_family",
    "against_official",
    "republic_principles",
    "conviction_3y",
    "conviction_5y",
    "conviction_repeat_3y",
    "prison_5y_imposed",
    "irregular_stay",
    "none_of_these",
)
# "Today" is taken at UTC+14, the last place on earth where the day has begun, so that a decision
# dated today overseas is never refused. A date a little ahead is accepted (with a warning on the
# outcome) to try out a coming date, such as a notification announced for a given day; beyond that
# margin it is surely a typing error.
LATEST_OFFSET = timezone(timedelta(hours=14))
FUTURE_MARGIN = timedelta(days=31)
DATE_IDS = ("decided_on", "notified_on", "restriction_notified_on", "summoned_on")


@dataclass(frozen=True)
class Answers:
    measure: str
    # Not needed for a citizen of the EU, EEA or Switzerland: out of scope whatever the rest.
    decided_on: date | None = None
    territory: str | None = None
    departement: str | None = None
    eu_citizen: bool = False
    former_territory: str | None = None
    notified_by: str = UNKNOWN
    notified_on: date | None = None
    notified_at: time | None = None
    departure_period: str = UNKNOWN
    ground: str = UNKNOWN
    restriction: str = "none"
    # Unknown is read as "together": that gives the earliest deadline.
    restriction_with_decision: bool = True
    restriction_notified_on: date | None = None
    restriction_notified_at: time | None = None
    appeal_already_filed: bool = False
    age_under_18: bool = False
    ties: frozenset[str] = field(default_factory=frozenset)
    marriage_years: int | None = None
    living_together: bool | None = None
    spouse_still_french: bool | None = None
    child_contribution: str | None = None
    expulsion_stage: str = "ordered"
    summoned_on: date | None = None
    authority: str = "prefect"
    conduct: frozenset[str] = field(default_factory=frozenset)

    # Only a citizen of the EU, EEA or Switzerland may leave out the decision's date and the place
    # (`parse`), and such a case is out of scope (regimes.out_of_scope_reason) before any rule
    # reads them: the rules read them through these two, never None.
    @property
    def decided(self) -> date:
        """The day the decision was taken, for a case in scope."""
        if self.decided_on is None:
            raise ValueError("decided_on is missing: only a case out of scope may leave it out")
        return self.decided_on

    @property
    def located_in(self) -> str:
        """The territory, for a case in scope: given, or taken from the département (`parse`)."""
        if self.territory is None:
            raise ValueError("territory is missing: only a case out of scope may leave it out")
        return self.territory


ANSWER_IDS = tuple(f.name for f in fields(Answers))


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one answer: a code, and what its words need (rules/errors.py), such
    as the values allowed or the kind of value expected."""

    field: str
    code: str
    # dataclasses.field: the name `field` is this class's first attribute.
    params: dict[str, str] = dataclasses.field(default_factory=dict)


class InvalidAnswers(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors)
        self.errors = errors


def after_today(answers: Answers, now: datetime) -> bool:
    today = now.astimezone(LATEST_OFFSET).date()
    return any((getattr(answers, key) or date.min) > today for key in DATE_IDS)


READERS: dict[str, Reader] = {
    "measure": choice(MEASURES),
    "decided_on": a_date,
    "territory": choice(TERRITORIES),
    "departement": place,
    "eu_citizen": boolean,
    "former_territory": choice(FORMER_TERRITORIES),
    "notified_by": choice(NOTIFIED_BY),
    "notified_on": date_or_unknown,
    "notified_at": time_or_unknown,
    "departure_period": choice(DEPARTURE_PERIODS),
    "ground": choice(GROUNDS),
    "restriction": choice(RESTRICTIONS),
    "restriction_with_decision": boolean,
    "restriction_notified_on": date_or_unknown,
    "restriction_notified_at": time_or_unknown,
    "appeal_already_filed": boolean,
    "age_under_18": boolean,
    "ties": several(TIES),
    "marriage_years": years,
    "living_together": optional_boolean,
    "spouse_still_french": optional_boolean,
    "child_contribution": choice(CHILD_CONTRIBUTIONS),
    "expulsion_stage": choice(EXPULSION_STAGES),
    "summoned_on": a_date,
    "authority": choice(AUTHORITIES),
    "conduct": several(CONDUCTS),
}
REQUIRED = ("measure", "decided_on")


def required(values: Mapping[str, object]) -> tuple[str, ...]:
    return ("measure",) if values.get("eu_citizen") is True else REQUIRED


def parse(data: object, now: datetime) -> Answers:
    """Typed answers from a JSON-like mapping, or InvalidAnswers listing every field error."""
    if not isinstance(data, dict):
        raise InvalidAnswers([FieldError("", "invalid_type", {"expected": "object"})])
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in READERS:
            errors.append(FieldError(str(key)[:100], "unknown_field"))
            continue
        try:
            values[key] = READERS[key](raw)
        except Refused as problem:
            errors.append(FieldError(key, problem.code, problem.params))
    for key in required(values):
        if key not in data:
            errors.append(FieldError(key, "required"))
    if not errors and values.get("eu_citizen") is not True:
        errors = consistency_errors(values, now)
    if errors:
        raise InvalidAnswers(errors)
    if "territory" not in values:
        values["territory"] = territory_of(values)
    if values["territory"] == "abroad" and "former_territory" not in values:
        # From abroad, the département is the former place: its territory is the former one.
        values["former_territory"] = territory_of(values)
    return Answers(**values)


def territory_of(values: Mapping[str, Any]) -> str | None:
    """The territory follows from the département when only the latter is given."""
    if "departement" in values:
        return courts.place_territory(values["departement"])
    return None


def same_territory(territory: str, place_territory: str) -> bool:
    """Metropolitan France is one territory for this check (a Paris OQTF, the CRA of Metz)."""
    return territory == place_territory or {territory, place_territory} <= courts.METROPOLITAN


def consistency_errors(values: Mapping[str, Any], now: datetime) -> list[FieldError]:
    """Answers that cannot all be true at once."""
    latest = now.astimezone(LATEST_OFFSET).date() + FUTURE_MARGIN
    errors = [
        FieldError(key, "date_in_future")
        for key in DATE_IDS
        if values.get(key) and values[key] > latest
    ]
    territory = values.get("territory")
    if territory is None and "departement" not in values:
        errors.append(FieldError("territory", "required", {"expected": "place"}))
    place_territory = territory_of(values)
    # From abroad, the département names the former place: it lies in the former territory
    # (when given; else that territory is read from it).
    named = values.get("former_territory") if territory == "abroad" else territory
    if named and place_territory and not same_territory(named, place_territory):
        errors.append(FieldError("departement", "inconsistent"))
    if territory == "abroad" and values["measure"] != "expulsion":
        errors.append(FieldError("territory", "invalid_choice", {"expected": "abroad_expulsion"}))
    decided_on = values["decided_on"]
    for later in ("notified_on", "summoned_on"):
        if values.get(later) and values[later] < decided_on:
            errors.append(FieldError(later, "before_decision"))
    # A house arrest, detention or prison that began before the OQTF was notified is allowed:
    # the person was "already under" it (LAW.md §2.4), a case the OQTF rules count.
    return errors
