"""Who the law protects: OQTF (LAW.md §2.3) and expulsion (LAW.md §3.1, §3.2), by category and by
what lifts protection, on both sides of 2021-08-26 (polygamy) and 2024-01-28 (loi 2024-42).
"""

import pytest

from tests.helpers import EXPULSION, OQTF, outcome

OQTF_2021 = {
    "decided_on": "2023-06-01",
    "notified_on": "2023-06-02",
    "departure_period": "given",
    "ground": "permit_refused",
}
MARRIED_3Y = {"marriage_years": 3, "living_together": True, "spouse_still_french": True}
MARRIED_4Y = {**MARRIED_3Y, "marriage_years": 4}


def protection(base, answers):
    return outcome(base, answers)["protection"]


def ties(*names, **follow_ups):
    return {"ties": list(names), **follow_ups}


# LAW.md §2.3, oqtf-2021: the nine categories of L. 611-3 and their follow-up conditions.
# fmt: off
OQTF_CATEGORIES = [
    # answers, status, categories met, categories undetermined
    pytest.param({"age_under_18": True}, "protected", ["minor"], [],
        id="1° a minor is protected"),
    pytest.param(ties("since_age_13"), "protected", ["since_age_13"], [],
        id="2° habitual residence since age 13 or younger"),
    pytest.param(ties("residence_10y"), "protected", ["residence_10y"], [],
        id="3° regular residence over 10 years"),
    pytest.param(ties("residence_10y", "student_permit_only"), "not_protected", [], [],
        id="3° not when the 10 years were only as a student"),
    pytest.param(ties("residence_20y"), "protected", ["residence_10y", "residence_20y"], [],
        id="4° regular residence over 20 years (also over 10)"),
    pytest.param(ties("residence_20y", "student_permit_only"), "protected", ["residence_20y"], [],
        id="4° over 20 years counts even if only as a student"),
    pytest.param(ties("parent_french_child", child_contribution="since_birth"), "protected",
        ["parent_french_child"], [],
        id="5° parent of a French child, supporting it since birth"),
    pytest.param(ties("parent_french_child", child_contribution="2y_or_more"), "protected",
        ["parent_french_child"], [],
        id="5° parent of a French child, supporting it for 2 years or more"),
    pytest.param(ties("parent_french_child", child_contribution="1y_to_2y"), "not_protected",
        [], [], id="5° not when supporting the child for less than 2 years"),
    pytest.param(ties("parent_french_child", child_contribution="less_than_1y"), "not_protected",
        [], [], id="5° not when supporting the child for less than a year"),
    pytest.param(ties("parent_french_child"), "unknown", [], ["parent_french_child"],
        id="5° unknown while the support is not said"),
    pytest.param(ties("married_french", **MARRIED_3Y), "protected", ["married_french"], [],
        id="6° married 3 years to a French national, living together, spouse still French"),
    pytest.param(ties("married_french", **{**MARRIED_3Y, "marriage_years": 2}), "not_protected",
        [], [], id="6° not after 2 years of marriage"),
    pytest.param(ties("married_french", **{**MARRIED_3Y, "living_together": False}),
        "not_protected", [], [], id="6° not when not living together"),
    pytest.param(ties("married_french", **{**MARRIED_3Y, "spouse_still_french": False}),
        "not_protected", [], [], id="6° not when the spouse is no longer French"),
    pytest.param(ties("married_french", marriage_years=3, living_together=True), "unknown", [],
        ["married_french"], id="6° unknown while the spouse's nationality is not said"),
    pytest.param(ties("married_french"), "unknown", [], ["married_french"],
        id="6° unknown while the marriage's length is not said"),
    pytest.param(ties("residence_10y", "student_permit_only", "married_foreigner_since_13",
                      marriage_years=3, living_together=True), "protected",
        ["married_foreigner_since_13"], [],
        id="7° over 10 years and married 3 years to a foreigner resident since age 13"),
    pytest.param(ties("married_foreigner_since_13", marriage_years=3, living_together=True),
        "not_protected", [], [], id="7° not without 10 years of regular residence"),
    pytest.param(ties("residence_10y", "student_permit_only", "married_foreigner_since_13",
                      marriage_years=3, living_together=False), "not_protected", [], [],
        id="7° not when not living together"),
    pytest.param(ties("work_accident_20"), "protected", ["work_accident_20"], [],
        id="8° work-accident pension, incapacity 20 % or more"),
    pytest.param(ties("serious_illness"), "protected", ["serious_illness"], [],
        id="9° serious illness without effective treatment in the country of return"),
    pytest.param(ties(), "not_protected", [], [], id="no tie: not protected"),
    pytest.param(ties("asylum_pending"), "not_protected", [], [],
        id="a pending asylum claim is not an L. 611-3 category"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "status", "categories", "undetermined"), OQTF_CATEGORIES)
