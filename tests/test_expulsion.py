"""Expulsion orders (LAW.md §3): the annulment deadline by place and authority, the board's
timetable when summoned, the repeal window, and who decides. Protections: test_protection.py.
"""

import pytest

from tests.helpers import EXPULSION, assert_outcome, evaluated, outcome

NOTIFIED = {"decided_on": "2025-01-31", "notified_on": "2025-02-03"}  # Mon 3 Feb 2025


def annulment(rule, deadline, court, **more):
    return {
        "appeal.rule": rule,
        "appeal.counting": "months_franc",
        "appeal.deadline": deadline,
        "appeal.court": court,
        "appeal.suspensive": False,
        "appeal.decides_within": None,
        "appeal.appeal_court_rule": "2_months",
        **more,
    }


PARIS = "Tribunal administratif de Paris"
# LAW.md §3.5: 2 months in France; 3 months overseas when the court sits in metropolitan France
# (minister → TA Paris) or when living in Saint-Martin or Saint-Barthélemy; 4 months abroad.
# fmt: off
ANNULMENT = [
    pytest.param({}, annulment("2_months", "2025-04-04T23:59:00+02:00",
        "Tribunal administratif du lieu de la préfecture qui a pris la décision"),
        id="prefect, person in metropolitan France: 2 months, the court of the prefecture"),
    pytest.param({"territory": None, "departement": "69"},
        annulment("2_months", "2025-04-04T23:59:00+02:00", "Tribunal administratif de Lyon"),
        id="prefect of the Rhône: 2 months, TA Lyon"),
    pytest.param({"territory": None, "departement": "75", "authority": "paris_police_prefect"},
        annulment("2_months", "2025-04-04T23:59:00+02:00", PARIS),
        id="Paris police prefect: 2 months, TA Paris"),
    pytest.param({"authority": "minister"},
        annulment("2_months", "2025-04-04T23:59:00+02:00", PARIS),
        id="minister, person in metropolitan France: 2 months, TA Paris"),
    pytest.param({"authority": "minister", "territory": "alsace_moselle"},
        annulment("2_months", "2025-04-04T23:59:00+02:00", PARIS),
        id="minister, person in Alsace-Moselle: 2 months, TA Paris"),
    pytest.param({"authority": "minister", "territory": "guadeloupe"},
        annulment("3_months", "2025-05-05T23:59:00+02:00", PARIS,
                  **{"appeal.extended_over": ["2025-05-04"]}),
        id="minister, person in Guadeloupe: 3 months at the TA Paris, Sun 4 May to Mon 5 May"),
    pytest.param({"authority": "minister", "territory": "reunion"},
        annulment("3_months", "2025-05-05T23:59:00+02:00", PARIS),
        id="minister, person in La Réunion: 3 months at the TA Paris"),
    pytest.param({"authority": "minister", "territory": "saint_martin"},
        annulment("3_months", "2025-05-05T23:59:00+02:00", PARIS),
        id="minister, person in Saint-Martin: 3 months at the TA Paris, not 4"),
    pytest.param({"territory": "guadeloupe"},
        annulment("2_months", "2025-04-04T23:59:00-04:00",
                  "Tribunal administratif de la Guadeloupe", warnings=["paris_timestamp"]),
        id="prefect of Guadeloupe: 2 months at Basse-Terre, Guadeloupe time"),
    pytest.param({"territory": "mayotte"},
        annulment("2_months", "2025-04-04T23:59:00+03:00", "Tribunal administratif de Mayotte"),
        id="prefect of Mayotte: 2 months, Mayotte time"),
    pytest.param({"territory": "saint_martin"},
        annulment("3_months", "2025-05-05T23:59:00-04:00",
                  "Tribunal administratif de Saint-Martin"),
        id="prefect, person in Saint-Martin: 3 months (court at Basse-Terre)"),
    pytest.param({"territory": "saint_barthelemy"},
        annulment("3_months", "2025-05-05T23:59:00-04:00",
                  "Tribunal administratif de Saint-Barthélemy"),
        id="prefect, person in Saint-Barthélemy: 3 months (court at Basse-Terre)"),
    pytest.param({"territory": "abroad", "authority": "minister"},
        annulment("4_months", "2025-06-04T23:59:00+02:00", PARIS),
        id="minister, person abroad: 4 months, TA Paris"),
    pytest.param({"territory": "abroad", "former_territory": "guyane"},
        annulment("4_months", "2025-06-04T23:59:00-03:00", "Tribunal administratif de la Guyane"),
        id="prefect, person abroad who lived in Guyane: 4 months at Cayenne, Guyane time"),
    pytest.param({"territory": "abroad", "former_territory": "alsace_moselle"},
        annulment("4_months", "2025-06-04T23:59:00+02:00", "Tribunal administratif de Strasbourg"),
        id="prefect, person abroad who lived in Alsace-Moselle: 4 months at Strasbourg"),
    pytest.param({"territory": "abroad", "former_territory": "saint_martin"},
        annulment("4_months", "2025-06-04T23:59:00-04:00",
                  "Tribunal administratif de Saint-Martin"),
        id="prefect, person abroad who lived in Saint-Martin: 4 months, not 5"),
    pytest.param({"territory": "abroad"},
        annulment("4_months", "2025-06-04T23:59:00+04:00",
                  "Tribunal administratif du lieu de votre dernière résidence en France",
                  warnings=["former_territory_unknown"]),
        id="prefect, person abroad, former place not said: 4 months, ending first at La Réunion"),
    pytest.param({"restriction": "prison"},
        annulment("2_months", "2025-04-04T23:59:00+02:00",
                  "Tribunal administratif du lieu de la préfecture qui a pris la décision"),
        id="prefect, person in prison: 2 months, not suspensive"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), ANNULMENT)
