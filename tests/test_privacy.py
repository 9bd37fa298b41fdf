"""The answers cookie can be read by nobody without the site's key, outlives neither the browser's
session nor a long pause, and survives a change of key; the CSRF cookie lasts the session only."""

import json
import time
from http.cookies import SimpleCookie

import pytest

from questionnaire.sealing import open_sealed
from questionnaire.storage import COOKIE_NAME
from tests.helpers import (
    CASES,
    answer_step,
    answer_texts,
    case,
    every_reading,
    sealed,
    stored,
    walk,
)

EXPULSION = case("Expulsion order by a prefect, person in France - 2 months, not suspensive")
PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")["answers"]
WELL_FORMED = {
    "step_data": {
        "measure": {"measure-measure": ["oqtf"]},
        "eu_citizen": {"eu_citizen-eu_citizen": ["false"]},
    },
    "extra_data": {},
}
# Browsers keep at most 4,096 bytes per cookie, name and attributes included.
COOKIE_LIMIT = 4096
TWO_HOURS = 2 * 60 * 60


def test_an_expulsion_case_s_answers_cannot_be_read_from_the_cookie(client, frozen_now):
    walk(client, EXPULSION["answers"])
    value = client.cookies[COOKIE_NAME].value
    texts = answer_texts(EXPULSION["answers"])
    assert b"expulsion" in texts
    for reading in every_reading(value):
        assert not [text for text in texts if text in reading]
    # With the key, they are all there.
    assert stored(client)["measure"] == {"measure-measure": ["expulsion"]}


def test_the_cookie_of_the_longest_public_case_stays_small(client, frozen_now):
    sizes = {}
    for public in CASES:
        client.cookies = SimpleCookie()
        response = walk(client, public["answers"])[1]
        assert response.status_code == 200
        sizes[public["name"]] = len(client.cookies[COOKIE_NAME].OutputString())
    longest = max(sizes.values())
    print(f"\nanswers cookie, longest public case: {longest} bytes")
    assert longest <= COOKIE_LIMIT // 2, sizes


def test_a_cookie_sealed_under_a_former_key_still_opens(client, frozen_now, settings):
    old = sealed(WELL_FORMED)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "the-new-key-" + "n" * 40
    client.cookies = SimpleCookie({COOKIE_NAME: old})
    response = client.get("/questions/departement/")
    assert response.status_code == 200
    # Sealed again under the new key, with the same answers.
    assert client.cookies[COOKIE_NAME].value != old
    assert stored(client) == WELL_FORMED["step_data"]
    settings.SECRET_KEY_FALLBACKS = []
    assert stored(client) == WELL_FORMED["step_data"]


def test_a_cookie_sealed_under_a_retired_key_restarts_and_says_why(client, frozen_now, settings):
    old = sealed(WELL_FORMED)
    settings.SECRET_KEY = "the-new-key-" + "n" * 40
    client.cookies = SimpleCookie({COOKIE_NAME: old})
    response = client.get("/en/outcome/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/questions/measure/"
    assert "could not be read" in response.content.decode()


@pytest.mark.parametrize("flip_at", [0, 20, 60, -1], ids=["version", "time", "answers", "tag"])
def test_a_cookie_changed_by_one_character_restarts_cleanly(client, frozen_now, flip_at):
    value = sealed(WELL_FORMED)
    changed = value[:flip_at] + ("A" if value[flip_at] != "A" else "B")
    changed += value[flip_at + 1 :] if flip_at != -1 else ""
    assert open_sealed(changed) is None
    client.cookies = SimpleCookie({COOKIE_NAME: changed})
    response = client.get("/en/outcome/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/questions/measure/"
    assert "could not be read" in response.content.decode()


# --- A shared computer forgets --------------------------------------------------------------------


def test_answers_older_than_the_limit_give_an_empty_questionnaire(client, frozen_now):
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(WELL_FORMED, time.time() - TWO_HOURS - 5)})
    response = client.get("/en/questions/departement/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/questions/measure/"
    html = response.content.decode()
    assert "cleared after a long pause" in html
    assert "checked" not in html
    assert stored(client) == {}
    assert client.get("/en/outcome/")["Location"] == "/en/questions/measure/"


def test_the_outcome_of_answers_older_than_the_limit_is_gone(client, frozen_now):
    walk(client, PARIS_FREE)
    step_data = stored(client)
    old = sealed({"step_data": step_data, "extra_data": {}}, time.time() - TWO_HOURS - 5)
    client.cookies = SimpleCookie({COOKIE_NAME: old})
    response = client.get("/outcome/", follow=True)
    assert response.redirect_chain[-1][0] == "/questions/measure/"
    assert "après une longue pause" in response.content.decode()
    assert stored(client) == {}


def test_answers_younger_than_the_limit_are_kept(client, frozen_now):
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(WELL_FORMED, time.time() - TWO_HOURS + 60)})
    assert client.get("/questions/departement/").status_code == 200
    assert stored(client) == WELL_FORMED["step_data"]


def test_the_limit_is_a_setting(client, frozen_now, settings):
    settings.ANSWERS_MAX_AGE = 60
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(WELL_FORMED, time.time() - 120)})
    assert client.get("/questions/departement/")["Location"] == "/questions/measure/"


def test_showing_a_page_keeps_the_time_of_the_last_answer(client, frozen_now):
    an_hour_ago = int(time.time()) - 3600
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(WELL_FORMED, an_hour_ago)})
    client.get("/questions/departement/")
    assert open_sealed(client.cookies[COOKIE_NAME].value).sealed_at == an_hour_ago


def test_an_answer_resets_the_time_of_the_last_answer(client, frozen_now):
    an_hour_ago = int(time.time()) - 3600
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(WELL_FORMED, an_hour_ago)})
    assert answer_step(client, "/questions/departement/", ["75"]).status_code == 302
    assert open_sealed(client.cookies[COOKIE_NAME].value).sealed_at >= time.time() - 5


def test_a_cookie_sealed_far_in_the_future_is_dropped(client, frozen_now):
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(WELL_FORMED, time.time() + 3600)})
    assert client.get("/questions/departement/")["Location"] == "/questions/measure/"


# --- The CSRF cookie ------------------------------------------------------------------------------


def test_the_csrf_cookie_lasts_the_browser_session_only(client, frozen_now):
    response = client.get("/questions/measure/")
    cookie = response.cookies["csrftoken"]
    assert not cookie["max-age"]
    assert not cookie["expires"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_no_cookie_holds_an_answer_in_clear(client, frozen_now):
    walk(client, EXPULSION["answers"])
    texts = answer_texts(EXPULSION["answers"])
    for morsel in client.cookies.values():
        assert not [text for text in texts if text in json.dumps(morsel.value).encode()]
