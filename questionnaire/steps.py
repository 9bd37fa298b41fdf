"""The questions in order, and when each is asked (product spec, "asked when").

A condition reads only earlier answers, through `answer(step, field=None)`, which gives None for a
question not asked, and `now`, the time of the walk (whether a time of day matters depends on the
rules, which check dates against today). Each is tiny and pure, so that every branch can be tested
on its own. The
branch (measure, ties) is read before the rest: when an earlier answer changes, a question of the
other branch is then known to be irrelevant even while a later answer is still missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from questionnaire import relevance
from questionnaire.forms import decision, protection, situation
from questionnaire.forms.base import StepForm
from questionnaire.places import ABROAD, territory_of
from rules.engine import regimes
from rules.engine.answers import Answers

MARRIAGES = {"married_french", "married_foreigner_since_13"}
HELD_OR_HOUSE_ARREST = {"house_arrest", "prison"}


def always(answer, now):
    return True


def not_eu_citizen(answer, now):
    return answer("eu_citizen") is False


def expulsion(answer, now):
    return not_eu_citizen(answer, now) and answer("measure") == "expulsion"


def expulsion_ordered(answer, now):
    return expulsion(answer, now) and answer("expulsion_stage") == "ordered"


def abroad_after_prefect_order(answer, now):
    """The minister's orders go to the court of Paris: the former home does not matter then."""
    return (
        expulsion_ordered(answer, now)
        and answer("departement", "departement") == ABROAD
        and answer("authority") != "minister"
    )


def covered(answer, now):
    """The rules can answer: not an EU citizen, a covered territory, a decision from May 2021."""
    decided_on = answer("decided_on")
    if not not_eu_citizen(answer, now) or decided_on is None:
        return False
    sketch = Answers(
        measure=answer("measure"),
        decided_on=decided_on,
        territory=territory_of(answer("departement", "departement")),
        former_territory=territory_of(answer("former_place", "departement")),
    )
    return regimes.out_of_scope_reason(sketch) is None


def oqtf(answer, now):
    return answer("measure") == "oqtf" and covered(answer, now)


def summoned(answer, now):
    if not expulsion(answer, now):
        return False
    return answer("expulsion_stage") == "summoned" and covered(answer, now)


def in_france(answer, now):
    return covered(answer, now) and answer("departement", "departement") != ABROAD


def in_detention_centre(answer, now):
    return in_france(answer, now) and answer("restriction") == "detention_centre"


def held_or_under_house_arrest(answer, now):
    return in_france(answer, now) and answer("restriction") in HELD_OR_HOUSE_ARREST


def oqtf_restricted(answer, now):
    return oqtf(answer, now) and answer("restriction") not in (None, "none")


def notified(answer, now):
    """OQTF and expulsion orders are notified; a summons is handed over (summoned_on)."""
    return (answer("measure") == "oqtf" or expulsion_ordered(answer, now)) and covered(answer, now)


def notification_time(answer, now):
    return notified(answer, now) and relevance.notification_time_matters(answer, now)


def restricted_later(answer, now):
    """A measure notified on its own: an OQTF's later house arrest, detention or prison, and any
    placement in a detention centre after an expulsion order (LAW.md §8.12)."""
    if expulsion_ordered(answer, now):
        return in_detention_centre(answer, now)
    return oqtf_restricted(answer, now) and answer("restriction_with_decision") is False


def restriction_time(answer, now):
    return restricted_later(answer, now) and relevance.restriction_time_matters(answer, now)


def ticked(answer, *ties):
    return bool(set(answer("ties") or ()) & set(ties))


def married(answer, now):
    return ticked(answer, *MARRIAGES) and covered(answer, now)


def married_to_french(answer, now):
    return ticked(answer, "married_french") and covered(answer, now)


def parent_of_french_child(answer, now):
    return ticked(answer, "parent_french_child") and covered(answer, now)


def expulsion_covered(answer, now):
    return expulsion(answer, now) and covered(answer, now)


@dataclass(frozen=True)
class Step:
    name: str
    form: type[StepForm]
    asked: Callable


STEPS = (
    Step("measure", decision.MeasureForm, always),
    Step("eu_citizen", decision.EuCitizenForm, always),
    Step("expulsion_stage", decision.ExpulsionStageForm, expulsion),
    Step("authority", decision.AuthorityForm, expulsion_ordered),
    Step("departement", decision.DepartementForm, not_eu_citizen),
    Step("former_place", decision.FormerPlaceForm, abroad_after_prefect_order),
    Step("decided_on", decision.DecidedOnForm, not_eu_citizen),
    Step("summoned_on", decision.SummonedOnForm, summoned),
    Step("notified_by", situation.NotifiedByForm, notified),
    Step("notified_on", situation.NotifiedOnForm, notified),
    Step("restriction", situation.RestrictionForm, in_france),
    Step("centre", situation.CentreForm, in_detention_centre),
    Step("held_in", situation.HeldInForm, held_or_under_house_arrest),
    Step("restriction_with_decision", situation.RestrictionWithDecisionForm, oqtf_restricted),
    Step("departure_period", situation.DeparturePeriodForm, oqtf),
    Step("ground", situation.GroundForm, oqtf),
    # The time matters only for a deadline in hours: once the restriction, the period to leave
    # and the ground are known.
    Step("notified_at", situation.NotifiedAtForm, notification_time),
    Step("restriction_notified_on", situation.RestrictionNotifiedOnForm, restricted_later),
    Step("restriction_notified_at", situation.RestrictionNotifiedAtForm, restriction_time),
    Step("appeal_already_filed", situation.AppealAlreadyFiledForm, oqtf_restricted),
    Step("age_under_18", protection.AgeForm, covered),
    Step("ties", protection.TiesForm, covered),
    Step("marriage_years", protection.MarriageYearsForm, married),
    Step("living_together", protection.LivingTogetherForm, married),
    Step("spouse_still_french", protection.SpouseStillFrenchForm, married_to_french),
    Step("child_contribution", protection.ChildContributionForm, parent_of_french_child),
    Step("conduct", protection.ConductForm, expulsion_covered),
)
# The questions always asked together, on one page each: what the decision is and for whom; the
# decision's dates and how it reached the person; what an OQTF says; age and ties. Every other
# question has a page of its own. A page is named after its first question, which is asked
# whenever any of the others is.
GROUPS = (
    ("measure", "eu_citizen"),
    ("decided_on", "summoned_on", "notified_by", "notified_on"),
    ("departure_period", "ground"),
    ("age_under_18", "ties"),
)
BY_NAME = {step.name: step for step in STEPS}
FORM_LIST = [(step.name, step.form) for step in STEPS]
FIRST = STEPS[0].name


def pages() -> dict[str, tuple[str, ...]]:
    """Each page's name and the steps it asks, in the order of STEPS."""
    grouped = {name: group for group in GROUPS for name in group}
    result: dict[str, tuple[str, ...]] = {}
    for step in STEPS:
        group = grouped.get(step.name, (step.name,))
        result.setdefault(group[0], group)
    return result


PAGES = pages()
PAGE_OF = {name: page for page, names in PAGES.items() for name in names}
