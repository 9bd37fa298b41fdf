"""In a real browser: after a whole case is answered, no cookie holds an answer that can be read
without the site's key, and both cookies end with the browser's session; answers left too long
are gone, and the page says why."""

import time

from questionnaire.storage import COOKIE_NAME
from tests.browser.walk import walk
from tests.helpers import answer_texts, case, every_reading, sealed, stored_from_value

EXPULSION = case("Expulsion order by a prefect, person in France - 2 months, not suspensive")


def test_no_cookie_holds_a_readable_answer_after_a_whole_case(
    browser_page, live_server, frozen_now
):
    page = browser_page
    walk(page, f"{live_server.url}/", EXPULSION["answers"], javascript=True)
    assert page.url.endswith("/outcome/")
    cookies = page.context.cookies()
    assert {cookie["name"] for cookie in cookies} == {COOKIE_NAME, "csrftoken"}
    texts = answer_texts(EXPULSION["answers"])
    assert b"expulsion" in texts
    for cookie in cookies:
        for reading in every_reading(cookie["value"]):
            assert not [text for text in texts if text in reading], cookie["name"]
        # A session cookie (no expiry date), out of reach of the page's scripts.
        assert cookie["expires"] == -1, cookie["name"]
        assert cookie["httpOnly"], cookie["name"]
    # With the key, the answers are there.
    answers_cookie = next(cookie for cookie in cookies if cookie["name"] == COOKIE_NAME)
    assert stored_from_value(answers_cookie["value"])["measure"] == {
        "measure-measure": ["expulsion"]
    }


def test_answers_left_longer_than_the_limit_are_gone(browser_page, live_server, frozen_now):
    page = browser_page
    data = {"step_data": {"measure": {"measure-measure": ["oqtf"]}}, "extra_data": {}}
    page.context.add_cookies(
        [
            {
                "name": COOKIE_NAME,
                "value": sealed(data, time.time() - 3 * 60 * 60),
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/en/outcome/")
    assert page.url.endswith("/en/questions/measure/")
    assert "cleared after a long pause" in page.locator(".notice").inner_text()
    assert not page.locator("input:checked").count()
