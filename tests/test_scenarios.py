"""The shared public cases, unchanged, through the JSON API."""

import pytest

from tests.helpers import CASES, assert_same_minute, lookup, post_answers, to_json


def assert_expected(outcome, key, expected):
    actual = lookup(outcome, key)
    if key == "warnings":
        assert set(expected) <= set(actual)
    elif key.endswith("deadline") and expected is not None:
        assert_same_minute(actual, expected)
    else:
        assert actual == to_json(expected)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_public_case_gives_the_expected_outcome_through_the_api(client, frozen_now, case):
    response = post_answers(client, case["answers"])
    assert response.status_code == 200, response.content
    outcome = response.json()
    for key, expected in case["expect"].items():
        assert_expected(outcome, key, expected)
