"""The JSON API (PRODUCT.md, "JSON API"): the schema, the outcome, and bad input answered with
HTTP 400 and a JSON list of field errors, never a server error.
"""

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import answers as a
from rules.engine import law
from rules.texts import WARNINGS as WORDS

OUTCOME_URL = "/api/v1/outcome"
# PRODUCT.md's warning ids, and two the engine adds: notified_on_unknown (LAW.md §4: counted from
# the decision's date) and date_after_today (a date typed ahead of today).
WARNINGS = {
    "pact_2026", "seven_days_disputed", "time_unknown", "overseas_act_now", "mayotte_special",
    "house_arrest_7_days", "month_end_conservative", "paris_timestamp", "restriction_after_oqtf",
    "post_48h_not_opposable", "weekend_extension_possible", "eu_citizen", "good_friday_local",
    "saint_martin_28_may", "no_deadline_stated", "expulsion_act_now",
    "notified_on_unknown", "date_after_today", "summoned_on_unknown", "former_territory_unknown",
}  # fmt: skip
SCHEMA_URL = "/api/v1/schema"
VALID = {
    "measure": "oqtf",
    "eu_citizen": False,
    "territory": "metropole",
    "decided_on": "2025-03-10",
    "notified_by": "hand",
    "notified_on": "2025-03-10",
    "departure_period": "given",
    "ground": "permit_refused",
    "restriction": "none",
    "age_under_18": False,
    "ties": [],
}


MISSING = "<missing>"  # in a table: leave this answer out (None sends null)


def answers_over_valid(answers):
    return {key: value for key, value in {**VALID, **answers}.items() if value != MISSING}


def post(client, body):
    if not isinstance(body, (str, bytes)):
        body = json.dumps(body)
    return client.post(OUTCOME_URL, body, content_type="application/json")


def errors_of(response):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert isinstance(errors, list)
    assert errors
    for error in errors:
        assert set(error) == {"field", "code", "message"}
        assert all(isinstance(value, str) for value in error.values())
        assert error["message"]
    return {(error["field"], error["code"]) for error in errors}


# --- The schema ----------------------------------------------------------------------------------


