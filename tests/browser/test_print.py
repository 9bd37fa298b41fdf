"""The printed sheet in Chromium: print to PDF on A4 for every public case, in French, in English
and in both, and in each other language for the longest sheets; the print dialog through the
script; nothing left to go back to after finish and clear.

The answers are given to the browser as the site gives them: the questionnaire is walked with
Django's test client and its signed answers cookie is handed to the browser context.
"""

import html
import re

import pytest

from questionnaire.storage import COOKIE_NAME
from tests.helpers import (
    CASES,
    CHROMIUM,
    CHROMIUM_ARGS,
    NEW_LANGUAGES,
    PREFIXES,
    api_deadline,
    assert_no_axe_violations,
    case,
    walk,
)

PAGE = re.compile(rb"/Type\s*/Page[^s]")
PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")
# Counts the calls to the print dialog instead of opening it.
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"
FORMS = {"French": "/outcome/", "English": "/en/outcome/", "both": "/outcome/print/"}
# A4 less the sheet's margins (site.css, @page), in CSS pixels: the first page's content.
FIRST_PAGE = {"width": 703, "height": 1047}
TEN_POINTS_IN_PIXELS = 10 * 96 / 72
# The characters printed, and those printed at 10 pt or more (closed parts are not printed).
CHARACTER_SIZES = """(tenPoints) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let printed = 0, large = 0;
    while (walker.nextNode()) {
        const text = walker.currentNode.textContent.replace(/\\s+/g, "");
        const element = walker.currentNode.parentElement;
        if (!text || !element.checkVisibility()) continue;
        printed += text.length;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size >= tenPoints - 0.01) large += text.length;
    }
    return {printed, large};
}"""


def pages(pdf: bytes) -> int:
    return len(PAGE.findall(pdf))


def answered(client, browser_page, live_server, scenario):
    """The browser page, holding the answers of a case."""
    walk(client, scenario["answers"])
    browser_page.context.add_cookies(
        [
            {
                "name": COOKIE_NAME,
                "value": client.cookies[COOKIE_NAME].value,
                "url": live_server.url,
                "httpOnly": True,
                "sameSite": "Lax",
            }
        ]
    )
    browser_page.add_init_script(COUNT_PRINTS)
    return browser_page


def printed(page, live_server, path):
    page.goto(live_server.url + path)
    page.emulate_media(media="print")
    return page.pdf(format="A4", prefer_css_page_size=True)


def printed_alone(page, language):
    """The bilingual sheet printed with only one language's part left in."""
    page.evaluate(
        "(language) => document.querySelectorAll('article.sheet').forEach("
        "(part) => { part.hidden = part.lang !== language; })",
        language,
    )
    return page.pdf(format="A4", prefer_css_page_size=True)


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_prints_on_at_most_two_a4_pages_per_language(
    client, frozen_now, live_server, browser_page, scenario
):
    page = answered(client, browser_page, live_server, scenario)
    deadline = api_deadline(client, scenario["answers"])
    for form, path in FORMS.items():
        pdf = printed(page, live_server, path)
        assert pdf.startswith(b"%PDF")
        limit = 4 if form == "both" else 2
        assert 1 <= pages(pdf) <= limit, f"{form}: {pages(pdf)} pages"
        assert not page.locator(".site-header").is_visible()
        assert not page.locator(".actions").first.is_visible()
        heads = page.locator(".sheet-head")
        assert heads.count() == (2 if form == "both" else 1)
        for index in range(heads.count()):
            assert heads.nth(index).is_visible()
        if deadline:
            times = page.locator(f'.deadline__when time[datetime="{deadline}"]')
            assert times.count() == (2 if form == "both" else 1)
            for index in range(times.count()):
                assert times.nth(index).is_visible()
                assert times.nth(index).inner_text().strip()
        sizes = page.evaluate(CHARACTER_SIZES, TEN_POINTS_IN_PIXELS)
        assert sizes["large"] >= 0.95 * sizes["printed"], f"{form}: {sizes}"
    for language in ("fr", "en"):
        assert pages(printed_alone(page, language)) <= 2, f"{language} part of the sheet"


def longest_sheets(client, prefix, how_many):
    """The public cases whose sheet holds the most text in the page's language: the others are
    shorter, so that printing these few tells whether a language's part keeps to two pages."""

    def text_length(scenario):
        walk(client, scenario["answers"], prefix)
        sheet = client.get(f"{prefix}/outcome/print/").content.decode()
        return len(html.unescape(re.sub(r"<[^>]+>|\s+", "", sheet)))

    return sorted(CASES, key=text_length, reverse=True)[:how_many]


OTHER_LANGUAGES = {code: PREFIXES[code] for code in NEW_LANGUAGES}


