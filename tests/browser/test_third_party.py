"""No request to any other site: every request the pages make, with JavaScript on, from the start
page through the questions to the outcome and its printed sheet, goes to the app's own origin."""

import contextlib
from urllib.parse import urlsplit

import pytest
from django.urls import NoReverseMatch, reverse

from tests.browser.walk import walk
from tests.helpers import case

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")["answers"]


@pytest.fixture
def transactional_db():
    """The app has no database: nothing for the live server's tests to set up or flush."""


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_the_pages_make_no_request_to_another_site(browser_page, live_server, frozen_now):
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    # Each page answered as a person would, htmx showing the next one.
    steps = walk(page, live_server.url + "/", PARIS_FREE, javascript=True)
    page.wait_for_url("**/outcome/")
    assert page.locator("time[datetime]").count()
    page.reload()
    with contextlib.suppress(NoReverseMatch):  # the sheet printed in both languages
        page.goto(live_server.url + reverse("questionnaire:print_both"))
    page.goto(live_server.url + "/en/")

    assert len(steps) > 5
    assert any("/static/" in url for url in requested)
    others = [url for url in requested if origin(url) != live_server.url]
    assert not others
