"""Bad input never breaks the questionnaire or the API: never a server error, always a clear
message (the question again, with its error) or a clean restart at a question.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

from questionnaire.storage import COOKIE_NAME
from tests.test_wizard import MANAGEMENT, PARIS_FREE, signed, stored, walk

# The answers cookie is refused by browsers above 4,096 bytes (name, value and attributes).
COOKIE_LIMIT = 4096

WELL_FORMED = {
    "step_data": {
        "measure": {"measure-measure": ["oqtf"]},
        "eu_citizen": {"eu_citizen-eu_citizen": ["false"]},
    },
    "extra_data": {"notice": "missing"},
}


def test_a_signed_cookie_whose_notice_is_not_a_code_restarts_cleanly(client, frozen_now):
    data = {**WELL_FORMED, "extra_data": {"notice": ["unreadable"]}}
    client.cookies = SimpleCookie({COOKIE_NAME: signed(data)})
    response = client.get("/en/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/questions/measure/"
    assert "could not be read" in response.content.decode()


def test_junk_posted_with_an_answer_is_not_kept_in_the_answers_cookie(client, frozen_now):
    data = {"measure-measure": ["9" * 5_000, "oqtf", "oqtf"], MANAGEMENT: "measure"}
    assert client.post("/questions/measure/", data)["Location"] == "/questions/eu_citizen/"
    assert stored(client) == {"measure": {"measure-measure": ["oqtf"]}}
    walk(client, PARIS_FREE)
    junk = ["unknown", "x" * 5_000, "2025-03-11", "2025-03-12"]
    data = {"notified_on-notified_on": junk, MANAGEMENT: "notified_on"}
    response = client.post("/questions/notified_on/", data)
    assert response.status_code == 302
    assert len(response.cookies[COOKIE_NAME].OutputString()) <= COOKIE_LIMIT
    assert stored(client)["notified_on"] == {"notified_on-notified_on": ["unknown", "2025-03-11"]}