def test_each_oqtf_2021_category_protects_absolutely_when_its_conditions_are_met(
    answers, status, categories, undetermined
):
    found = protection(OQTF, {**OQTF_2021, **answers})
    assert found["status"] == status
    assert found["categories"] == categories
    assert found["undetermined"] == undetermined
    # An unknown status carries the level it may turn out to have.
    assert found["level"] == ("absolute" if categories or undetermined else "none")


# LAW.md §2.3: "until 2021-08-25 'not polygamous' was a condition of 5° and 7°; from 2021-08-26
# (loi 2021-1109) living in France in polygamy lifts protections 2° to 8°".
PARENT = ties("parent_french_child", "polygamous", child_contribution="since_birth")
# fmt: off
OQTF_POLYGAMY = [
    # decided on, answers, status, categories, lifted by
    pytest.param("2021-08-25", PARENT, "not_protected", [], [],
        id="25 Aug 2021: a polygamous parent does not meet 5°"),
    pytest.param("2021-08-26", PARENT, "lifted", ["parent_french_child"], ["polygamous"],
        id="26 Aug 2021: a polygamous parent meets 5°, lifted by polygamy"),
    pytest.param("2021-08-25", ties("married_french", "polygamous", **MARRIED_3Y), "protected",
        ["married_french"], [], id="25 Aug 2021: polygamy was no condition of 6°"),
    pytest.param("2021-08-26", ties("married_french", "polygamous", **MARRIED_3Y), "lifted",
        ["married_french"], ["polygamous"], id="26 Aug 2021: polygamy lifts 6°"),
    pytest.param("2021-08-25", ties("residence_10y", "student_permit_only",
                                    "married_foreigner_since_13", "polygamous",
                                    marriage_years=3, living_together=True),
        "not_protected", [], [], id="25 Aug 2021: a polygamous spouse does not meet 7°"),
    pytest.param("2021-08-25", ties("since_age_13", "polygamous"), "protected", ["since_age_13"],
        [], id="25 Aug 2021: polygamy did not touch 2°"),
    pytest.param("2021-08-26", ties("since_age_13", "polygamous"), "lifted", ["since_age_13"],
        ["polygamous"], id="26 Aug 2021: polygamy lifts 2°"),
    pytest.param("2021-08-26", ties("residence_20y", "work_accident_20", "polygamous"), "lifted",
        ["residence_10y", "residence_20y", "work_accident_20"], ["polygamous"],
        id="26 Aug 2021: polygamy lifts 3°, 4° and 8°"),
    pytest.param("2021-08-26", ties("serious_illness", "polygamous"), "protected",
        ["serious_illness"], [], id="26 Aug 2021: polygamy does not lift 9° (health)"),
    pytest.param("2021-08-26", {"age_under_18": True, **ties("polygamous")}, "protected",
        ["minor"], [], id="26 Aug 2021: polygamy does not lift 1° (minors)"),
    pytest.param("2021-08-26", ties("since_age_13", "serious_illness", "polygamous"), "protected",
        ["since_age_13", "serious_illness"], ["polygamous"],
        id="26 Aug 2021: 2° lifted, 9° remains: still protected"),
]
# fmt: on


@pytest.mark.parametrize(
    ("decided_on", "answers", "status", "categories", "lifted_by"), OQTF_POLYGAMY
)
def test_polygamy_was_a_condition_then_lifts_oqtf_protection(
    decided_on, answers, status, categories, lifted_by
):
    found = protection(OQTF, {"decided_on": decided_on, "notified_on": decided_on, **answers})
    assert found["status"] == status
    assert found["categories"] == categories
    assert found["lifted_by"] == lifted_by


