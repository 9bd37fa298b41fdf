"""The outcome as a person reads it on a phone (390×844, JavaScript on): the answer in the first
screen, at most 600 words seen, nothing that scrolls sideways at 320 px; and a screenshot of the
first screen of three cases, to look at (written to var/screenshots/, which git ignores).

Every public case is checked in French and in English: a page load each, after the questionnaire
was walked with Django's test client (its answers cookie handed to the browser), so that the
whole sweep costs seconds. The questionnaire itself is walked in the browser elsewhere.
"""

import re

import pytest

from tests.browser.walk import walk as walk_in_browser
from tests.helpers import BASE_DIR, CASES, PHONE, case

NARROWEST = 320
MOST_WORDS_SEEN = 600
SCREENSHOTS = BASE_DIR / "var" / "screenshots"
# One case per measure, and one overseas.
PICTURED = {
    "oqtf": case("OQTF 2025, free, Paris - one month, franc"),
    "expulsion": case("Expulsion order by a prefect, person in France - 2 months, not suspensive"),
    "overseas": case("House arrest in Guyane - general law: 2 months, not suspensive, act now"),
}
# The answer: the deadline's minute, the board's first date, or what to do instead.
ANSWER = ".answer"
FIRST_DATE = ".answer time[datetime]"
# The words a reader sees: closed <details> and hidden parts are not rendered, so not counted.
WORDS_SEEN = "() => document.body.innerText.split(/\\s+/).filter(Boolean).length"
# The text above the answer, inside the page's main part, as a reader sees it.
TEXT_ABOVE_ANSWER = """(selector) => {
    const answer = document.querySelector(selector);
    const range = document.createRange();
    range.setStart(document.querySelector("main"), 0);
    range.setEndBefore(answer);
    const box = document.createElement("div");
    box.append(range.cloneContents());
    box.querySelectorAll(".print-only, .visually-hidden, title").forEach((e) => e.remove());
    return box.textContent;
}"""


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if re.search(r"\w", s)]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["fr", "en"])
@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_the_answer_is_the_first_screen(phone, frozen_now, scenario, prefix):
    page = phone(scenario["answers"], prefix)
    answer = page.locator(ANSWER).first
    first_date = page.locator(FIRST_DATE)
    shown = first_date.first if first_date.count() else answer.locator("h2")
    box = shown.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the answer is below the first screen"
    above = page.evaluate(TEXT_ABOVE_ANSWER, ANSWER)
    title = page.locator(".outcome-title").inner_text()
    assert len(sentences(above.replace(title, "", 1))) <= 1, above
    assert page.evaluate(WORDS_SEEN) <= MOST_WORDS_SEEN
    page.set_viewport_size({"width": NARROWEST, "height": PHONE["height"]})
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST


@pytest.mark.parametrize("measure", PICTURED, ids=PICTURED.keys())
def test_a_screenshot_of_the_first_screen(phone, frozen_now, measure):
    page = phone(PICTURED[measure]["answers"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"outcome-{measure}-fr.png"
    page.screenshot(path=path)
    assert path.stat().st_size > 10_000
    assert page.locator(FIRST_DATE).first.is_visible()


def test_through_htmx_the_start_pages_title_gives_way_to_the_result(
    chromium, live_server, frozen_now
):
    """From the start page to the outcome in one page (htmx): the start page's visible title
    leaves, so that the result starts at the top of the screen."""
    context = chromium.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    start = f"{live_server.url}/"
    walk_in_browser(page, start, PICTURED["oqtf"]["answers"], javascript=True)
    assert page.evaluate("location.pathname") == "/outcome/"
    assert page.locator("#page-title").count() == 1
    assert not page.locator("#page-title").evaluate(
        "(h) => h.checkVisibility() && h.offsetHeight > 1"
    )
    assert page.locator(".outcome-title").bounding_box()["y"] < 120
    context.close()
