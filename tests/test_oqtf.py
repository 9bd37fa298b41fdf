"""The OQTF appeal (LAW.md §2.4, §2.6) for every situation of the tables, through evaluate().

Each row gives answers (over an OQTF in metropolitan France handed over in person) and the
outcome keys expected, dotted as in the JSON outcome. `warnings` must be present, `absent` must
not be.
"""

from datetime import UTC, date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.engine import answers as a
from tests.helpers import NOW, OQTF, assert_outcome, evaluated, outcome

OLD = {"decided_on": "2023-03-06", "notified_on": "2023-03-06"}  # Mon 6 Mar 2023
NEW = {"decided_on": "2025-03-10", "notified_on": "2025-03-10"}  # Mon 10 Mar 2025, LAW §6


def period_given(ground):
    return {"departure_period": "given", "ground": ground}


def without_period(ground):
    return {"departure_period": "none", "ground": ground, "notified_at": "10:00"}


def appeal(rule, counting, deadline, decides_within, **more):
    return {
        "appeal.rule": rule,
        "appeal.counting": counting,
        "appeal.deadline": deadline,
        "appeal.decides_within": decides_within,
        "appeal.suspensive": True,
        **more,
    }


THIRTY_DAYS = appeal("30_days", "days_franc", "2023-04-06T23:59:00+02:00", "3_months")
FIFTEEN_DAYS = appeal("15_days", "days_franc", "2023-03-22T23:59:00+01:00", "6_weeks")
HOURS_48 = "2023-03-08T10:00:00+01:00"

# LAW.md §2.4, regimes oqtf-2021 and oqtf-2024-01 (decision taken before 2024-07-15).
# fmt: off
OLD_REGIME = [
    pytest.param(period_given("permit_refused"), THIRTY_DAYS,
        id="period given, ground 3° (permit refused): 30 days franc, 3-judge panel in 3 months"),
    pytest.param(period_given("public_order"), THIRTY_DAYS,
        id="period given, ground 5° (public order): 30 days franc"),
    pytest.param(period_given("unauthorised_work"), THIRTY_DAYS,
        id="period given, ground 6° (unauthorised work): 30 days franc"),
    pytest.param(period_given("irregular_entry"), FIFTEEN_DAYS,
        id="period given, ground 1° (irregular entry): 15 days franc, single judge in 6 weeks"),
    pytest.param(period_given("overstay"), FIFTEEN_DAYS,
        id="period given, ground 2° (overstay): 15 days franc"),
    pytest.param(period_given("asylum_refused"), FIFTEEN_DAYS,
        id="period given, ground 4° (asylum refused): 15 days franc"),
    pytest.param(period_given("unknown"), FIFTEEN_DAYS,
        id="period given, ground unknown: the shorter 15 days"),
    pytest.param(without_period("irregular_entry"),
        appeal("48_hours", "hours", HOURS_48, "6_weeks"),
        id="no period, ground 1°: 48 hours, judge in 6 weeks"),
    pytest.param(without_period("overstay"), appeal("48_hours", "hours", HOURS_48, "6_weeks"),
        id="no period, ground 2°: 48 hours, judge in 6 weeks"),
    pytest.param(without_period("asylum_refused"), appeal("48_hours", "hours", HOURS_48, "6_weeks"),
        id="no period, ground 4°: 48 hours, judge in 6 weeks"),
    pytest.param(without_period("permit_refused"),
        appeal("48_hours", "hours", HOURS_48, "3_months"),
        id="no period, ground 3°: 48 hours, judge in 3 months"),
    pytest.param(without_period("public_order"), appeal("48_hours", "hours", HOURS_48, "3_months"),
        id="no period, ground 5°: 48 hours, judge in 3 months"),
    pytest.param(without_period("unauthorised_work"),
        appeal("48_hours", "hours", HOURS_48, "3_months"),
        id="no period, ground 6°: 48 hours, judge in 3 months"),
    pytest.param({"departure_period": "unknown", "ground": "permit_refused",
                  "notified_at": "10:00"},
        appeal("48_hours", "hours", HOURS_48, "3_months"),
        id="period unknown: the earliest reading, 48 hours"),
    pytest.param({"departure_period": "withdrawn", "ground": "permit_refused",
                  "notified_at": "10:00"},
        appeal("48_hours", "hours", HOURS_48, "96_hours"),
        id="period withdrawn later by the prefect: 48 hours, judge in 96 hours"),
    pytest.param({**period_given("permit_refused"), "restriction": "house_arrest",
                  "notified_at": "10:00"},
        appeal("48_hours", "hours", HOURS_48, "96_hours"),
        id="notified with house arrest: 48 hours, judge in 96 hours"),
    pytest.param({**period_given("overstay"), "restriction": "detention_centre",
                  "notified_at": "10:00"},
        appeal("48_hours", "hours", HOURS_48, "96_hours"),
        id="notified in a detention centre: 48 hours, judge in 96 hours"),
    pytest.param({**period_given("permit_refused"), "restriction": "prison"},
        {**THIRTY_DAYS, "appeal.decides_within": "8_days"},
        id="in prison, period given, ground 3°: 30 days, judge in 8 days"),
    pytest.param({**period_given("irregular_entry"), "restriction": "prison"},
        {**FIFTEEN_DAYS, "appeal.decides_within": "8_days"},
        id="in prison, period given, ground 1°: 15 days, judge in 8 days"),
    # LAW.md §2.4: "in prison (detainee) | the ground/period rules above (30 days, 15 days,
    # 48 hours) | as above | 8 days from the court being told of an imminent release".
    pytest.param({**without_period("public_order"), "restriction": "prison"},
        appeal("48_hours", "hours", HOURS_48, "8_days"),
        id="in prison, no period: 48 hours, judge in 8 days as for every detainee"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), OLD_REGIME)