def test_the_schema_is_openapi_3_and_names_every_answer_id(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    body = schema["paths"][OUTCOME_URL]["post"]["requestBody"]["content"]["application/json"]
    properties = body["schema"]["properties"]
    assert set(properties) == set(a.ANSWER_IDS)
    assert set(body["schema"]["required"]) == {"measure", "decided_on"}
    assert set(schema["paths"][OUTCOME_URL]["post"]["responses"]) >= {"200", "400"}


def test_the_schema_lists_every_warning_id_of_the_product_spec(client):
    outcome = client.get(SCHEMA_URL).json()["paths"][OUTCOME_URL]["post"]["responses"]["200"]
    warnings = outcome["content"]["application/json"]["schema"]["properties"]["warnings"]
    assert set(warnings["items"]["enum"]) == WARNINGS


def test_every_warning_id_has_words_in_both_languages_and_a_source_in_every_rule_set():
    for language in ("fr", "en"):
        with translation.override(language):
            assert all(str(WORDS[warning]) for warning in WARNINGS)
    for dated in law.parameter("warnings").history:
        assert set(dated.value) == WARNINGS
        assert all(dated.value[warning] for warning in WARNINGS - {"date_after_today"})


@pytest.mark.parametrize(
    ("answer_id", "values"),
    [
        pytest.param("measure", a.MEASURES, id="measure lists its values"),
        pytest.param("territory", a.TERRITORIES, id="territory lists its values"),
        pytest.param("ground", a.GROUNDS, id="ground lists its values"),
        pytest.param("restriction", a.RESTRICTIONS, id="restriction lists its values"),
        pytest.param(
            "departure_period", a.DEPARTURE_PERIODS, id="departure_period lists its values"
        ),
    ],
)
def test_the_schema_lists_the_values_of_each_choice(client, answer_id, values):
    schema = client.get(SCHEMA_URL).json()
    body = schema["paths"][OUTCOME_URL]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["properties"][answer_id]["enum"] == list(values)


def test_the_schema_cannot_be_posted_to(client):
    assert client.post(SCHEMA_URL).status_code == 405


# --- The outcome ---------------------------------------------------------------------------------


def test_a_valid_request_returns_the_outcome_and_is_never_cached(client, frozen_now):
    response = post(client, VALID)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    outcome = response.json()
    assert outcome["regime"] == "oqtf-2024-07"
    assert outcome["appeal"]["deadline"] == "2025-04-11T23:59:00+02:00"
    assert {"regime", "protection", "appeal", "other_remedies", "warnings", "sources"} <= set(
        outcome
    )


def test_an_error_is_never_cached_either(client, frozen_now):
    response = post(client, {"measure": "oqtf"})
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"


def test_get_on_the_outcome_is_not_allowed(client):
    assert client.get(OUTCOME_URL).status_code == 405


@pytest.mark.parametrize(
    "method", [pytest.param("put", id="PUT"), pytest.param("delete", id="DELETE")]
)
def test_other_methods_on_the_outcome_are_not_allowed(client, method):
    assert getattr(client, method)(OUTCOME_URL).status_code == 405


# --- Bad input -----------------------------------------------------------------------------------

# fmt: off
FIELD_ERRORS = [
    # answers over VALID, the (field, code) pairs expected among the errors
    pytest.param({"colour": "blue"}, {("colour", "unknown_field")}, id="an unknown id"),
    pytest.param({"measure": MISSING}, {("measure", "required")}, id="measure missing"),
    pytest.param({"decided_on": MISSING}, {("decided_on", "required")}, id="decided_on missing"),
    pytest.param({"territory": MISSING}, {("territory", "required")},
        id="neither territory nor département"),
    pytest.param({"measure": 1}, {("measure", "invalid_choice")}, id="a number for a choice"),
    pytest.param({"measure": "OQTF"}, {("measure", "invalid_choice")},
        id="a choice in the wrong case"),
    pytest.param({"measure": ["oqtf"]}, {("measure", "invalid_choice")}, id="a list for a choice"),
    pytest.param({"measure": {"value": "oqtf"}}, {("measure", "invalid_choice")},
        id="an object for a choice"),
    pytest.param({"eu_citizen": "false"}, {("eu_citizen", "invalid_type")},
        id="a string for a boolean"),
    pytest.param({"eu_citizen": 0}, {("eu_citizen", "invalid_type")}, id="a number for a boolean"),
    pytest.param({"age_under_18": None}, {("age_under_18", "invalid_type")},
        id="null for a yes/no question"),
    pytest.param({"decided_on": MISSING, "measure": MISSING, "territory": MISSING,
                  "eu_citizen": None},
        {("measure", "required"), ("decided_on", "required"), ("eu_citizen", "invalid_type")},
        id="several errors are listed together"),
    pytest.param({"decided_on": 20250310}, {("decided_on", "invalid_type")},
        id="a number for a date"),
    pytest.param({"decided_on": "10/03/2025"}, {("decided_on", "invalid_type")},
        id="a French-style date"),
    pytest.param({"decided_on": "2025-3-10"}, {("decided_on", "invalid_type")},
        id="a date without leading zeros"),
    pytest.param({"decided_on": "2025-03-10T10:00"}, {("decided_on", "invalid_type")},
        id="a date with a time"),
    pytest.param({"decided_on": "unknown"}, {("decided_on", "invalid_type")},
        id="the decision's date cannot be unknown"),
    pytest.param({"decided_on": "2025-02-30"}, {("decided_on", "invalid_date")},
        id="30 February does not exist"),
    pytest.param({"notified_on": "2023-02-29"}, {("notified_on", "invalid_date")},
        id="29 February 2023 does not exist"),
    pytest.param({"decided_on": "2025-13-01"}, {("decided_on", "invalid_date")},
        id="month 13 does not exist"),
    pytest.param({"decided_on": "1999-12-31"}, {("decided_on", "date_too_early")},
        id="a date before 2000"),
    pytest.param({"decided_on": "0001-01-01"}, {("decided_on", "date_too_early")},
        id="year 1"),
    pytest.param({"decided_on": "9999-12-31", "notified_on": MISSING},
        {("decided_on", "date_in_future")}, id="year 9999"),
    pytest.param({"decided_on": "2027-03-01", "notified_on": MISSING},
        {("decided_on", "date_in_future")}, id="a decision more than a month ahead"),
    pytest.param({"notified_on": "2025-03-09"}, {("notified_on", "before_decision")},
        id="notified the day before the decision"),
    pytest.param({"measure": "expulsion", "expulsion_stage": "summoned",
                  "summoned_on": "2025-03-01"},
        {("summoned_on", "before_decision")}, id="summoned before the decision's date"),
    pytest.param({"notified_at": "24:00"}, {("notified_at", "invalid_time")},
        id="24:00 is not a time"),
    pytest.param({"notified_at": "9:30"}, {("notified_at", "invalid_time")},
        id="a time without a leading zero"),
    pytest.param({"notified_at": 930}, {("notified_at", "invalid_time")}, id="a number for a time"),
    pytest.param({"notified_at": "09:30:00"}, {("notified_at", "invalid_time")},
        id="a time with seconds"),
    pytest.param({"ties": "since_age_13"}, {("ties", "invalid_type")},
        id="a string for a list"),
    pytest.param({"ties": None}, {("ties", "invalid_type")}, id="null for a list"),
    pytest.param({"ties": [["since_age_13"]]}, {("ties", "invalid_type")}, id="a nested list"),
    pytest.param({"ties": [1]}, {("ties", "invalid_type")}, id="a number in a list"),
    pytest.param({"ties": ["rich_uncle"]}, {("ties", "invalid_choice")},
        id="an unknown value in a list"),
    pytest.param({"conduct": {"a": 1}}, {("conduct", "invalid_type")}, id="an object for a list"),
    pytest.param({"marriage_years": "3"}, {("marriage_years", "invalid_number")},
        id="a string for a number"),
    pytest.param({"marriage_years": 3.5}, {("marriage_years", "invalid_number")},
        id="a fraction of a year"),
    pytest.param({"marriage_years": True}, {("marriage_years", "invalid_number")},
        id="a boolean for a number"),
    pytest.param({"marriage_years": -1}, {("marriage_years", "invalid_number")},
        id="a negative number of years"),
    pytest.param({"marriage_years": 81}, {("marriage_years", "invalid_number")},
        id="81 years of marriage"),
    pytest.param({"marriage_years": 10**30}, {("marriage_years", "invalid_number")},
        id="a huge number"),
    pytest.param({"departement": 75}, {("departement", "invalid_choice")},
        id="a number for a département"),
    pytest.param({"departement": "00"}, {("departement", "invalid_choice")},
        id="an unknown département"),
    pytest.param({"departement": "971"}, {("departement", "inconsistent")},
        id="a Guadeloupe département with territory metropole"),
    pytest.param({"territory": "abroad"}, {("territory", "invalid_choice")},
        id="abroad is for expulsion orders only"),
    pytest.param({"former_territory": "abroad"}, {("former_territory", "invalid_choice")},
        id="the former territory cannot be abroad"),
    pytest.param({"measure": "expulsion", "territory": "abroad", "former_territory": "reunion",
                  "departement": "NC"}, {("departement", "inconsistent")},
        id="from abroad, a former place outside the former territory given"),
]
# fmt: on


@pytest.mark.parametrize(("answers", "expected"), FIELD_ERRORS)
def test_bad_answers_get_a_400_with_a_json_list_of_field_errors(
    client, frozen_now, answers, expected
):
    assert expected <= errors_of(post(client, answers_over_valid(answers)))


# fmt: off
ACCEPTED = [
    pytest.param({"notified_on": MISSING}, id="notified_on missing"),
    pytest.param({"notified_on": "unknown"}, id="notified_on unknown"),
    pytest.param({"notified_at": "unknown"}, id="notified_at unknown"),
    pytest.param({"decided_on": "2000-01-01", "notified_on": "2000-01-01"},
        id="1 Jan 2000 is accepted (and out of scope)"),
    pytest.param({"decided_on": "2027-01-20", "notified_on": MISSING},
        id="a date a month ahead is accepted (with a warning)"),
    pytest.param({"territory": MISSING, "departement": "69"}, id="a département without territory"),
    pytest.param({"restriction": "prison", "restriction_with_decision": False,
                  "restriction_notified_on": "2020-01-06"},
        id="in prison since before the OQTF (LAW.md §2.4: 'already under')"),
    pytest.param({"departement": "nice", "restriction": "detention_centre"},
        id="a detention centre's code"),
    pytest.param({"ties": ["married_french"], "marriage_years": 0, "living_together": None},
        id="null for an optional follow-up"),
]
# fmt: on


@pytest.mark.parametrize("answers", ACCEPTED)
def test_answers_at_the_edges_of_what_is_allowed_are_accepted(client, frozen_now, answers):
    response = post(client, answers_over_valid(answers))
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param({"restriction_with_decision": False}, id="OQTF, placement after it"),
        pytest.param({"measure": "expulsion"}, id="expulsion order"),
    ],
)
def test_a_detention_that_began_before_may_2021_gets_the_appeal_but_no_placement_remedy(
    client, frozen_now, answers
):
    """The placement challenge has no rule before the code's May 2021 numbering (LAW.md §1):
    the appeal's deadline is given, the placement's is not."""
    detained = {"restriction": "detention_centre", "restriction_notified_on": "2021-04-30"}
    response = post(client, answers_over_valid({**detained, **answers}))
    assert response.status_code == 200, response.content
    outcome = response.json()
    assert outcome["appeal"]["deadline"]
    assert outcome["other_remedies"] == {}
    detained["restriction_notified_on"] = "2021-05-01"
    outcome = post(client, answers_over_valid({**detained, **answers})).json()
    assert "cra_placement" in outcome["other_remedies"]


