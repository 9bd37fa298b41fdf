"""No request to any other site: every request the pages make, with JavaScript on, from the start
page through the questions to the outcome and its printed sheet, goes to the app's own origin."""

import contextlib
from urllib.parse import urlsplit

import pytest
from django.urls import NoReverseMatch, reverse

from tests.helpers import case, field_name, posted_values

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")["answers"]

STEP_FIELD = 'input[name="questionnaire-current_step"]'


@pytest.fixture
def transactional_db():
    """The app has no database: nothing for the live server's tests to set up or flush."""


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def answer(page, step, values):
    """Answer the question on screen as a person would, and wait for htmx to show the next one."""
    name = field_name(step)
    fields = page.locator(f'[name="{name}"]')
    kind = fields.first.get_attribute("type") or fields.first.evaluate("e => e.tagName")
    if kind in ("radio", "checkbox"):
        for value in values:
            page.locator(f'[name="{name}"][value="{value}"]').check()
    elif kind.upper() == "SELECT":
        fields.first.select_option(values[0])
    else:
        fields.first.fill(values[0])
    page.locator("form.step button[type=submit]").click()
    page.wait_for_function(
        """([selector, step]) => {
            const field = document.querySelector(selector);
            return !field || field.value !== step;
        }""",
        arg=[STEP_FIELD, step],
    )


def test_the_pages_make_no_request_to_another_site(browser_page, live_server, frozen_now):
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(live_server.url + "/")
    steps = []
    while page.locator(STEP_FIELD).count():
        step = page.locator(STEP_FIELD).get_attribute("value")
        assert step not in steps, f"asked {step} twice"
        steps.append(step)
        answer(page, step, posted_values(step, PARIS_FREE))
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