def test_the_annulment_deadline_depends_on_where_the_person_lives_and_who_signed(answers, expected):
    found = outcome(EXPULSION, {**NOTIFIED, **answers})
    assert found["regime"] == "expulsion-2024"
    warnings = ["expulsion_act_now", "no_deadline_stated", *expected.get("warnings", ())]
    assert_outcome(found, {**expected, "warnings": warnings})


# fmt: off
HOLIDAYS = [
    pytest.param("alsace_moselle", "2025-12-29T23:59:00+01:00",
        ["2025-12-26", "2025-12-27", "2025-12-28"],
        id="Strasbourg: 2 months ending Fri 26 Dec 2025 move to Mon 29 Dec"),
    pytest.param("metropole", "2025-12-26T23:59:00+01:00", [],
        id="elsewhere in metropolitan France: Fri 26 Dec 2025 is the last day"),
]
# fmt: on


@pytest.mark.parametrize(("territory", "deadline", "extended_over"), HOLIDAYS)
def test_the_annulment_deadline_moves_past_the_courts_own_holidays(
    territory, deadline, extended_over
):
    found = outcome(
        EXPULSION, {"decided_on": "2025-10-24", "notified_on": "2025-10-25", "territory": territory}
    )
    assert found["appeal"]["deadline"] == deadline
    assert found["appeal"]["extended_over"] == extended_over


def test_the_guadeloupe_public_case_moves_past_27_may():
    found = outcome(
        EXPULSION,
        {"decided_on": "2026-03-25", "notified_on": "2026-03-26", "territory": "guadeloupe"},
    )
    assert found["appeal"]["deadline"] == "2026-05-28T23:59:00-04:00"
    assert found["appeal"]["extended_over"] == ["2026-05-27"]


def test_an_expulsion_order_under_the_2021_rules_has_the_same_two_months():
    found = outcome(EXPULSION, {"decided_on": "2023-06-01", "notified_on": "2023-06-02"})
    assert found["regime"] == "expulsion-2021"
    assert found["appeal"]["rule"] == "2_months"
    assert found["appeal"]["deadline"] == "2023-08-03T23:59:00+02:00"


def test_an_unknown_notification_day_counts_from_the_order():
    found = outcome(EXPULSION, {"decided_on": "2025-01-31"})
    assert found["appeal"]["deadline"] == "2025-04-01T23:59:00+02:00"
    assert "notified_on_unknown" in found["warnings"]


def test_a_person_in_a_detention_centre_can_also_challenge_the_placement():
    found = outcome(
        EXPULSION,
        {
            **NOTIFIED,
            "restriction": "detention_centre",
            "restriction_notified_on": "2025-02-05",
            "restriction_notified_at": "09:00",
        },
    )
    placement = found["other_remedies"]["cra_placement"]
    assert (placement["rule"], placement["deadline"]) == ("4_days", "2025-02-08T23:59:00+01:00")
    assert found["appeal"]["rule"] == "2_months"