def test_a_date_ahead_of_today_is_flagged_on_the_outcome(client, frozen_now):
    outcome = post(client, answers_over_valid({"decided_on": "2027-01-20", "notified_on": MISSING}))
    outcome = outcome.json()
    assert "date_after_today" in outcome["warnings"]


# fmt: off
BAD_BODIES = [
    pytest.param("{", id="malformed JSON"),
    pytest.param("", id="an empty body"),
    pytest.param("{'measure': 'oqtf'}", id="single quotes"),
    pytest.param(b"\xff\xfe\x00", id="bytes that are not UTF-8"),
    pytest.param("[" * 60_000, id="60,000 nested brackets"),
    pytest.param('{"a":' * 12_000, id="12,000 nested objects"),
    pytest.param('{"marriage_years": ' + "9" * 5_000 + "}", id="a 5,000-digit number"),
]
# fmt: on


@pytest.mark.parametrize("body", BAD_BODIES)
def test_a_body_that_is_not_json_gets_a_400(client, body):
    assert errors_of(post(client, body)) == {("", "invalid_json")}


# fmt: off
NOT_OBJECTS = [
    pytest.param([], id="an empty list"),
    pytest.param([VALID], id="a list holding an object"),
    pytest.param("oqtf", id="a string"),
    pytest.param(1, id="a number"),
    pytest.param(None, id="null"),
    pytest.param(True, id="true"),
]
# fmt: on