def test_old_regime_deadline_follows_the_ground_the_period_and_the_restriction(answers, expected):
    found = outcome(OQTF, {**OLD, **answers})
    assert found["regime"] == "oqtf-2021"
    assert_outcome(found, expected)


# fmt: off
OQTF_2024_01 = [
    pytest.param(period_given("permit_refused"),
        appeal("30_days", "days_franc", "2024-04-04T23:59:00+02:00", "3_months"),
        id="March 2024, period given, ground 3°: still 30 days"),
    pytest.param(period_given("overstay"),
        appeal("15_days", "days_franc", "2024-03-20T23:59:00+01:00", "6_weeks"),
        id="March 2024, period given, ground 2°: still 15 days"),
    pytest.param(without_period("overstay"),
        appeal("48_hours", "hours", "2024-03-06T10:00:00+01:00", "6_weeks"),
        id="March 2024, no period: still 48 hours"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), OQTF_2024_01)
def test_the_old_deadlines_still_apply_in_the_first_half_of_2024(answers, expected):
    found = outcome(OQTF, {"decided_on": "2024-03-04", "notified_on": "2024-03-04", **answers})
    assert found["regime"] == "oqtf-2024-01"
    assert_outcome(found, expected)


ONE_MONTH = appeal("1_month", "months_franc", "2025-04-11T23:59:00+02:00", "6_months")
SEVEN_DAYS = appeal(
    "7_days", "days", "2025-03-17T23:59:00+01:00", "15_days", warnings=["seven_days_disputed"]
)
CRA_48_HOURS = appeal("48_hours", "hours", "2025-03-12T10:00:00+01:00", "96_hours")

# LAW.md §2.4, regime oqtf-2024-07: the ground no longer matters, the restriction does.
# fmt: off
NEW_REGIME = [
    pytest.param(period_given("permit_refused"), ONE_MONTH,
        id="free, period given: 1 month franc (LAW §6: Fri 11 Apr 2025), judge in 6 months"),
    pytest.param(without_period("irregular_entry"), ONE_MONTH,
        id="free, no period: still 1 month"),
    pytest.param({"departure_period": "withdrawn", "ground": "overstay"}, ONE_MONTH,
        id="free, period withdrawn: still 1 month"),
    pytest.param({"departure_period": "unknown", "ground": "unknown"}, ONE_MONTH,
        id="free, period and ground unknown: 1 month"),
    pytest.param(period_given("asylum_refused"), ONE_MONTH,
        id="free, asylum refused: 1 month"),
    pytest.param({**period_given("public_order"), "restriction": "house_arrest"}, SEVEN_DAYS,
        id="house arrest: end of the 7th day, never extended, judge in 15 days, disputed"),
    pytest.param({**period_given("public_order"), "restriction": "prison"}, SEVEN_DAYS,
        id="in prison: 7 days, judge in 15 days"),
    pytest.param({**without_period("overstay"), "restriction": "detention_centre"}, CRA_48_HOURS,
        id="in a detention centre: 48 hours to the minute, judge in 96 hours"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), NEW_REGIME)
def test_current_deadline_follows_the_restriction_not_the_ground(answers, expected):
    found = outcome(OQTF, {**NEW, **answers})
    assert found["regime"] == "oqtf-2024-07"
    assert_outcome(found, expected)


# LAW.md §2.4: the 2024-07-15 reform, and the CRA placement challenge keyed by placement date.
# fmt: off
JULY_2024 = [
    pytest.param({"decided_on": "2024-07-14", **period_given("permit_refused")},
        {"regime": "oqtf-2024-01", "appeal.rule": "30_days"},
        id="free, taken 14 Jul 2024: 30 days"),
    pytest.param({"decided_on": "2024-07-15", **period_given("permit_refused")},
        {"regime": "oqtf-2024-07", "appeal.rule": "1_month"},
        id="free, taken 15 Jul 2024: 1 month"),
    pytest.param({"decided_on": "2024-07-14", **period_given("overstay")},
        {"appeal.rule": "15_days"}, id="free, ground 2°, taken 14 Jul 2024: 15 days"),
    pytest.param({"decided_on": "2024-07-15", **period_given("overstay")},
        {"appeal.rule": "1_month"}, id="free, ground 2°, taken 15 Jul 2024: 1 month"),
    pytest.param({"decided_on": "2024-07-14", **without_period("overstay")},
        {"appeal.rule": "48_hours"}, id="free, no period, taken 14 Jul 2024: 48 hours"),
    pytest.param({"decided_on": "2024-07-15", **without_period("overstay")},
        {"appeal.rule": "1_month"}, id="free, no period, taken 15 Jul 2024: 1 month"),
    pytest.param({"decided_on": "2024-07-14", "restriction": "house_arrest",
                  "notified_at": "10:00"},
        {"appeal.rule": "48_hours", "appeal.decides_within": "96_hours"},
        id="house arrest, taken 14 Jul 2024: 48 hours"),
    pytest.param({"decided_on": "2024-07-15", "restriction": "house_arrest"},
        {"appeal.rule": "7_days", "appeal.decides_within": "15_days"},
        id="house arrest, taken 15 Jul 2024: 7 days"),
    pytest.param({"decided_on": "2024-07-14", **period_given("irregular_entry"),
                  "restriction": "prison"},
        {"appeal.rule": "15_days", "appeal.decides_within": "8_days"},
        id="in prison, taken 14 Jul 2024: the ground and period rules"),
    pytest.param({"decided_on": "2024-07-15", **period_given("irregular_entry"),
                  "restriction": "prison"},
        {"appeal.rule": "7_days", "appeal.decides_within": "15_days"},
        id="in prison, taken 15 Jul 2024: 7 days"),
    pytest.param({"decided_on": "2024-07-14", "restriction": "detention_centre",
                  "notified_at": "10:00"},
        {"appeal.rule": "48_hours", "other_remedies.cra_placement.rule": "48_hours",
         "other_remedies.cra_placement.deadline": "2024-07-16T10:00:00+02:00"},
        id="placed in a CRA on 14 Jul 2024: 48 hours to challenge the placement"),
    pytest.param({"decided_on": "2024-07-15", "restriction": "detention_centre",
                  "notified_at": "10:00"},
        {"appeal.rule": "48_hours", "other_remedies.cra_placement.rule": "4_days",
         "other_remedies.cra_placement.counting": "days_from_day_one",
         "other_remedies.cra_placement.deadline": "2024-07-18T23:59:00+02:00"},
        id="placed in a CRA on 15 Jul 2024: 4 days, the day of notification being day 1"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), JULY_2024)