@pytest.mark.parametrize(
    ("language", "prefix"), OTHER_LANGUAGES.items(), ids=OTHER_LANGUAGES.keys()
)
def test_each_language_part_of_the_longest_sheets_prints_on_at_most_two_pages(
    client, frozen_now, live_server, browser_page, language, prefix
):
    # Every case in every language would add minutes and little: the three longest sheets of
    # each language are the ones that could spill onto a third page.
    for scenario in longest_sheets(client, prefix, 3):
        page = answered(client, browser_page, live_server, scenario)
        both = printed(page, live_server, f"{prefix}/outcome/print/")
        for part in ("fr", language):
            assert pages(printed_alone(page, part)) <= 2, f"{scenario['name']}: {part} part"
        assert pages(both) == pages(printed_alone(page, "fr")) + pages(
            printed_alone(page, language)
        )


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_the_first_printed_page_holds_the_deadline_the_court_and_how_to_file_online(
    client, frozen_now, live_server, browser_page, scenario
):
    page = answered(client, browser_page, live_server, scenario)
    page.set_viewport_size(FIRST_PAGE)
    printed(page, live_server, FORMS["French"])
    answer = page.locator(".answer")
    box = answer.bounding_box()
    assert box["y"] + box["height"] <= FIRST_PAGE["height"]
    if api_deadline(client, scenario["answers"]):
        words = answer.inner_text()
        assert "Télérecours citoyens" in words
        assert "tribunal administratif" in words.lower()
        assert answer.locator(".deadline__when time").is_visible()


def test_the_bilingual_sheet_starts_english_on_a_new_page(
    client, frozen_now, live_server, browser_page
):
    page = answered(client, browser_page, live_server, PARIS_FREE)
    both = pages(printed(page, live_server, FORMS["both"]))
    assert both == pages(printed_alone(page, "fr")) + pages(printed_alone(page, "en"))
    assert page.locator("article.sheet").nth(0).get_attribute("lang") == "fr"
    assert page.locator("article.sheet").nth(1).get_attribute("lang") == "en"


def test_the_bilingual_sheet_opens_the_print_dialog_once(
    client, frozen_now, live_server, browser_page
):
    page = answered(client, browser_page, live_server, PARIS_FREE)
    page.goto(live_server.url + "/en/outcome/")
    page.get_by_role("link", name="Print in French and English").click()
    page.wait_for_url("**/en/outcome/print/")
    page.wait_for_function("window.__prints === 1")
    assert page.locator("button[data-print]").is_visible()


def test_the_print_button_of_the_outcome_page_opens_the_print_dialog(
    client, frozen_now, live_server, browser_page
):
    page = answered(client, browser_page, live_server, PARIS_FREE)
    page.goto(live_server.url + "/en/outcome/")
    assert page.evaluate("window.__prints") == 0
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.__prints") == 1


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_the_bilingual_sheet_passes_axe(client, frozen_now, live_server, browser_page, axe, prefix):
    page = answered(client, browser_page, live_server, PARIS_FREE)
    page.goto(f"{live_server.url}{prefix}/outcome/print/")
    assert_no_axe_violations(axe, page)


@pytest.mark.no_javascript
def test_without_javascript_the_sheet_is_there_with_a_hint_and_no_dead_button(
    client, frozen_now, live_server, browser_page
):
    page = answered(client, browser_page, live_server, PARIS_FREE)
    page.goto(live_server.url + "/en/outcome/print/")
    assert page.get_by_text("Ctrl+P").is_visible()
    assert not page.locator("button[data-print]").is_visible()
    assert page.locator("article.sheet").count() == 2
    page.goto(live_server.url + "/en/outcome/")
    assert not page.get_by_role("button", name="Print this page").is_visible()
    assert page.get_by_role("link", name="Print in French and English").is_visible()


@pytest.fixture(scope="module")
def chromium_with_back_forward_cache(chromium):
    """Chromium as people run it: Playwright turns the back-forward cache off by default."""
    browser = chromium.browser_type.launch(
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield browser
    browser.close()


@pytest.mark.parametrize("cache", [True, False], ids=["back-forward cache", "no such cache"])
@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_after_finish_and_clear_going_back_shows_nothing_of_the_answers(
    client, frozen_now, live_server, chromium, chromium_with_back_forward_cache, javascript, cache
):
    browser = chromium_with_back_forward_cache if cache else chromium
    context = browser.new_context(java_script_enabled=javascript, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(10_000)
    answered(client, page, live_server, PARIS_FREE)
    deadline = api_deadline(client, PARIS_FREE["answers"])
    page.goto(live_server.url + "/outcome/")
    page.get_by_role("link", name="Imprimer en français et en anglais").click()
    page.wait_for_url("**/outcome/print/")
    assert deadline in page.content()
    # The volunteer clears from the sheet, with the button of the header.
    page.locator(".site-header").get_by_role("button").click()
    page.wait_for_url("**/?cleared=1")
    assert not [c for c in context.cookies() if c["name"] == COOKIE_NAME]
    # Back to the sheet, then back to the outcome page: each is asked again, and has nothing.
    for _ in range(2):
        page.go_back()
        page.wait_for_load_state()
        assert page.url.startswith(live_server.url)
        html = page.content()
        assert deadline not in html
        assert "11 avril 2025" not in html
        assert "Tribunal administratif de Paris" not in html
        assert 'class="sheet"' not in html
    context.close()