ALL_TIES = ties(
    "since_age_13",
    "residence_10y",
    "residence_20y",
    "married_french",
    "married_foreigner_since_13",
    "parent_french_child",
    "work_accident_20",
    "serious_illness",
    "asylum_pending",
    "polygamous",
    **MARRIED_3Y,
    child_contribution="since_birth",
)
# LAW.md §2.3: from oqtf-2024-01, "minors only"; ties are "points to raise in the appeal".
# fmt: off
OQTF_2024 = [
    # decided on, answers, status, categories, arguments
    pytest.param("2024-01-27", ties("married_french", **MARRIED_3Y), "protected",
        ["married_french"], [], id="27 Jan 2024: married 3 years to a French national, protected"),
    pytest.param("2024-01-28", ties("married_french", **MARRIED_3Y), "not_protected", [],
        ["married_french"], id="28 Jan 2024: the marriage is an argument, not a protection"),
    pytest.param("2024-01-27", ties("serious_illness"), "protected", ["serious_illness"], [],
        id="27 Jan 2024: serious illness, protected"),
    pytest.param("2024-01-28", ties("serious_illness"), "not_protected", [], ["serious_illness"],
        id="28 Jan 2024: serious illness is an argument (art. 3 ECHR)"),
    pytest.param("2024-01-28", {"age_under_18": True}, "protected", ["minor"], [],
        id="28 Jan 2024: a minor is still protected"),
    pytest.param("2025-05-05", {"age_under_18": True}, "protected", ["minor"], [],
        id="2025: a minor is protected"),
    pytest.param("2024-07-15", ALL_TIES, "not_protected", [],
        ["since_age_13", "residence_10y", "residence_20y", "married_french",
         "married_foreigner_since_13", "parent_french_child", "work_accident_20",
         "serious_illness"],
        id="July 2024: every family, residence and health tie is an argument"),
    pytest.param("2024-07-15", ties("parent_french_child", child_contribution="less_than_1y"),
        "not_protected", [], ["parent_french_child"],
        id="July 2024: a recent tie to a French child is still an argument"),
    pytest.param("2024-07-15", ties("married_french", "polygamous", **MARRIED_3Y),
        "not_protected", [], ["married_french"],
        id="July 2024: nothing to lift, polygamy is not named"),
    pytest.param("2024-07-15", ties(), "not_protected", [], [], id="July 2024: no tie"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "answers", "status", "categories", "arguments"), OQTF_2024)
def test_since_2024_only_minors_are_protected_and_ties_become_arguments(
    decided_on, answers, status, categories, arguments
):
    found = protection(OQTF, {"decided_on": decided_on, "notified_on": decided_on, **answers})
    assert found["status"] == status
    assert found["categories"] == categories
    assert found["arguments"] == arguments
    assert found["lifted_by"] == []
    assert found["level"] == ("absolute" if categories else "none")


EXPULSION_2021 = {"decided_on": "2023-06-01", "notified_on": "2023-06-02"}
EXPULSION_2024 = {"decided_on": "2025-06-02", "notified_on": "2025-06-03"}

# LAW.md §3.2, the categories (unchanged in 2024), each on both regimes.
# fmt: off
EXPULSION_CATEGORIES = [
    # answers, level, categories
    pytest.param(ties("parent_french_child", child_contribution="since_birth"), "relative",
        ["parent_french_child_1y"], id="parent of a French child, since birth: relative"),
    pytest.param(ties("parent_french_child", child_contribution="1y_to_2y"), "relative",
        ["parent_french_child_1y"], id="parent of a French child for 1 to 2 years: relative"),
    pytest.param(ties("parent_french_child", child_contribution="less_than_1y"), "none", [],
        id="parent of a French child for less than a year: not protected"),
    pytest.param(ties("married_french", **MARRIED_3Y), "relative", ["married_french_3y"],
        id="married 3 years to a French national: relative"),
    pytest.param(ties("married_french", **{**MARRIED_3Y, "marriage_years": 2}), "none", [],
        id="married 2 years to a French national: not protected"),
    pytest.param(ties("residence_10y"), "relative", ["residence_10y_not_student"],
        id="regular residence over 10 years: relative"),
    pytest.param(ties("residence_10y", "student_permit_only"), "none", [],
        id="10 years only as a student: not protected"),
    pytest.param(ties("work_accident_20"), "relative", ["work_accident_20"],
        id="work-accident pension, 20 % or more: relative"),
    pytest.param(ties("since_age_13"), "quasi_absolute", ["since_age_13"],
        id="habitual residence since age 13: quasi-absolute"),
    pytest.param(ties("residence_20y"), "quasi_absolute",
        ["residence_10y_not_student", "residence_20y"],
        id="regular residence over 20 years: quasi-absolute"),
    pytest.param(ties("residence_10y", "married_french", **MARRIED_4Y), "quasi_absolute",
        ["married_french_3y", "residence_10y_not_student", "residence_10y_married_4y"],
        id="10 years and married 4 years to a French national: quasi-absolute"),
    pytest.param(ties("residence_10y", "married_foreigner_since_13", marriage_years=4,
                      living_together=True), "quasi_absolute",
        ["residence_10y_not_student", "residence_10y_married_4y"],
        id="10 years and married 4 years to a foreigner resident since 13: quasi-absolute"),
    pytest.param(ties("residence_10y", "married_foreigner_since_13", marriage_years=3,
                      living_together=True), "relative", ["residence_10y_not_student"],
        id="10 years and married only 3 years to a foreigner: relative (the 10 years)"),
    pytest.param(ties("residence_10y", "parent_french_child", child_contribution="1y_to_2y"),
        "quasi_absolute",
        ["parent_french_child_1y", "residence_10y_not_student", "residence_10y_parent"],
        id="10 years and parent of a French child: quasi-absolute"),
    pytest.param(ties("serious_illness"), "quasi_absolute", ["serious_illness"],
        id="seriously ill without treatment in the country of return: quasi-absolute"),
    pytest.param(ties(), "none", [], id="no tie: not protected"),
]
# fmt: on