def test_the_july_2024_reform_applies_to_decisions_taken_from_15_july(answers, expected):
    found = outcome(OQTF, {"notified_on": answers["decided_on"], **answers})
    assert_outcome(found, expected)


# fmt: off
CRA_PLACEMENT = [
    # The placement date picks the rule, not the OQTF's date (LAW.md §2.4).
    pytest.param({"decided_on": "2024-07-10", "notified_on": "2024-07-10",
                  **period_given("overstay"),
                  "restriction": "detention_centre", "restriction_with_decision": False,
                  "restriction_notified_on": "2024-07-15", "restriction_notified_at": "10:00"},
        {"other_remedies.cra_placement.rule": "4_days",
         "other_remedies.cra_placement.deadline": "2024-07-18T23:59:00+02:00",
         "appeal.rule": "48_hours", "appeal.deadline": "2024-07-17T10:00:00+02:00"},
        id="OQTF of 10 Jul 2024, placed in a CRA on 15 Jul: 4 days for the placement"),
    pytest.param({"decided_on": "2024-07-10", "notified_on": "2024-07-10",
                  **period_given("overstay"),
                  "restriction": "detention_centre", "restriction_with_decision": False,
                  "restriction_notified_on": "2024-07-14", "restriction_notified_at": "10:00"},
        {"other_remedies.cra_placement.rule": "48_hours",
         "other_remedies.cra_placement.deadline": "2024-07-16T10:00:00+02:00"},
        id="OQTF of 10 Jul 2024, placed in a CRA on 14 Jul: 48 hours for the placement"),
    pytest.param({"decided_on": "2024-07-14", "notified_on": "2024-07-14",
                  "restriction": "detention_centre"},
        {"other_remedies.cra_placement.deadline": "2024-07-16T00:00:00+02:00",
         "warnings": ["time_unknown"]},
        id="placed on 14 Jul 2024 at an unknown time: 48 hours from 00:00, time_unknown"),
    pytest.param({**NEW, "restriction": "detention_centre", "notified_at": "10:00"},
        {"other_remedies.cra_placement.deadline": "2025-03-13T23:59:00+01:00",
         "other_remedies.cra_placement.court": "judicial_judge"},
        id="placed with the OQTF on Mon 10 Mar 2025: until Thu 13 Mar 23:59, judicial judge"),
    pytest.param({**NEW, "restriction": "house_arrest"}, {"other_remedies": {}},
        id="house arrest: no placement to challenge"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), CRA_PLACEMENT)
def test_the_cra_placement_challenge_has_its_own_deadline(answers, expected):
    assert_outcome(outcome(OQTF, answers), expected)


