"""The six languages beyond French and English, in Chromium at phone size (390×844).

In each: the start page and an outcome pass axe, the deadline is in the first screen, nothing
scrolls sideways at 320 px, and a walk without JavaScript reaches the deadline the API gives.
Right-to-left pages (Arabic, Dari, Pashto) lay out from the right, keep the deadline's minute in
figures read left to right, and their first screen is written to var/screenshots/ to look at.
One case per language: the public cases are all walked in every language by the test client
(tests/test_languages.py); here the browser adds what only it sees. In all eight languages, the
header keeps every word of the site's name whole, at 320 and 390 px.
"""

import pytest

from tests.browser.test_outcome_phone import FIRST_DATE, NARROWEST, SCREENSHOTS
from tests.browser.walk import api_outcome, shown_deadline, walk
from tests.helpers import (
    NEW_LANGUAGES,
    PHONE,
    PREFIXES,
    RIGHT_TO_LEFT,
    assert_same_minute,
    case,
)

OQTF = case("OQTF 2025, free, Paris - one month, franc")
# Overseas, where the deadline's day, minute and zone all matter, for the walk without JavaScript.
OVERSEAS = case("House arrest in Guyane - general law: 2 months, not suspensive, act now")


@pytest.mark.parametrize("code", NEW_LANGUAGES)
def test_the_start_page_and_an_outcome_pass_axe_and_fit_a_phone(
    phone, accessibility, live_server, frozen_now, code
):
    page = phone(OQTF["answers"], f"/{code}")
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == ("rtl" if code in RIGHT_TO_LEFT else "ltr")
    box = page.locator(FIRST_DATE).first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the deadline is below the first screen"
    accessibility(page, f"outcome in {code}")
    page.goto(f"{live_server.url}/{code}/")
    accessibility(page, f"start page in {code}")
    page.set_viewport_size({"width": NARROWEST, "height": PHONE["height"]})
    for address in (f"/{code}/", f"/{code}/outcome/"):
        page.goto(f"{live_server.url}{address}")
        assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST, address


# The words of the site's name that the layout cut in two (a word whose box spans two lines).
CUT_WORDS = """() => {
    const name = document.querySelector(".site-header__name");
    const text = name.firstChild;
    const cut = [];
    for (const found of text.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(text, found.index);
        range.setEnd(text, found.index + found[0].length);
        const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
        if (lines.size > 1) cut.push(found[0]);
    }
    return cut;
}"""


@pytest.mark.parametrize(("code", "prefix"), PREFIXES.items(), ids=PREFIXES.keys())
def test_the_header_never_cuts_a_word_of_the_sites_name(browser_page, live_server, code, prefix):
    for width in (NARROWEST, PHONE["width"]):
        browser_page.set_viewport_size({"width": width, "height": PHONE["height"]})
        browser_page.goto(f"{live_server.url}{prefix}/")
        assert browser_page.evaluate(CUT_WORDS) == [], f"{code} at {width} px"
        header = browser_page.locator(".site-header").bounding_box()
        # One row at 390 px: the name beside the tools, within two lines' and a button's height.
        if width == PHONE["width"]:
            name = browser_page.locator(".site-header__name").bounding_box()
            tools = browser_page.locator(".site-header__tools").bounding_box()
            assert abs(name["y"] + name["height"] / 2 - (tools["y"] + tools["height"] / 2)) < 2
        assert header["height"] < 140


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_a_right_to_left_outcome_reads_from_the_right(phone, frozen_now, code):
    page = phone(OQTF["answers"], f"/{code}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"outcome-oqtf-{code}.png"
    page.screenshot(path=path)
    assert path.stat().st_size > 10_000
    # The title starts at the right edge of the page, the header's tools at the left.
    title = page.locator(".outcome-title").bounding_box()
    assert title["x"] + title["width"] > PHONE["width"] - 40
    tools = page.locator(".site-header__tools").bounding_box()
    assert tools["x"] < PHONE["width"] / 2
    # The minute stays in figures read left to right, inside the right-to-left sentence.
    minute = page.locator(".answer [dir=ltr]").first
    assert minute.inner_text().strip() == "23:59"


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_the_language_menu_opens_inside_a_right_to_left_phone_screen(
    browser_page, live_server, frozen_now, code
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{code}/questions/measure/")
    page.locator("#language-switch summary").click()
    menu = page.locator(".languages__list").bounding_box()
    assert menu["x"] >= 0
    assert menu["x"] + menu["width"] <= PHONE["width"]
    path = SCREENSHOTS / f"language-menu-{code}.png"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path)


@pytest.mark.no_javascript
@pytest.mark.parametrize("code", NEW_LANGUAGES)
def test_a_walk_without_javascript_reaches_the_api_deadline(
    browser_page, live_server, frozen_now, code
):
    page = browser_page
    walk(page, f"{live_server.url}/{code}/", OVERSEAS["answers"], javascript=False)
    assert page.evaluate("location.pathname") == f"/{code}/outcome/"
    expected = api_outcome(page, live_server.url, OVERSEAS["answers"])["appeal"]["deadline"]
    assert_same_minute(shown_deadline(page), expected)