@pytest.mark.parametrize("dates", [EXPULSION_2021, EXPULSION_2024], ids=["2023", "2025"])
@pytest.mark.parametrize(("answers", "level", "categories"), EXPULSION_CATEGORIES)
def test_expulsion_protection_level_by_category(dates, answers, level, categories):
    found = protection(EXPULSION, {**dates, **answers})
    assert found["level"] == level
    assert found["categories"] == categories
    assert found["status"] == ("protected" if categories else "not_protected")


@pytest.mark.parametrize("dates", [EXPULSION_2021, EXPULSION_2024], ids=["2023", "2025"])
def test_a_minor_can_never_be_expelled(dates):
    """LAW.md §3.1: "Minors can never be expelled"; nothing lifts it."""
    conduct = ["terrorism_or_state_interests", "prison_5y_imposed", "against_family"]
    found = protection(EXPULSION, {**dates, "age_under_18": True, "conduct": conduct})
    assert (found["status"], found["level"], found["categories"]) == (
        "protected",
        "absolute",
        ["minor"],
    )
    assert found["lifted_by"] == []


RELATIVE = ties("residence_10y")
QUASI = ties("since_age_13")
QUASI_MARRIED = ties("residence_10y", "married_french", **MARRIED_4Y)
QUASI_PARENT = ties("residence_10y", "parent_french_child", child_contribution="since_birth")

# LAW.md §3.2, "What lifts them", expulsion-2021.
# fmt: off
LIFTED_2021 = [
    # ties, conduct, status, level, lifted by
    pytest.param(RELATIVE, ["prison_5y_imposed"], "lifted", "relative", ["prison_5y_imposed"],
        id="relative: a final sentence of 5 years actually imposed lifts it"),
    pytest.param(RELATIVE, ["conviction_5y"], "protected", "relative", [],
        id="relative: an offence punishable by 5 years, sentence not said, does not"),
    pytest.param(RELATIVE, ["conviction_3y"], "protected", "relative", [],
        id="relative: an offence punishable by 3 years does not"),
    pytest.param(RELATIVE, ["against_family"], "protected", "relative", [],
        id="relative: offences against the family do not"),
    pytest.param(RELATIVE, ["irregular_stay"], "protected", "relative", [],
        id="relative: irregular stay does not (before 2024)"),
    pytest.param(RELATIVE, ["none_of_these"], "protected", "relative", [],
        id="relative: none of these facts"),
    pytest.param(QUASI, ["terrorism_or_state_interests"], "lifted", "quasi_absolute",
        ["terrorism_or_state_interests"], id="quasi-absolute: terrorism lifts it"),
    pytest.param(QUASI, ["incitement_hatred"], "lifted", "quasi_absolute", ["incitement_hatred"],
        id="quasi-absolute: incitement to hatred or violence lifts it"),
    pytest.param(QUASI, ["prison_5y_imposed"], "protected", "quasi_absolute", [],
        id="quasi-absolute: 5 years of prison imposed does not"),
    pytest.param(QUASI, ["against_family"], "protected", "quasi_absolute", [],
        id="quasi-absolute since age 13: offences against the family do not lift it"),
    pytest.param(QUASI, ["republic_principles"], "protected", "quasi_absolute", [],
        id="quasi-absolute: the principles of the Republic are a 2024 ground"),
    pytest.param(QUASI_MARRIED, ["against_family"], "protected", "relative", ["against_family"],
        id="10 years + married 4 years: against the family lifts the quasi-absolute category, "
           "the relative ones remain"),
    pytest.param(QUASI_PARENT, ["against_family"], "protected", "relative", ["against_family"],
        id="10 years + parent: against the family lifts the quasi-absolute category, "
           "the relative ones remain"),
    pytest.param(QUASI_MARRIED, ["against_family", "prison_5y_imposed"], "lifted",
        "quasi_absolute", ["prison_5y_imposed", "against_family"],
        id="10 years + married 4 years, against the family and 5 years imposed: all lifted"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "conduct", "status", "level", "lifted_by"), LIFTED_2021)
