"""The decisions of LAW.md §8 (2026-12-03), each on both sides of the dates it involves.

Rows are answers over an OQTF or an expulsion order handed over in metropolitan France; the
expected keys are dotted as in the JSON outcome (`warnings` must be present, `absent` not).
"""

from datetime import UTC, datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.helpers import (
    EXPULSION,
    EXPULSION_BY_PREFECT,
    OQTF,
    assert_outcome,
    evaluated,
    outcome,
    progress_of,
)


def page(found, language="en"):
    with translation.override(language):
        html = render_to_string("rules/outcome.html", {"outcome": found, "answer_rows": []})
    return " ".join(html.split())


# --- §8.3: an unknown notification day is the decision day, for the count and the pact ---------


@pytest.mark.parametrize("decided_on", ["2024-07-14", "2024-07-15", "2026-06-06", "2026-06-07"])
def test_an_unknown_notification_day_counts_from_the_decision_day(decided_on):
    unknown = outcome(OQTF, {"decided_on": decided_on, "notified_on": "unknown"})
    same_day = outcome(OQTF, {"decided_on": decided_on, "notified_on": decided_on})
    assert unknown["appeal"]["deadline"] == same_day["appeal"]["deadline"]
    assert "notified_on_unknown" in unknown["warnings"]
    assert ("pact_2026" in unknown["warnings"]) is ("pact_2026" in same_day["warnings"])


# --- §8.4: relative protection and terrorism; the strongest level not lifted ------------------

RESIDENCE_10Y = {"ties": ["residence_10y"]}
SINCE_13_AND_10Y = {"ties": ["since_age_13", "residence_10y"]}
# fmt: off
PROTECTION = [
    pytest.param("2024-01-27", RESIDENCE_10Y, ["terrorism_or_state_interests"],
        {"protection.status": "protected", "protection.level": "relative",
         "protection.lifted_by": [],
         "protection.necessity_facts": ["terrorism_or_state_interests"]},
        id="2021 text: terrorism does not lift relative protection, said beside it"),
    pytest.param("2024-01-28", RESIDENCE_10Y, ["incitement_hatred"],
        {"protection.status": "protected", "protection.level": "relative",
         "protection.necessity_facts": ["incitement_hatred"]},
        id="2024 text: incitement does not lift relative protection either"),
    pytest.param("2024-01-27", SINCE_13_AND_10Y, ["terrorism_or_state_interests"],
        {"protection.status": "protected", "protection.level": "relative",
         "protection.lifted_categories": ["since_age_13"],
         "protection.lifted_by": ["terrorism_or_state_interests"]},
        id="2021 text: quasi-absolute lifted by terrorism, relative left and shown"),
    pytest.param("2024-01-27", RESIDENCE_10Y, ["conviction_3y"],
        {"protection.status": "protected", "protection.level": "relative"},
        id="2021 text: an offence punishable by 3 years does not lift relative protection"),
    pytest.param("2024-01-28", RESIDENCE_10Y, ["conviction_3y"],
        {"protection.status": "lifted",
         "protection.lifted_categories": ["residence_10y_not_student"],
         "protection.lifted_by": ["conviction_3y"], "protection.necessity_facts": []},
        id="2024 text: an offence punishable by 3 years lifts relative protection"),
    pytest.param("2024-01-28", SINCE_13_AND_10Y, ["conviction_3y"],
        {"protection.status": "protected", "protection.level": "quasi_absolute",
         "protection.lifted_categories": ["residence_10y_not_student"]},
        id="2024 text: relative lifted, quasi-absolute left: the strongest not lifted"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "ties", "conduct", "expected"), PROTECTION)
def test_the_strongest_protection_not_lifted_is_shown_with_the_lifted_one(
    decided_on, ties, conduct, expected
):
    answers = {"decided_on": decided_on, "notified_on": decided_on, "conduct": conduct, **ties}
    assert_outcome(outcome(EXPULSION, answers), expected)


def test_the_page_says_terrorism_is_for_the_authority_to_show_as_a_necessity():
    found = evaluated(
        EXPULSION,
        {"decided_on": "2023-05-02", "conduct": ["terrorism_or_state_interests"], **RESIDENCE_10Y},
    )
    html = page(found)
    assert "does not by itself set aside this protection" in html
    assert "It must then prove it" in html
    assert "But the law sets this protection aside" not in html


def test_the_page_lists_a_lifted_protection_beside_the_one_left():
    found = evaluated(
        EXPULSION,
        {
            "decided_on": "2023-05-02",
            "conduct": ["terrorism_or_state_interests"],
            **SINCE_13_AND_10Y,
        },
    )
    html = page(found)
    assert "The law protects you</strong>: relative protection" in html
    assert "Another protection would apply, but the law sets it aside:" in html
    assert "since the age of 13" in html.split("Another protection")[1]


