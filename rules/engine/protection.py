"""Who the law protects: OQTF (L. 611-3) and expulsion (L. 631-2, L. 631-3, L. 631-4).

A category's conditions are checked in three values: met (True), not met (False), or not known
(None) when a follow-up answer is missing. The categories in force and what lifts them are data
(rules/law/); this module only reads the answers against them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from rules.engine import law
from rules.engine.answers import Answers
from rules.engine.model import Protection

FAMILY_CATEGORIES = {"residence_10y_married_4y", "residence_10y_parent"}
# Conduct that does not by itself lift relative protection but may be the facts behind the
# "imperative necessity for State security or public safety" that does (L. 631-2; LAW.md §8.4).
NECESSITY_FACTS = ("terrorism_or_state_interests", "incitement_hatred")
LEVEL_ORDER = ("none", "relative", "quasi_absolute", "absolute")
# Ties that matter for private and family life or health: arguments when no longer protections.
ARGUMENT_TIES = (
    "since_age_13",
    "residence_10y",
    "residence_20y",
    "married_french",
    "married_foreigner_since_13",
    "parent_french_child",
    "work_accident_20",
    "serious_illness",
)


@dataclass(frozen=True)
class Conditions:
    """The thresholds of the categories, from rules/law/{oqtf,expulsion}/protection_conditions."""

    marriage_years: int  # married to a French national
    family_marriage_years: int  # with more than 10 years of residence (see each file)
    child_support: frozenset[str]  # accepted answers to "since when do you support the child"

    @classmethod
    def of(cls, name: str, day: date) -> Conditions:
        value = law.value(name, day)
        return cls(
            value["marriage_years"],
            value["family_marriage_years"],
            frozenset(value["child_support"]),
        )


# A condition, or a category's conditions: met (True), not met (False), not known (None).
Check = Callable[[Answers, Conditions], bool | None]


def all_of(*values: bool | None) -> bool | None:
    if False in values:
        return False
    return None if None in values else True


def any_of(*values: bool | None) -> bool | None:
    if True in values:
        return True
    return None if None in values else False


def tie(answers: Answers, name: str) -> bool:
    return name in answers.ties


def long_residence(answers: Answers) -> bool:
    return tie(answers, "residence_10y") or tie(answers, "residence_20y")


def at_least(value: int | None, minimum: int) -> bool | None:
    return None if value is None else value >= minimum


def married(answers: Answers, tie_name: str, years: int, spouse_french: bool) -> bool | None:
    """Married for `years` at least, living together, and the spouse still French if so said."""
    if not tie(answers, tie_name):
        return False
    conditions = [at_least(answers.marriage_years, years), answers.living_together]
    if spouse_french:
        conditions.append(answers.spouse_still_french)
    return all_of(*conditions)


def supports_child(answers: Answers, accepted: frozenset[str]) -> bool | None:
    if not tie(answers, "parent_french_child"):
        return False
    contribution = answers.child_contribution
    return None if contribution is None else contribution in accepted


OQTF_CHECKS: dict[str, Check] = {
    "minor": lambda a, c: a.age_under_18,
    "since_age_13": lambda a, c: tie(a, "since_age_13"),
    "residence_10y": lambda a, c: long_residence(a) and not tie(a, "student_permit_only"),
    "residence_20y": lambda a, c: tie(a, "residence_20y"),
    "parent_french_child": lambda a, c: supports_child(a, c.child_support),
    "married_french": lambda a, c: married(a, "married_french", c.marriage_years, True),
    "married_foreigner_since_13": lambda a, c: all_of(
        long_residence(a),
        married(a, "married_foreigner_since_13", c.family_marriage_years, False),
    ),
    "work_accident_20": lambda a, c: tie(a, "work_accident_20"),
    "serious_illness": lambda a, c: tie(a, "serious_illness"),
}

EXPULSION_CHECKS: dict[str, Check] = {
    "parent_french_child_1y": lambda a, c: supports_child(a, c.child_support),
    "married_french_3y": lambda a, c: married(a, "married_french", c.marriage_years, True),
    "residence_10y_not_student": lambda a, c: (
        long_residence(a) and not tie(a, "student_permit_only")
    ),
    "work_accident_20": lambda a, c: tie(a, "work_accident_20"),
    "since_age_13": lambda a, c: tie(a, "since_age_13"),
    "residence_20y": lambda a, c: tie(a, "residence_20y"),
    "residence_10y_married_4y": lambda a, c: all_of(
        long_residence(a),
        any_of(
            married(a, "married_french", c.family_marriage_years, True),
            married(a, "married_foreigner_since_13", c.family_marriage_years, False),
        ),
    ),
    "residence_10y_parent": lambda a, c: all_of(
        long_residence(a), supports_child(a, c.child_support)
    ),
    "serious_illness": lambda a, c: tie(a, "serious_illness"),
}


def sort_categories(
    checks: Mapping[str, Check],
    answers: Answers,
    conditions: Conditions,
    categories: Iterable[str],
    fails_if_polygamous: Collection[str] = (),
) -> tuple[list[str], list[str]]:
    """Split categories into met and undetermined; polygamy can be a condition of some."""
    met: list[str] = []
    undetermined: list[str] = []
    for category in categories:
        result = checks[category](answers, conditions)
        if result and category in fails_if_polygamous and tie(answers, "polygamous"):
            result = False
        if result:
            met.append(category)
        elif result is None:
            undetermined.append(category)
    return met, undetermined


def verdict(
    met: list[str],
    lifted: Mapping[str, tuple[str, ...]],
    undetermined: list[str],
    level_of: Mapping[str, str],
    sources: Iterable[str],
    arguments: Iterable[str] = (),
) -> Protection:
    """The strongest protection not lifted; the lifted categories are listed beside it
    (LAW.md §8.4), with what lifted them."""
    remaining = [c for c in met if c not in lifted]
    if remaining:
        status, at_stake = "protected", remaining
    elif met:
        status, at_stake = "lifted", met
    else:
        status, at_stake = ("unknown" if undetermined else "not_protected"), undetermined
    level = max((level_of[c] for c in at_stake), key=LEVEL_ORDER.index, default="none")
    return Protection(
        status=status,
        level=level,
        categories=tuple(met),
        strongest=tuple(c for c in remaining if level_of[c] == level),
        lifted_categories=tuple(c for c in met if c in lifted),
        lifted_by=tuple(dict.fromkeys(r for c in met for r in lifted.get(c, ()))),
        arguments=tuple(arguments),
        undetermined=tuple(undetermined),
        sources=tuple(sources),
    )


def of_oqtf(answers: Answers) -> Protection:
    day = answers.decided
    categories = law.required("oqtf/protected_categories", day)
    polygamy = law.in_force("oqtf/polygamy", day)
    sources = list(categories.source)
    condition = lifts = ()
    if polygamy:
        sources += polygamy.source
        if polygamy.value["effect"] == "condition":
            condition = polygamy.value["categories"]
        else:
            lifts = polygamy.value["categories"]
    conditions = Conditions.of("oqtf/protection_conditions", day)
    met, undetermined = sort_categories(
        OQTF_CHECKS, answers, conditions, categories.value, condition
    )
    lifted = {c: ("polygamous",) for c in met if c in lifts and tie(answers, "polygamous")}
    arguments = [t for t in ARGUMENT_TIES if tie(answers, t) and t not in categories.value]
    level_of = dict.fromkeys(categories.value, "absolute")
    return verdict(met, lifted, undetermined, level_of, sources, arguments)


def of_expulsion(answers: Answers) -> Protection:
    day = answers.decided
    if answers.age_under_18:
        # L. 631-4: a minor can never be expelled.
        source = law.value("statements", day)["minor_never_expelled"]
        return Protection("protected", "absolute", ("minor",), ("minor",), sources=(source,))
    categories = law.required("expulsion/protection_categories", day)
    relative = law.required("expulsion/relative_lifted_by", day)
    quasi = law.required("expulsion/quasi_absolute_lifted_by", day)
    condition = law.value("expulsion/polygamy_condition", day) or ()
    level_of = {c: "relative" for c in categories.value["relative"]}
    level_of |= {c: "quasi_absolute" for c in categories.value["quasi_absolute"]}
    conditions = Conditions.of("expulsion/protection_conditions", day)
    met, undetermined = sort_categories(EXPULSION_CHECKS, answers, conditions, level_of, condition)
    facts = set(answers.conduct) | ({"polygamous"} if tie(answers, "polygamous") else set())

    def lifting(category: str) -> tuple[str, ...]:
        if level_of[category] == "relative":
            grounds = relative.value
        else:
            grounds = quasi.value["all"] + (
                quasi.value["family_categories_only"] if category in FAMILY_CATEGORIES else []
            )
        return tuple(g for g in grounds if g in facts)

    lifted = {c: lifting(c) for c in met if lifting(c)}
    sources = categories.source + relative.source + quasi.source
    found = verdict(met, lifted, undetermined, level_of, sources)
    if found.status == "protected" and found.level == "relative":
        necessity = tuple(c for c in NECESSITY_FACTS if c in answers.conduct)
        found = replace(found, necessity_facts=necessity)
    return found