def test_what_lifts_expulsion_protection_before_2024(answers, conduct, status, level, lifted_by):
    found = protection(EXPULSION, {**EXPULSION_2021, **answers, "conduct": conduct})
    assert (found["status"], found["level"]) == (status, level)
    assert found["lifted_by"] == lifted_by


# LAW.md §3.2, "What lifts them", expulsion-2024.
# fmt: off
LIFTED_2024 = [
    pytest.param(RELATIVE, ["conviction_3y"], "lifted", ["conviction_3y"],
        id="relative: an offence punishable by 3 years lifts it"),
    pytest.param(RELATIVE, ["conviction_5y"], "lifted", ["conviction_5y"],
        id="relative: an offence punishable by 5 years lifts it"),
    pytest.param(RELATIVE, ["conviction_repeat_3y"], "lifted", ["conviction_repeat_3y"],
        id="relative: a repeated offence punishable by 3 years lifts it"),
    pytest.param(RELATIVE, ["prison_5y_imposed"], "lifted", ["prison_5y_imposed"],
        id="relative: 5 years imposed lifts it"),
    pytest.param(RELATIVE, ["against_official"], "lifted", ["against_official"],
        id="relative: facts against an elected official or public agent lift it"),
    pytest.param(RELATIVE, ["against_family"], "lifted", ["against_family"],
        id="relative: facts against the family lift it"),
    pytest.param(RELATIVE, ["irregular_stay"], "lifted", ["irregular_stay"],
        id="relative: irregular stay lifts it"),
    pytest.param({**RELATIVE, "ties": ["residence_10y", "polygamous"]}, ["none_of_these"], "lifted",
        ["polygamous"], id="relative: polygamy lifts it"),
    pytest.param(RELATIVE, ["none_of_these"], "protected", [],
        id="relative: none of these facts, protected"),
    pytest.param(QUASI, ["conviction_3y"], "protected", [],
        id="quasi-absolute: an offence punishable by 3 years does not lift it"),
    pytest.param(QUASI, ["conviction_5y"], "lifted", ["conviction_5y"],
        id="quasi-absolute: an offence punishable by 5 years lifts it"),
    pytest.param(QUASI, ["conviction_repeat_3y"], "lifted", ["conviction_repeat_3y"],
        id="quasi-absolute: a repeated offence punishable by 3 years lifts it"),
    pytest.param(QUASI, ["republic_principles"], "lifted", ["republic_principles"],
        id="quasi-absolute: a serious violation of the principles of the Republic lifts it"),
    pytest.param(QUASI, ["against_official"], "lifted", ["against_official"],
        id="quasi-absolute: facts against officials lift it"),
    pytest.param(QUASI, ["against_family"], "lifted", ["against_family"],
        id="quasi-absolute since age 13: facts against the family now lift it too"),
    pytest.param(QUASI, ["irregular_stay"], "lifted", ["irregular_stay"],
        id="quasi-absolute: irregular stay lifts it"),
    pytest.param({**QUASI, "ties": ["since_age_13", "polygamous"]}, ["none_of_these"], "lifted",
        ["polygamous"], id="quasi-absolute: polygamy lifts it"),
    pytest.param(QUASI, ["terrorism_or_state_interests"], "lifted",
        ["terrorism_or_state_interests"], id="quasi-absolute: terrorism lifts it"),
    pytest.param(QUASI, ["incitement_hatred"], "lifted", ["incitement_hatred"],
        id="quasi-absolute: incitement lifts it"),
    pytest.param(ties("since_age_13", "residence_10y"), ["conviction_3y"], "protected",
        ["conviction_3y"], id="both levels, punishable by 3 years: the relative one lifted only"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "conduct", "status", "lifted_by"), LIFTED_2024)