@pytest.mark.parametrize("body", NOT_OBJECTS)
def test_json_that_is_not_an_object_gets_a_400(client, body):
    assert errors_of(post(client, json.dumps(body))) == {("", "invalid_type")}


def test_a_deeply_nested_value_gets_a_400(client, frozen_now):
    body = json.dumps({**VALID})[:-1] + ', "ties": ' + "[" * 900 + "]" * 900 + "}"
    assert errors_of(post(client, body)) == {("ties", "invalid_type")}


def test_a_form_encoded_body_gets_a_400(client):
    response = client.post(
        OUTCOME_URL, "measure=oqtf", content_type="application/x-www-form-urlencoded"
    )
    assert errors_of(response) == {("", "invalid_json")}


def test_a_huge_body_is_refused_before_it_is_read(client):
    body = json.dumps({**VALID, "padding": "x" * 100_000})
    response = post(client, body)
    assert response.status_code in (400, 413)


def test_an_unknown_id_is_cut_to_a_reasonable_length(client, frozen_now):
    errors = post(client, {**VALID, "x" * 5_000: 1}).json()
    assert errors == [
        {"field": "x" * 100, "code": "unknown_field", "message": errors[0]["message"]}
    ]


# --- Never a server error ------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
# Days where the law or the clocks change, and any day the API accepts.
KEY_DAYS = [
    date.fromisoformat(day)
    for day in (
        "2021-05-01",
        "2021-08-26",
        "2024-01-28",
        "2024-07-15",
        "2026-03-27",
        "2026-06-07",
        "2026-10-23",
    )
]
any_day = st.sampled_from(KEY_DAYS) | st.dates(date(2021, 4, 20), date(2027, 1, 15))
within_days = st.integers(min_value=0, max_value=40).map(lambda n: timedelta(days=n))
choices = {
    "eu_citizen": st.booleans(),
    "former_territory": st.sampled_from(a.FORMER_TERRITORIES),
    "notified_by": st.sampled_from(a.NOTIFIED_BY),
    "notified_at": st.sampled_from(["unknown", "00:00", "02:30", "23:59", "10:00"]),
    "departure_period": st.sampled_from(a.DEPARTURE_PERIODS),
    "ground": st.sampled_from(a.GROUNDS),
    "restriction": st.sampled_from(a.RESTRICTIONS),
    "restriction_with_decision": st.booleans(),
    "restriction_notified_at": st.sampled_from(["unknown", "02:30", "03:10"]),
    "appeal_already_filed": st.booleans(),
    "age_under_18": st.booleans(),
    "ties": st.lists(st.sampled_from(a.TIES), unique=True),
    "marriage_years": st.integers(min_value=0, max_value=80),
    "living_together": st.none() | st.booleans(),
    "spouse_still_french": st.none() | st.booleans(),
    "child_contribution": st.sampled_from(a.CHILD_CONTRIBUTIONS),
    "expulsion_stage": st.sampled_from(a.EXPULSION_STAGES),
    "authority": st.sampled_from(a.AUTHORITIES),
    "conduct": st.lists(st.sampled_from(a.CONDUCTS), unique=True),
}
PLACES = [
    "75",
    "69",
    "57",
    "67",
    "971",
    "973",
    "976",
    "MF",
    "BL",
    "PM",
    "metz",
    "mesnil-amelot-3",
    "nice",
    "2A",
]