def test_the_strongest_protection_is_given_with_its_own_reason_the_weaker_apart():
    """12 years in France, married 4 years to a French citizen (§8.4): the quasi-absolute
    protection with its reason, then the relative ones as such; no line for minors."""
    found = evaluated(
        EXPULSION,
        {
            "decided_on": "2025-05-02",
            "ties": ["residence_10y", "married_french"],
            "marriage_years": 4,
            "living_together": True,
            "spouse_still_french": True,
        },
    )
    html = page(found)
    strongest, weaker = html.split("You also have a weaker protection, because:")
    assert "very strong protection" in strongest
    assert "Because: more than 10 years in France and married for at least 4 years" in strongest
    assert "married to a French national for at least 3 years" in weaker
    assert "lived in France lawfully for more than 10 years" in weaker
    assert "minor" not in html.lower().split("does the law protect you?")[1].split("</section>")[0]


# --- §2.4: a restriction "after" the OQTF never counts from before the OQTF's notification -----

# fmt: off
SAME_DAY = [
    pytest.param({}, "2025-03-12T10:00:00+01:00", id="decided with the OQTF: from 10:00"),
    pytest.param({"restriction_with_decision": False, "restriction_notified_on": "2025-03-10",
                  "restriction_notified_at": "09:00"}, "2025-03-12T10:00:00+01:00",
        id="notified at 09:00, before the OQTF at 10:00: already under it, from 10:00"),
    pytest.param({"restriction_with_decision": False, "restriction_notified_on": "2025-03-10"},
        "2025-03-12T10:00:00+01:00", id="same day, hour not given: not before 10:00"),
    pytest.param({"restriction_with_decision": False, "restriction_notified_on": "2025-03-10",
                  "restriction_notified_at": "15:00"}, "2025-03-12T15:00:00+01:00",
        id="notified at 15:00, after the OQTF: from 15:00, the OQTF's own month being later"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "deadline"), SAME_DAY)
def test_a_restriction_on_the_oqtfs_day_counts_from_the_later_of_the_two(answers, deadline):
    base = {
        "decided_on": "2025-03-10",
        "notified_on": "2025-03-10",
        "notified_at": "10:00",
        "restriction": "detention_centre",
    }
    assert outcome(OQTF, {**base, **answers})["appeal"]["deadline"] == deadline


def test_a_former_home_counts_only_for_a_person_now_abroad():
    found = outcome(OQTF, {"decided_on": "2025-03-10", "former_territory": "other_collectivity"})
    assert found["regime"] == "oqtf-2024-07"


def test_the_summons_page_says_why_it_shows_no_date():
    found = evaluated(EXPULSION, {"decided_on": "2026-11-13", "expulsion_stage": "summoned"})
    assert 'data-warning="summoned_on_unknown"' in page(found)
    assert "earlier than 15 days after that day" in page(found)


# --- §8.5, §8.8: the judge's time in the old regimes ---------------------------------------------

LATER = {"restriction_with_decision": False, "appeal_already_filed": True}
# fmt: off
JUDGE_TIME = [
    pytest.param("2024-07-14", {"restriction": "house_arrest", **LATER},
        "144_hours", id="old regime, house arrest after the appeal: 144 hours"),
    pytest.param("2024-07-14", {"restriction": "detention_centre", **LATER},
        "144_hours", id="old regime, detention after the appeal: 144 hours"),
    pytest.param("2024-07-15", {"restriction": "house_arrest", **LATER},
        "15_days", id="new regime, house arrest after the appeal: 15 days"),
    pytest.param("2024-07-15", {"restriction": "detention_centre", **LATER},
        "144_hours", id="new regime, detention after the appeal: 144 hours"),
    pytest.param("2024-07-14", {"restriction": "prison", "departure_period": "given",
                                "ground": "permit_refused"},
        "8_days", id="old regime, in prison: 8 days for the judge"),
    pytest.param("2024-07-15", {"restriction": "prison", "departure_period": "given",
                                "ground": "permit_refused"},
        "15_days", id="new regime, in prison: 15 days for the judge"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "answers", "within"), JUDGE_TIME)
def test_the_judges_time_follows_the_regime_of_the_decision(decided_on, answers, within):
    found = outcome(OQTF, {"decided_on": decided_on, "notified_on": decided_on, **answers})
    assert found["appeal"]["decides_within"] == within