def test_what_lifts_expulsion_protection_since_2024(answers, conduct, status, lifted_by):
    found = protection(EXPULSION, {**EXPULSION_2024, **answers, "conduct": conduct})
    assert found["status"] == status
    assert found["lifted_by"] == lifted_by


# Both sides of 2021-08-26 and 2024-01-28 for expulsion protections.
# fmt: off
EXPULSION_BOUNDARIES = [
    # decided on, ties, conduct, status
    pytest.param("2021-08-25", ties("parent_french_child", "polygamous",
                                    child_contribution="since_birth"), ["none_of_these"],
        "not_protected", id="25 Aug 2021: a polygamous parent does not meet the condition"),
    pytest.param("2021-08-26", ties("parent_french_child", "polygamous",
                                    child_contribution="since_birth"), ["none_of_these"],
        "lifted", id="26 Aug 2021: a polygamous parent is protected, then lifted"),
    pytest.param("2021-08-25", ties("married_french", "polygamous", **MARRIED_3Y),
        ["none_of_these"], "not_protected", id="25 Aug 2021: a polygamous spouse, not met"),
    pytest.param("2021-08-25", ties("since_age_13", "polygamous"), ["none_of_these"],
        "protected", id="25 Aug 2021: polygamy does not touch 'since age 13'"),
    pytest.param("2021-08-26", ties("since_age_13", "polygamous"), ["none_of_these"],
        "lifted", id="26 Aug 2021: polygamy lifts 'since age 13'"),
    pytest.param("2021-08-25", ties("residence_10y", "married_french", "polygamous",
                                    **MARRIED_4Y), ["none_of_these"], "protected",
        id="25 Aug 2021: polygamous, 10 years + married 4: only the 10 years (relative)"),
    pytest.param("2024-01-27", ties("residence_10y"), ["conviction_3y"], "protected",
        id="27 Jan 2024: punishable by 3 years does not lift relative protection"),
    pytest.param("2024-01-28", ties("residence_10y"), ["conviction_3y"], "lifted",
        id="28 Jan 2024: punishable by 3 years lifts relative protection"),
    pytest.param("2024-01-27", ties("since_age_13"), ["conviction_5y"], "protected",
        id="27 Jan 2024: punishable by 5 years does not lift quasi-absolute protection"),
    pytest.param("2024-01-28", ties("since_age_13"), ["conviction_5y"], "lifted",
        id="28 Jan 2024: punishable by 5 years lifts quasi-absolute protection"),
    pytest.param("2024-01-27", ties("since_age_13"), ["against_family"], "protected",
        id="27 Jan 2024: against the family, 'since age 13': protected"),
    pytest.param("2024-01-28", ties("since_age_13"), ["against_family"], "lifted",
        id="28 Jan 2024: against the family, 'since age 13': lifted"),
    pytest.param("2024-01-27", ties("residence_10y"), ["irregular_stay"], "protected",
        id="27 Jan 2024: irregular stay does not lift"),
    pytest.param("2024-01-28", ties("residence_10y"), ["irregular_stay"], "lifted",
        id="28 Jan 2024: irregular stay lifts"),
]
# fmt: on


@pytest.mark.parametrize(("decided_on", "answers", "conduct", "status"), EXPULSION_BOUNDARIES)
def test_expulsion_protection_on_both_sides_of_each_reform(decided_on, answers, conduct, status):
    found = protection(
        EXPULSION,
        {"decided_on": decided_on, "notified_on": decided_on, **answers, "conduct": conduct},
    )
    assert found["status"] == status


def test_a_summoned_person_gets_the_protection_analysis_too():
    found = protection(
        EXPULSION,
        {
            "decided_on": "2026-11-13",
            "expulsion_stage": "summoned",
            "summoned_on": "2026-11-16",
            **ties("since_age_13"),
        },
    )
    assert (found["status"], found["level"]) == ("protected", "quasi_absolute")


def test_undetermined_follow_ups_do_not_hide_a_protection_that_is_met():
    found = protection(EXPULSION, {**EXPULSION_2024, **ties("residence_10y", "married_french")})
    assert found["status"] == "protected"
    assert found["undetermined"] == ["married_french_3y", "residence_10y_married_4y"]