@st.composite
def answer_sets(draw, junk=False):
    """Mostly consistent answers (dates in order, a territory or a place), so that most reach
    the engine; with junk, any JSON value may replace any answer."""
    decided = draw(any_day)
    answers = {"measure": draw(st.sampled_from(a.MEASURES)), "decided_on": decided.isoformat()}
    if draw(st.booleans()):
        answers["territory"] = draw(st.sampled_from(a.TERRITORIES))
    else:
        answers["departement"] = draw(st.sampled_from(PLACES))
    notified = decided + draw(within_days)
    answers["notified_on"] = draw(st.sampled_from([notified.isoformat(), "unknown"]))
    answers["restriction_notified_on"] = (notified + draw(within_days)).isoformat()
    answers["summoned_on"] = (decided + draw(within_days)).isoformat()
    for key, values in choices.items():
        if draw(st.booleans()):
            answers[key] = draw(values)
    if junk:
        for key in draw(st.lists(st.sampled_from(a.ANSWER_IDS), max_size=3)):
            answers[key] = draw(json_values)
    return answers


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=answer_sets(junk=False) | answer_sets(junk=True))
def test_any_set_of_answers_gets_an_outcome_or_field_errors_never_a_server_error(
    frozen_now, answers
):
    response = post(Client(), answers)
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        errors_of(response)
        return
    outcome = response.json()
    assert set(outcome["warnings"]) <= WARNINGS
    appeal = outcome["appeal"]
    if appeal["deadline"] is not None:
        deadline = datetime.fromisoformat(appeal["deadline"])
        assert deadline.date() >= date.fromisoformat(appeal["starts_on"])
        if appeal["counting"] != "hours":
            assert deadline.time() == time(23, 59)
            assert deadline.date() > date.fromisoformat(appeal["starts_on"])


@settings(max_examples=50, deadline=None)
@given(body=json_values)
def test_any_json_value_gets_a_400_not_a_server_error(body):
    response = post(Client(), json.dumps(body))
    assert response.status_code in (200, 400)


def test_an_eu_citizen_needs_no_other_answer(client, frozen_now):
    outcome = post(client, {"measure": "oqtf", "eu_citizen": True}).json()
    assert outcome["regime"] == "out_of_scope"
    assert outcome["warnings"] == ["eu_citizen"]
