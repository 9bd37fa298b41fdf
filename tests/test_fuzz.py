"""Bad input never breaks the questionnaire or the API: never a server error, always a clear
message (the question again, with its error) or a clean restart at a question.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

from questionnaire.storage import COOKIE_NAME
from tests.test_wizard import signed

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