@pytest.mark.parametrize(
    ("ground", "rule"),
    [("permit_refused", "30_days"), ("overstay", "15_days")],
    ids=["ground 3°: 30 days", "ground 2°: 15 days"],
)
def test_prison_in_the_old_regimes_leaves_the_filing_deadline_of_a_free_person(ground, rule):
    answers = {
        "decided_on": "2023-03-06",
        "notified_on": "2023-03-06",
        "departure_period": "given",
        "ground": ground,
    }
    free, held = outcome(OQTF, answers), outcome(OQTF, {**answers, "restriction": "prison"})
    assert held["appeal"]["rule"] == free["appeal"]["rule"] == rule
    assert held["appeal"]["deadline"] == free["appeal"]["deadline"]


# --- §8.6: the separate house-arrest deadline, and house arrest after an expulsion order --------

# fmt: off
HOUSE_ARREST = [
    pytest.param("guadeloupe", "2024-07-14", False, id="Guadeloupe, decided 14 Jul 2024: no"),
    pytest.param("guadeloupe", "2024-07-15", True, id="Guadeloupe, decided 15 Jul 2024: yes"),
    pytest.param("guyane", "2024-07-15", True, id="Guyane, decided 15 Jul 2024: yes"),
    pytest.param("saint_martin", "2024-07-15", False, id="Saint-Martin: never (L. 763-2)"),
    pytest.param("saint_martin", "2026-01-05", False, id="Saint-Martin in 2026: never"),
]
# fmt: on


@pytest.mark.parametrize(("territory", "decided_on", "warned"), HOUSE_ARREST)
def test_the_separate_house_arrest_deadline_is_mentioned_where_it_applies(
    territory, decided_on, warned
):
    found = outcome(
        OQTF,
        {
            "territory": territory,
            "decided_on": decided_on,
            "notified_on": decided_on,
            "restriction": "house_arrest",
        },
    )
    assert ("house_arrest_7_days" in found["warnings"]) is warned
    assert found["appeal"]["rule"] in ("2_months", "3_months")


@pytest.mark.parametrize("decided_on", ["2024-07-14", "2024-07-15"])
def test_house_arrest_after_an_expulsion_order_keeps_the_general_two_months(decided_on):
    answers = {"decided_on": decided_on, "notified_on": decided_on, "restriction": "house_arrest"}
    found = outcome(EXPULSION, answers)
    assert found["appeal"]["rule"] == "2_months"
    assert "house_arrest_7_days" not in found["warnings"]
    assert "no special short deadline" in page(evaluated(EXPULSION, answers))


# --- §8.7: the appeal against the judgment ---------------------------------------------------

# fmt: off
APPEAL_COURT = [
    pytest.param("2024-07-14", {}, "1_month", "CJA R. 776-9", id="old regime: 1 month, R. 776-9"),
    pytest.param("2024-07-15", {"restriction": "detention_centre", "notified_at": "10:00"},
        "1_month", "CJA R. 922-27", id="48-hour procedure: 1 month, R. 922-27"),
    pytest.param("2024-07-15", {"restriction": "house_arrest"},
        "1_month", "CJA R. 922-27", id="7-day procedure: 1 month, R. 922-27"),
    pytest.param("2024-07-15", {}, "1_month", "CJA R. 811-2",
        id="1-month procedure: no article of its own, the earlier 1 month"),
    pytest.param("2024-07-15", {"territory": "guyane"}, "2_months", "CE, 8 février 2021, n° 436059",
        id="Guyane, general law: 2 months"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "answers", "rule", "cited"), APPEAL_COURT)
def test_the_appeal_against_the_judgment_cites_its_article(decided_on, answers, rule, cited):
    merged = {"decided_on": decided_on, "notified_on": decided_on, **answers}
    found = outcome(OQTF, merged)
    assert found["appeal"]["appeal_court_rule"] == rule
    assert cited in found["appeal"]["appeal_court_source"]
    assert "gives the exact time you have" in page(evaluated(OQTF, merged))


# --- §8.12, §8.16: challenging a placement in a detention centre ------------------------------

# fmt: off
PLACEMENT_WITH_THE_OQTF = [
    pytest.param("2024-07-14", "2024-07-15", "48_hours", "2024-07-17T10:00:00+02:00",
        id="decided 14 Jul, notified 15 Jul 2024: 48 hours, by the decision date"),
    pytest.param("2024-07-15", "2024-07-15", "4_days", "2024-07-18T23:59:00+02:00",
        id="decided and notified 15 Jul 2024: 4 days, day one counting"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "notified_on", "rule", "deadline"), PLACEMENT_WITH_THE_OQTF)