# LAW.md §2.4, last row: a restriction after the OQTF, before filing and before the 1-month
# deadline ended: the earlier of the two deadlines, `restriction_after_oqtf`, the judge's time
# of the restriction.
# fmt: off
LATER_RESTRICTION = [
    pytest.param({**NEW, "restriction": "house_arrest", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-03-20"},
        {**appeal("7_days", "days", "2025-03-27T23:59:00+01:00", "15_days"),
         "appeal.starts_on": "2025-03-20", "warnings": ["restriction_after_oqtf"]},
        id="house arrest 10 days after the OQTF: 7 days from the house arrest"),
    pytest.param({**NEW, "restriction": "prison", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-03-20"},
        {**appeal("7_days", "days", "2025-03-27T23:59:00+01:00", "15_days"),
         "warnings": ["restriction_after_oqtf"]},
        id="imprisoned 10 days after the OQTF: 7 days from imprisonment"),
    pytest.param({**NEW, "restriction": "detention_centre", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-03-20", "restriction_notified_at": "10:00"},
        {**appeal("48_hours", "hours", "2025-03-22T10:00:00+01:00", "96_hours"),
         "other_remedies.cra_placement.deadline": "2025-03-23T23:59:00+01:00",
         "warnings": ["restriction_after_oqtf"]},
        id="placed in a CRA 10 days after the OQTF: 48 hours from the placement"),
    pytest.param({**NEW, "restriction": "house_arrest", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-04-08"},
        {**appeal("1_month", "months_franc", "2025-04-11T23:59:00+02:00", "15_days"),
         "warnings": ["restriction_after_oqtf"]},
        id="house arrest 3 days before the month ends: the month's end is earlier and is shown"),
    pytest.param({**NEW, "restriction": "house_arrest", "restriction_with_decision": False,
                  "restriction_notified_on": "unknown"},
        {**appeal("7_days", "days", "2025-03-17T23:59:00+01:00", "15_days"),
         "warnings": ["restriction_after_oqtf"]},
        id="house arrest on an unknown day: counted from the OQTF's notification (earliest)"),
    pytest.param({**NEW, "restriction": "house_arrest"},
        {**appeal("7_days", "days", "2025-03-17T23:59:00+01:00", "15_days"),
         "absent": ["restriction_after_oqtf"]},
        id="not said whether the house arrest came with the OQTF: read as together (earliest)"),
    pytest.param({**NEW, "restriction": "house_arrest", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-03-20", "appeal_already_filed": True},
        {**ONE_MONTH, "appeal.decides_within": "15_days", "appeal.already_filed": True,
         "absent": ["restriction_after_oqtf"]},
        id="house arrest after the appeal was filed: the judge has 15 days"),
    pytest.param({**NEW, "restriction": "prison", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-03-20", "appeal_already_filed": True},
        {**ONE_MONTH, "appeal.decides_within": "15_days"},
        id="imprisoned after the appeal was filed: the judge has 15 days"),
    pytest.param({**NEW, "restriction": "detention_centre", "restriction_with_decision": False,
                  "restriction_notified_on": "2025-03-20", "appeal_already_filed": True},
        {**ONE_MONTH, "appeal.decides_within": "144_hours"},
        id="placed in a CRA after the appeal was filed: the judge has 144 hours"),
    pytest.param({**OLD, **period_given("permit_refused"), "restriction": "house_arrest",
                  "restriction_with_decision": False, "restriction_notified_on": "2023-03-10",
                  "restriction_notified_at": "10:00"},
        {**appeal("48_hours", "hours", "2023-03-12T10:00:00+01:00", "96_hours"),
         "warnings": ["restriction_after_oqtf"]},
        id="old regime, house arrest after the OQTF: 48 hours from the house arrest"),
    pytest.param({**OLD, **period_given("permit_refused"), "restriction": "detention_centre",
                  "restriction_with_decision": False, "restriction_notified_on": "2023-03-10",
                  "restriction_notified_at": "10:00"},
        {**appeal("48_hours", "hours", "2023-03-12T10:00:00+01:00", "96_hours"),
         "other_remedies.cra_placement.deadline": "2023-03-12T10:00:00+01:00",
         "warnings": ["restriction_after_oqtf"]},
        id="old regime, placed in a CRA after the OQTF: 48 hours from the placement"),
    # LAW.md §2.4: "notified with, or already under, house arrest or administrative detention":
    # a restriction that began before the OQTF was notified counts as one decided with it.
    pytest.param({**NEW, "restriction": "prison", "restriction_with_decision": False,
                  "restriction_notified_on": "2023-01-05"},
        {**SEVEN_DAYS, "appeal.starts_on": "2025-03-10", "absent": ["restriction_after_oqtf"]},
        id="in prison since 2023 when the OQTF is notified: 7 days from the OQTF"),
    pytest.param({**NEW, "notified_at": "10:00", "restriction": "detention_centre",
                  "restriction_with_decision": False, "restriction_notified_on": "2025-03-08",
                  "restriction_notified_at": "18:00"},
        {**CRA_48_HOURS, "absent": ["restriction_after_oqtf"],
         "other_remedies.cra_placement.deadline": "2025-03-11T23:59:00+01:00"},
        id="already in a CRA when the OQTF is notified: 48 hours from the OQTF; the placement's "
           "4 days from the placement"),
    pytest.param({**OLD, **period_given("permit_refused"), "notified_at": "10:00",
                  "restriction": "house_arrest", "restriction_with_decision": False,
                  "restriction_notified_on": "2023-03-01"},
        {**appeal("48_hours", "hours", HOURS_48, "96_hours"),
         "absent": ["restriction_after_oqtf"]},
        id="old regime, already under house arrest when the OQTF is notified: 48 hours from it"),
    pytest.param({"decided_on": "2025-03-10", "restriction": "house_arrest",
                  "restriction_with_decision": False, "restriction_notified_on": "2025-03-01"},
        {**SEVEN_DAYS, "warnings": ["notified_on_unknown"], "absent": ["restriction_after_oqtf"]},
        id="under house arrest before the OQTF was taken, notification day unknown: 7 days"),
    # LAW.md §2.4: "in prison (detainee) ... 8 days from the court being told of an imminent
    # release", whether the prison came with the OQTF or after it.
    pytest.param({**OLD, **period_given("permit_refused"), "restriction": "prison",
                  "restriction_with_decision": False, "restriction_notified_on": "2023-03-10"},
        {**THIRTY_DAYS, "appeal.decides_within": "8_days", "absent": ["restriction_after_oqtf"]},
        id="old regime, imprisoned after the OQTF: the 30 days still, judge in 8 days"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), LATER_RESTRICTION)
def test_a_restriction_after_the_oqtf_can_only_shorten_the_deadline(answers, expected):
    assert_outcome(outcome(OQTF, answers), expected)


def test_the_earlier_of_two_hour_deadlines_is_compared_as_instants_in_the_autumn_overlap():
    """OQTF without a period handed over at 02:50 and house arrest at 03:10 on Fri 27 Oct 2023:
    the OQTF's 48 hours end at the first 02:50 of Sunday (+02:00), the house arrest's at 02:10
    after the clocks went back (+01:00), 20 minutes later. LAW.md §2.4: "the app takes the
    **earlier**"."""
    found = outcome(
        OQTF,
        {
            "decided_on": "2023-10-27",
            "notified_on": "2023-10-27",
            **without_period("overstay"),
            "notified_at": "02:50",
            "restriction": "house_arrest",
            "restriction_with_decision": False,
            "restriction_notified_on": "2023-10-27",
            "restriction_notified_at": "03:10",
        },
    )
    assert found["appeal"]["deadline"] == "2023-10-29T02:50:00+02:00"
    assert found["appeal"]["starts_on"] == "2023-10-27"


# LAW.md §2.4, CE 17 June 2020 n° 425111: before the reform, 48 hours did not run from a post.
# fmt: off
POST_48_HOURS = [
    pytest.param({**OLD, **without_period("overstay"), "notified_by": "post"},
        {"appeal.deadline": HOURS_48, "warnings": ["post_48h_not_opposable"]},
        id="old regime, no period, by post: 48 hours shown as the safe date, with the warning"),
    pytest.param({**OLD, "departure_period": "withdrawn", "ground": "overstay",
                  "notified_at": "10:00", "notified_by": "post"},
        {"appeal.rule": "48_hours", "warnings": ["post_48h_not_opposable"]},
        id="old regime, period withdrawn, by post: the warning"),
    pytest.param({**OLD, **without_period("overstay"), "notified_by": "hand"},
        {"appeal.rule": "48_hours", "absent": ["post_48h_not_opposable"]},
        id="old regime, no period, handed over: no warning"),
    pytest.param({**OLD, **period_given("permit_refused"), "notified_by": "post"},
        {"appeal.rule": "30_days", "absent": ["post_48h_not_opposable"]},
        id="old regime, 30 days by post: no warning"),
    pytest.param({**OLD, **without_period("overstay"), "notified_by": "unknown"},
        {"appeal.rule": "48_hours", "absent": ["post_48h_not_opposable"]},
        id="old regime, no period, way of notification unknown: 48 hours, no warning"),
    pytest.param({**NEW, **without_period("overstay"), "restriction": "detention_centre",
                  "notified_by": "post"},
        {"appeal.rule": "48_hours", "absent": ["post_48h_not_opposable"]},
        id="current regime, CRA, by post: the 2020 case law no longer applies"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), POST_48_HOURS)
def test_a_48_hour_deadline_notified_by_post_keeps_the_safe_date_with_a_warning(answers, expected):
    assert_outcome(outcome(OQTF, answers), expected)


# LAW.md §2.4: the 15 days ending on a weekend or holiday: earlier date kept, warning.
# fmt: off
FIFTEEN_DAYS_WEEKEND = [
    pytest.param("2023-09-01", "2023-09-17T23:59:00+02:00", True,
        id="15 days ending Sun 17 Sep 2023: kept, weekend_extension_possible"),
    pytest.param("2023-09-04", "2023-09-20T23:59:00+02:00", False,
        id="15 days ending Wed 20 Sep 2023: no warning"),
    pytest.param("2023-10-16", "2023-11-01T23:59:00+01:00", True,
        id="15 days ending on All Saints' Day (Wed 1 Nov 2023): kept, warning"),
    pytest.param("2023-10-15", "2023-10-31T23:59:00+01:00", False,
        id="15 days ending Tue 31 Oct 2023, the day before All Saints' Day: no warning"),
]
# fmt: on


@pytest.mark.parametrize(("notified_on", "deadline", "warned"), FIFTEEN_DAYS_WEEKEND)
def test_fifteen_days_are_never_extended_but_warn_when_ending_on_a_day_off(
    notified_on, deadline, warned
):
    found = outcome(
        OQTF, {"decided_on": "2023-09-01", "notified_on": notified_on, **period_given("overstay")}
    )
    assert found["appeal"]["deadline"] == deadline
    assert found["appeal"]["extended_over"] == []
    assert ("weekend_extension_possible" in found["warnings"]) is warned


def test_thirty_days_ending_on_a_weekend_are_extended_without_the_fifteen_day_warning():
    """LAW.md §6: Strasbourg, notified Wed 3 May 2023: Sat 3 Jun → Mon 5 Jun."""
    found = outcome(
        OQTF,
        {
            "territory": "alsace_moselle",
            "decided_on": "2023-05-02",
            "notified_on": "2023-05-03",
            **period_given("permit_refused"),
        },
    )
    assert found["appeal"]["deadline"] == "2023-06-05T23:59:00+02:00"
    assert found["appeal"]["extended_over"] == ["2023-06-03", "2023-06-04"]
    assert "weekend_extension_possible" not in found["warnings"]


# LAW.md §2.6: general administrative law in five territories, every regime.
def general_law(rule, deadline, court, *warnings):
    return {
        "appeal.rule": rule,
        "appeal.counting": "months_franc",
        "appeal.deadline": deadline,
        "appeal.suspensive": False,
        "appeal.decides_within": None,
        "appeal.court": court,
        "appeal.appeal_court_rule": "2_months",
        "warnings": ["overseas_act_now", "no_deadline_stated", *warnings],
    }


# fmt: off
OVERSEAS = [
    pytest.param("guadeloupe", general_law("2_months", "2025-05-12T23:59:00-04:00",
        "Tribunal administratif de la Guadeloupe", "paris_timestamp"),
        id="Guadeloupe: 2 months franc (Sun 11 May to Mon 12 May), not suspensive, act now"),
    pytest.param("guyane", general_law("2_months", "2025-05-12T23:59:00-03:00",
        "Tribunal administratif de la Guyane", "paris_timestamp"),
        id="Guyane: 2 months franc, not suspensive, no time limit for the judge"),
    pytest.param("mayotte", {**general_law("2_months", "2025-05-12T23:59:00+03:00",
        "Tribunal administratif de Mayotte", "mayotte_special"), "absent": ["paris_timestamp"]},
        id="Mayotte: 2 months franc, mayotte_special, east of Paris so no paris_timestamp"),
    pytest.param("saint_martin", general_law("3_months", "2025-06-11T23:59:00-04:00",
        "Tribunal administratif de Saint-Martin", "paris_timestamp"),
        id="Saint-Martin: 3 months (court at Basse-Terre, CJA R. 421-7)"),
    pytest.param("saint_barthelemy", general_law("3_months", "2025-06-11T23:59:00-04:00",
        "Tribunal administratif de Saint-Barthélemy", "paris_timestamp"),
        id="Saint-Barthélemy: 3 months (court at Basse-Terre, CJA R. 421-7)"),
    pytest.param("martinique", {**ONE_MONTH, "appeal.deadline": "2025-04-11T23:59:00-04:00",
        "appeal.appeal_court_rule": "1_month", "warnings": ["paris_timestamp"],
        "absent": ["overseas_act_now"]},
        id="Martinique follows the general rules of §2.4: 1 month, suspensive"),
    pytest.param("reunion", {**ONE_MONTH, "appeal.deadline": "2025-04-11T23:59:00+04:00",
        "absent": ["overseas_act_now", "paris_timestamp"]},
        id="La Réunion follows the general rules of §2.4: 1 month, suspensive"),
    pytest.param("saint_pierre_et_miquelon",
        {**ONE_MONTH, "appeal.deadline": "2025-04-11T23:59:00-02:00",
         "warnings": ["paris_timestamp"], "absent": ["overseas_act_now"]},
        id="Saint-Pierre-et-Miquelon follows the general rules of §2.4: 1 month, suspensive"),
]
# fmt: on


@pytest.mark.parametrize(("territory", "expected"), OVERSEAS)
def test_overseas_oqtf_deadline_by_territory(territory, expected):
    assert_outcome(
        outcome(OQTF, {**NEW, **period_given("permit_refused"), "territory": territory}), expected
    )


# fmt: off
OVERSEAS_RESTRICTED = [
    pytest.param({**NEW, "territory": "guyane", "restriction": "house_arrest"},
        {"appeal.rule": "2_months", "appeal.decides_within": None,
         "warnings": ["overseas_act_now", "house_arrest_7_days"],
         "absent": ["seven_days_disputed"]},
        id="Guyane, house arrest: still 2 months; the house arrest's own 7 days as a warning"),
    pytest.param({**NEW, "territory": "guadeloupe", "restriction": "prison"},
        {"appeal.rule": "2_months", "appeal.decides_within": None,
         "absent": ["house_arrest_7_days"]},
        id="Guadeloupe, in prison: 2 months, no time limit for the judge"),
    pytest.param({**NEW, "territory": "mayotte", "restriction": "detention_centre",
                  "notified_at": "10:00"},
        {"appeal.rule": "2_months", "appeal.decides_within": None,
         "other_remedies.cra_placement.deadline": "2025-03-13T23:59:00+03:00"},
        id="Mayotte, in a CRA: 2 months for the OQTF, 4 days for the placement"),
    pytest.param({**NEW, "territory": "saint_martin", "restriction": "house_arrest",
                  "restriction_with_decision": False, "restriction_notified_on": "2025-03-20"},
        {"appeal.rule": "3_months", "appeal.deadline": "2025-06-11T23:59:00-04:00",
         "absent": ["restriction_after_oqtf"]},
        id="Saint-Martin, house arrest after the OQTF: the 3 months are not shortened"),
    pytest.param({**OLD, "territory": "guyane", **without_period("public_order")},
        {"regime": "oqtf-2021", "appeal.rule": "2_months",
         "appeal.deadline": "2023-05-09T23:59:00-03:00", "appeal.decides_within": None},
        id="Guyane, old regime, no period: 2 months, not 48 hours"),
    # LAW.md §2.6: "no time limit for the judge (`decides_within: null`)", in every regime:
    # L. 614-15 (8 days for a detainee) is one of the special procedures that do not apply.
    pytest.param({**OLD, "territory": "guyane", **period_given("permit_refused"),
                  "restriction": "prison"},
        {"appeal.rule": "2_months", "appeal.decides_within": None},
        id="Guyane, old regime, in prison: no time limit for the judge, not 8 days"),
    pytest.param({**OLD, "territory": "guadeloupe", **period_given("overstay"),
                  "restriction": "prison",
                  "restriction_with_decision": False, "restriction_notified_on": "2023-03-10"},
        {"appeal.rule": "2_months", "appeal.decides_within": None},
        id="Guadeloupe, old regime, imprisoned after the OQTF: no time limit for the judge"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), OVERSEAS_RESTRICTED)
def test_overseas_a_restriction_does_not_change_the_general_law_deadline(answers, expected):
    assert_outcome(outcome(OQTF, answers), expected)


# fmt: off
PARIS_TIME = [
    pytest.param("guadeloupe", "2025-05-12T23:59:00+02:00",
        id="Guadeloupe: 23:59 in Paris on the last day, 17:59 at the court"),
    pytest.param("guyane", "2025-05-12T23:59:00+02:00",
        id="Guyane: 23:59 in Paris on the last day, 18:59 at the court"),
    pytest.param("martinique", "2025-04-11T23:59:00+02:00",
        id="Martinique: 23:59 in Paris on the last day"),
    pytest.param("saint_pierre_et_miquelon", "2025-04-11T23:59:00+02:00",
        id="Saint-Pierre-et-Miquelon: 23:59 in Paris on the last day (summer time)"),
    pytest.param("metropole", "2025-04-11T23:59:00+02:00", id="Paris: the deadline itself"),
]
# fmt: on


@pytest.mark.parametrize(("territory", "paris_time"), PARIS_TIME)
def test_the_safe_paris_time_is_the_last_days_clock_time_read_in_paris(territory, paris_time):
    # LAW.md §4: filings may be stamped in Paris time; filing before 23:59 Paris on the last day
    # is on time however the stamp is read.
    found = outcome(OQTF, {**NEW, **period_given("permit_refused"), "territory": territory})
    assert found["appeal"]["paris_time"] == paris_time


# Unknown answers take the earliest reading (PRODUCT.md; LAW.md §4).
# fmt: off
UNKNOWN_ANSWERS = [
    pytest.param({**NEW, "restriction": "detention_centre", "notified_at": "unknown"},
        {"appeal.deadline": "2025-03-12T00:00:00+01:00", "warnings": ["time_unknown"]},
        id="time unknown in a CRA: 48 hours from 00:00, time_unknown"),
    pytest.param({**NEW, "restriction": "detention_centre"},
        {"appeal.deadline": "2025-03-12T00:00:00+01:00", "warnings": ["time_unknown"]},
        id="time not given in a CRA: 48 hours from 00:00, time_unknown"),
    pytest.param({**NEW, "restriction": "detention_centre", "notified_at": "00:00"},
        {"appeal.deadline": "2025-03-12T00:00:00+01:00", "absent": ["time_unknown"]},
        id="notified at 00:00 exactly: the same date, without time_unknown"),
    pytest.param({**NEW, **period_given("overstay")}, {"absent": ["time_unknown"]},
        id="1 month: the time does not matter, no time_unknown"),
    pytest.param({"decided_on": "2025-03-10", "notified_on": "unknown"},
        {**ONE_MONTH, "appeal.starts_on": "2025-03-10", "warnings": ["notified_on_unknown"]},
        id="notification day unknown: counted from the decision's date, notified_on_unknown"),
    pytest.param({"decided_on": "2025-03-10"},
        {**ONE_MONTH, "warnings": ["notified_on_unknown"]},
        id="notification day not given: counted from the decision's date"),
    pytest.param({**OLD, "ground": "permit_refused", "notified_at": "10:00"},
        {"appeal.rule": "48_hours", "appeal.deadline": HOURS_48},
        id="old regime, period not given: 48 hours"),
    pytest.param({**OLD, "departure_period": "given"}, {"appeal.rule": "15_days"},
        id="old regime, period given, ground not given: 15 days"),
    pytest.param({**OLD},
        {"appeal.rule": "48_hours", "appeal.deadline": "2023-03-08T00:00:00+01:00",
         "warnings": ["time_unknown"]},
        id="old regime, nothing known but the dates: 48 hours from 00:00"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), UNKNOWN_ANSWERS)
def test_an_unknown_answer_gives_the_earliest_deadline_and_says_so(answers, expected):
    assert_outcome(outcome(OQTF, answers), expected)


# fmt: off
OTHER_WARNINGS = [
    pytest.param({"decided_on": "2025-01-30", "notified_on": "2025-01-30"},
        {"appeal.deadline": "2025-02-28T23:59:00+01:00", "appeal.other_reading": "2025-03-03",
         "warnings": ["month_end_conservative"]},
        id="1 month from 30 Jan 2025: Fri 28 Feb (reading B), 3 Mar named, month_end_conservative"),
    pytest.param({"decided_on": "2025-01-31", "notified_on": "2025-01-31"},
        {"appeal.deadline": "2025-03-03T23:59:00+01:00", "appeal.other_reading": None,
         "absent": ["month_end_conservative"]},
        id="1 month from 31 Jan 2025: both readings agree on Mon 3 Mar, no warning"),
    pytest.param({"territory": "alsace_moselle", "decided_on": "2026-03-02",
                  "notified_on": "2026-03-02"},
        {"appeal.deadline": "2026-04-03T23:59:00+02:00", "appeal.extended_over": [],
         "warnings": ["good_friday_local"]},
        id="Strasbourg, 1 month ending on Good Friday 2026: not extended, good_friday_local"),
    pytest.param({"territory": "alsace_moselle", "decided_on": "2026-03-01",
                  "notified_on": "2026-03-01"},
        {"appeal.deadline": "2026-04-02T23:59:00+02:00", "absent": ["good_friday_local"]},
        id="Strasbourg, 1 month ending the day before Good Friday: no warning"),
    pytest.param({"decided_on": "2026-03-02", "notified_on": "2026-03-02"},
        {"appeal.deadline": "2026-04-03T23:59:00+02:00", "absent": ["good_friday_local"]},
        id="Paris, 1 month ending on Good Friday 2026: no warning"),
    pytest.param({"territory": "saint_martin", "decided_on": "2026-02-26",
                  "notified_on": "2026-02-26"},
        {"appeal.deadline": "2026-05-28T23:59:00-04:00", "appeal.extended_over": ["2026-05-27"],
         "warnings": ["saint_martin_28_may"]},
        id="Saint-Martin, 3 months ending 27 May 2026: moved to 28 May, saint_martin_28_may"),
    pytest.param({"territory": "saint_barthelemy", "decided_on": "2026-07-08",
                  "notified_on": "2026-07-08"},
        {"appeal.deadline": "2026-10-09T23:59:00-04:00", "appeal.extended_over": []},
        id="Saint-Barthélemy, 3 months ending 9 Oct 2026: not moved (not a holiday at the seat)"),
    pytest.param({"territory": "guadeloupe", "decided_on": "2026-04-24",
                  "notified_on": "2026-04-26"},
        {"appeal.deadline": "2026-06-29T23:59:00-04:00",
         "appeal.extended_over": ["2026-06-27", "2026-06-28"]},
        id="Guadeloupe, notified Sun 26 Apr 2026: Sat 27 Jun moved to Mon 29 Jun"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), OTHER_WARNINGS)
def test_where_the_deadline_falls_can_add_a_warning(answers, expected):
    assert_outcome(outcome(OQTF, answers), expected)


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param({**NEW}, id="1 month"),
        pytest.param({**OLD, **period_given("permit_refused")}, id="30 days"),
        pytest.param({**NEW, "restriction": "house_arrest"}, id="7 days"),
        pytest.param({**NEW, "territory": "guyane"}, id="overseas 2 months"),
    ],
)
def test_every_deadline_comes_with_the_no_deadline_stated_advice(answers):
    assert "no_deadline_stated" in outcome(OQTF, answers)["warnings"]


# fmt: off
DEPARTURE = [
    pytest.param({**NEW, **period_given("overstay")}, "2025-04-09",
        id="period given, notified 10 Mar 2025: leave by 9 Apr (notification + 30 days)"),
    pytest.param({**OLD, **period_given("overstay")}, "2023-04-05",
        id="old regime, period given, notified 6 Mar 2023: leave by 5 Apr"),
    pytest.param({**NEW, **without_period("overstay")}, None, id="no period: no date"),
    pytest.param({**NEW, "departure_period": "withdrawn"}, None, id="period withdrawn: no date"),
    pytest.param({**NEW, "departure_period": "unknown"}, None, id="period unknown: no date"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "until"), DEPARTURE)
def test_the_departure_period_runs_30_days_from_notification(answers, until):
    assert outcome(OQTF, answers)["departure"]["until"] == until


# LAW.md §2.7 (re-entry ban) and §2.2 (how long an OQTF can be enforced).
# fmt: off
DETAILS = [
    pytest.param("2024-01-27", {"without_period": 3, "stayed_beyond_period": 2, "with_period": 2},
        id="re-entry ban for an OQTF taken 27 Jan 2024: 3 years without a period, 2 otherwise"),
    pytest.param("2024-01-28", {"without_period": 5, "stayed_beyond_period": 5, "with_period": 5,
                                "serious_threat": 10},
        id="re-entry ban for an OQTF taken 28 Jan 2024: 5 years, 10 if serious threat"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "bans"), DETAILS)
def test_the_re_entry_ban_limits_follow_the_decision_date(decided_on, bans):
    found = evaluated(OQTF, {"decided_on": decided_on, "notified_on": decided_on})
    assert bans.items() <= vars(found.details.reentry_ban).items()


def test_an_old_oqtf_can_now_be_enforced_for_three_years():
    found = evaluated(OQTF, {**OLD})
    assert found.details.enforceable_years == 3


# --- Properties: an unknown answer or a later restriction never gives more time ---------------

decision_days = st.dates(date(2021, 5, 1), date(2026, 12, 15))
territories = st.sampled_from(
    ["metropole", "alsace_moselle", "guadeloupe", "martinique", "guyane", "reunion", "mayotte",
     "saint_barthelemy", "saint_martin", "saint_pierre_et_miquelon"]
)  # fmt: skip
grounds = st.sampled_from([g for g in a.GROUNDS if g != "unknown"])
periods = st.sampled_from([p for p in a.DEPARTURE_PERIODS if p != "unknown"])
restrictions = st.sampled_from(a.RESTRICTIONS)
clock_times = st.sampled_from(["00:00", "01:59", "02:30", "09:00", "16:10", "23:59"])


def deadline_of(answers):
    found = evaluated(OQTF, answers)
    return found.appeal.deadline.astimezone(UTC)


@st.composite
def oqtf_answers(draw):
    decided = draw(decision_days)
    notified = decided + timedelta(days=draw(st.integers(0, 20)))
    return {
        "decided_on": decided.isoformat(),
        "notified_on": notified.isoformat(),
        "notified_at": draw(clock_times),
        "territory": draw(territories),
        "departure_period": draw(periods),
        "ground": draw(grounds),
        "restriction": draw(restrictions),
    }


@settings(max_examples=150, deadline=None)
@given(answers=oqtf_answers(), unknown=st.sampled_from(["departure_period", "ground"]))
def test_an_unknown_period_or_ground_never_gives_a_later_deadline(answers, unknown):
    assert deadline_of({**answers, unknown: "unknown"}) <= deadline_of(answers)


@settings(max_examples=150, deadline=None)
@given(answers=oqtf_answers())
def test_an_unknown_time_never_gives_a_later_deadline(answers):
    assert deadline_of({**answers, "notified_at": "unknown"}) <= deadline_of(answers)


@settings(max_examples=150, deadline=None)
@given(answers=oqtf_answers())
def test_an_unknown_notification_day_never_gives_a_later_deadline(answers):
    assert deadline_of({**answers, "notified_on": "unknown"}) <= deadline_of(answers)


@settings(max_examples=150, deadline=None)
@given(
    answers=oqtf_answers(),
    restriction=st.sampled_from(["house_arrest", "detention_centre", "prison"]),
    days_later=st.integers(0, 40),
    at=clock_times,
)
def test_a_restriction_after_the_oqtf_never_gives_a_later_deadline(
    answers, restriction, days_later, at
):
    free = {**answers, "restriction": "none"}
    restricted_on = date.fromisoformat(answers["notified_on"]) + timedelta(days=days_later)
    later = {
        **free,
        "restriction": restriction,
        "restriction_with_decision": False,
        "restriction_notified_on": restricted_on.isoformat(),
        "restriction_notified_at": at,
    }
    if restricted_on > NOW.date():
        return
    assert deadline_of(later) <= deadline_of(free)


@settings(max_examples=150, deadline=None)
@given(answers=oqtf_answers(), days_later=st.integers(0, 40))
def test_not_saying_when_the_restriction_came_never_gives_a_later_deadline(answers, days_later):
    """An unanswered "together with the OQTF?" is read as together: the earliest."""
    restricted_on = date.fromisoformat(answers["notified_on"]) + timedelta(days=days_later)
    if answers["restriction"] == "none" or restricted_on > NOW.date():
        return
    later = {
        **answers,
        "restriction_with_decision": False,
        "restriction_notified_on": restricted_on.isoformat(),
        "restriction_notified_at": answers["notified_at"],
    }
    assert deadline_of(answers) <= deadline_of(later)
