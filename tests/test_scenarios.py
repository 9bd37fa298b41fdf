"""The shared public cases, unchanged, through the JSON API."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "scenarios" / "public.yaml").read_text())


def to_json(value):
    """YAML reads unquoted dates as dates; the API takes them as YYYY-MM-DD."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(item) for item in value]
    return value


def lookup(outcome, dotted_key):
    for part in dotted_key.split("."):
        outcome = outcome[part]
    return outcome


def assert_same_minute(actual, expected):
    actual, expected = datetime.fromisoformat(actual), datetime.fromisoformat(expected)
    assert actual == expected
    assert actual.utcoffset() == expected.utcoffset()


def assert_expected(outcome, key, expected):
    actual = lookup(outcome, key)
    if key == "warnings":
        assert set(expected) <= set(actual)
    elif key.endswith("deadline") and expected is not None:
        assert_same_minute(actual, expected)
    else:
        assert actual == to_json(expected)


def post_answers(client, answers):
    body = json.dumps({key: to_json(value) for key, value in answers.items()})
    return client.post("/api/v1/outcome", body, content_type="application/json")


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_public_case_gives_the_expected_outcome_through_the_api(client, frozen_now, case):
    response = post_answers(client, case["answers"])
    assert response.status_code == 200, response.content
    outcome = response.json()
    for key, expected in case["expect"].items():
        assert_expected(outcome, key, expected)