# LAW.md §3.3: hearing ≥ 15 days after the summons; opinion within 1 month of it (same day
# number, else the month's last day). A postponement runs from the board's decision to postpone,
# which the app cannot know: never "summons + 2 months" (§8.10).
# fmt: off
COMEX = [
    # summoned on, hearing not before, opinion by
    pytest.param("2026-11-16", "2026-12-01", "2026-12-16",
        id="summoned 16 Nov 2026: hearing from 1 Dec, opinion by 16 Dec (public case)"),
    pytest.param("2025-01-31", "2025-02-15", "2025-02-28",
        id="summoned 31 Jan 2025: opinion by 28 Feb, the month's last day"),
    pytest.param("2024-01-30", "2024-02-14", "2024-02-29",
        id="summoned 30 Jan 2024 (leap year): opinion by 29 Feb"),
    pytest.param("2024-12-31", "2025-01-15", "2025-01-31",
        id="summoned 31 Dec 2024: opinion by 31 Jan"),
]
# fmt: on


@pytest.mark.parametrize(("summoned_on", "hearing", "opinion"), COMEX)
def test_a_summons_gives_the_boards_timetable(summoned_on, hearing, opinion):
    found = outcome(
        EXPULSION,
        {"decided_on": "2024-01-29", "expulsion_stage": "summoned", "summoned_on": summoned_on},
    )
    assert found["comex"] == {
        "summoned_on": summoned_on,
        "hearing_not_before": hearing,
        "opinion_by": opinion,
    }
    assert "summoned_on_unknown" not in found["warnings"]
    assert found["appeal"]["deadline"] is None
    assert found["appeal"]["rule"] == "none"


def test_a_summons_without_its_date_gives_no_timetable_and_says_why():
    found = outcome(EXPULSION, {"decided_on": "2026-11-13", "expulsion_stage": "summoned"})
    assert found["comex"] == {"summoned_on": None, "hearing_not_before": None, "opinion_by": None}
    assert "summoned_on_unknown" in found["warnings"]
    assert found["appeal"]["deadline"] is None


# LAW.md §3.5, §8.11: repeal within 2 months of the notification, counted plainly, when free in
# France, in a detention centre or under house arrest (some long house arrests allow later: said);
# any time abroad or in prison.
# fmt: off
REPEAL = [
    pytest.param({}, "2025-04-03", False, id="free in France: within 2 months, not franc"),
    pytest.param({"territory": "guadeloupe"}, "2025-04-03", False,
        id="free in Guadeloupe: within 2 months"),
    pytest.param({"restriction": "detention_centre"}, "2025-04-03", False,
        id="in a detention centre: within 2 months only"),
    pytest.param({"restriction": "house_arrest"}, "2025-04-03", True,
        id="under house arrest: within 2 months, later for some house arrests"),
    pytest.param({"territory": "abroad"}, None, False, id="abroad: any time"),
    pytest.param({"restriction": "prison"}, None, False, id="in prison: any time"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "until", "later_if_long_house_arrest"), REPEAL)
def test_the_repeal_window_depends_on_where_the_person_is(
    answers, until, later_if_long_house_arrest
):
    repeal = evaluated(EXPULSION, {**NOTIFIED, **answers}).details.repeal
    assert (repeal.until and repeal.until.isoformat()) == until
    assert repeal.later_if_long_house_arrest is later_if_long_house_arrest
    assert repeal.silence_means_refusal_months == 4
    assert repeal.board_after_years == 5
    assert repeal.review_every_years == 5


# fmt: off
AUTHORITY = [
    pytest.param("2024-07-16", "minister_for_protected_and_urgency",
        id="ordered 16 Jul 2024: the minister for any protected foreigner"),
    pytest.param("2024-07-17", "minister_for_l631_and_urgency",
        id="ordered 17 Jul 2024 (décret 2024-808): the minister under L. 631-2/L. 631-3"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "authority"), AUTHORITY)
def test_who_decides_changed_on_17_july_2024(decided_on, authority):
    details = evaluated(EXPULSION, {"decided_on": decided_on, "notified_on": decided_on}).details
    assert details.authority == authority


def test_the_distance_delay_is_cited_when_it_applies():
    sources = outcome(EXPULSION, {**NOTIFIED, "territory": "abroad"})["sources"]
    assert "CJA R. 421-7" in sources
    assert "CJA R. 421-7" not in outcome(EXPULSION, NOTIFIED)["sources"]