def test_a_placement_decided_with_the_oqtf_takes_its_rule_from_the_decision_date(
    decided_on, notified_on, rule, deadline
):
    found = outcome(
        OQTF,
        {
            "decided_on": decided_on,
            "notified_on": notified_on,
            "notified_at": "10:00",
            "restriction": "detention_centre",
        },
    )
    placement = found["other_remedies"]["cra_placement"]
    assert (placement["rule"], placement["deadline"]) == (rule, deadline)


# fmt: off
PLACEMENT_AFTER_EXPULSION = [
    pytest.param("2024-07-14", "48_hours", "2024-07-16T10:00:00+02:00",
        id="placed 14 Jul 2024 at 10:00: 48 hours"),
    pytest.param("2024-07-15", "4_days", "2024-07-18T23:59:00+02:00",
        id="placed 15 Jul 2024: 4 days"),
]
# fmt: on


@pytest.mark.parametrize(("placed_on", "rule", "deadline"), PLACEMENT_AFTER_EXPULSION)
def test_a_placement_after_an_expulsion_order_counts_from_its_own_notification(
    placed_on, rule, deadline
):
    found = outcome(
        EXPULSION,
        {
            "decided_on": "2024-06-03",
            "notified_on": "2024-06-04",
            "restriction": "detention_centre",
            "restriction_notified_on": placed_on,
            "restriction_notified_at": "10:00",
        },
    )
    placement = found["other_remedies"]["cra_placement"]
    assert (placement["rule"], placement["deadline"]) == (rule, deadline)


@pytest.mark.parametrize(
    ("placed_on", "asks_time"),
    [("2024-07-14", True), ("2024-07-15", False)],
    ids=["placed before 15 Jul 2024: its time too", "placed from 15 Jul 2024: the day only"],
)
def test_the_questionnaire_asks_when_a_placement_after_an_expulsion_order_was_notified(
    frozen_now, placed_on, asks_time
):
    values = {
        **EXPULSION_BY_PREFECT,
        "decided_on": "2024-06-03",
        "notified_on": "2024-06-04",
        "restriction": "detention_centre",
        "centre": "paris-1",
        "restriction_notified_on": placed_on,
        "restriction_notified_at": "10:00",
    }
    asked = progress_of(values).answered
    assert "restriction_notified_on" in asked
    assert ("restriction_notified_at" in asked) is asks_time


# --- What a person in a detention centre reads (issue report) --------------------------------

YESTERDAY_EVENING = datetime(2026, 12, 4, 14, 0, tzinfo=UTC)
IN_CRA_NO_PERIOD = {
    "decided_on": "2026-12-03",
    "notified_on": "2026-12-03",
    "notified_at": "19:00",
    "restriction": "detention_centre",
    "departure_period": "none",
}


@pytest.mark.parametrize("ground", ["unknown", "asylum_refused"])
def test_a_48_hour_deadline_is_never_said_to_be_possibly_longer(ground):
    found = evaluated(OQTF, {**IN_CRA_NO_PERIOD, "ground": ground}, YESTERDAY_EVENING)
    assert "pact_2026" in found.warnings
    html = page(found)
    assert "5 days" not in html
    assert "may be shorter" not in html
    assert "already shorter than any they could set" in html


@pytest.mark.parametrize(
    ("answers", "prominent"),
    [
        ({"restriction": "house_arrest", "ground": "asylum_refused"}, True),
        ({"ground": "unknown"}, True),
        ({"ground": "permit_refused"}, False),
    ],
    ids=["7 days, asylum refused", "1 month, ground unknown", "1 month, permit refused"],
)
def test_a_longer_deadline_may_be_shorter_under_the_june_2026_decrees(answers, prominent):
    found = evaluated(OQTF, {"decided_on": "2026-12-03", "notified_on": "2026-12-03", **answers})
    html = page(found)
    assert "may be shorter than shown" in html
    assert ("as little as 5 days" in html) is prominent


# fmt: off
DEPARTURE_WORDS = [
    pytest.param("none", "gives you no time to leave by yourself: you must leave", id="none"),
    pytest.param("withdrawn", "A later decision took away your time to leave", id="withdrawn"),
    pytest.param("unknown", "Look in the decision for the time you have to leave", id="unknown"),
]
# fmt: on


@pytest.mark.parametrize(("period", "words"), DEPARTURE_WORDS)
def test_the_time_to_leave_is_told_as_answered(period, words):
    found = evaluated(OQTF, {**IN_CRA_NO_PERIOD, "departure_period": period}, YESTERDAY_EVENING)
    html = page(found)
    assert words in html
    assert "or you do not know" not in html
