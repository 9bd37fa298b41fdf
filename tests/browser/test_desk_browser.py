"""The help desk's page, /guichet/, in Chromium: every public case filled in with JavaScript on
and off, the common case with the keyboard only, "Next person", and axe."""

import pytest

from tests.helpers import (
    CASES,
    CHROMIUM,
    CHROMIUM_ARGS,
    api_outcome,
    case,
    desk_fields,
    has_answer,
    posted_values,
    with_place,
)

COMMON = case("OQTF 2025, free, Paris - one month, franc")
DEADLINE = "#desk-outcome section[aria-labelledby=deadline-title] .deadline__when time[datetime]"
COMEX_TIMES = "#desk-outcome section[aria-labelledby=comex-title] time[datetime]"
# The steps shown, read from the hidden fields the page posts with its answers.
SHOWN = "() => [...document.querySelectorAll('input[name=asked]')].map((field) => field.value)"
IDLE = "() => !document.querySelector('.htmx-request')"
SUBMISSIONS = """() => {
    window.submissions = 0;
    document.addEventListener("submit", () => { window.submissions += 1; }, true);
}"""


def settle(page, javascript):
    if javascript:
        page.wait_for_function(IDLE)


def fill(page, step, values, javascript):
    """Answer one question as a person would, if what the case says is offered."""
    form = page.locator("#desk-form")
    for name, given in desk_fields(step, values).items():
        given = given if isinstance(given, list) else [given]
        fields = form.locator(f'[name="{name}"]')
        if not fields.count():
            # An earlier answer of this round took the question away.
            continue
        first = fields.first
        kind = first.evaluate("(field) => field.tagName === 'SELECT' ? 'select' : field.type")
        if kind == "select":
            offered = first.locator(f'option[value="{given[0]}"]')
            if offered.count():
                first.select_option(given[0])
        elif kind in ("radio", "checkbox"):
            for value in given:
                choice = form.locator(f'[name="{name}"][value="{value}"]')
                if choice.count():
                    choice.check()
                    settle(page, javascript)
        elif given == ["unknown"]:
            form.locator(f'[name="{name}"][value=unknown]').check()
        else:
            first.fill(given[0])
            if javascript:
                first.dispatch_event("change")
        settle(page, javascript)


def answer_desk(page, url, answers, javascript, most=3):
    """Fill in what the page shows, ask for the result, until it comes. Returns the number of
    submissions."""
    page.goto(url)
    for submissions in range(1, most + 1):
        filled = set()
        while True:
            # With JavaScript, an answer may bring other questions in at once.
            waiting = [
                s for s in page.evaluate(SHOWN) if s not in filled and has_answer(s, answers)
            ]
            if not waiting:
                break
            for step in waiting:
                fill(page, step, posted_values(step, answers), javascript)
                filled.add(step)
            if not javascript:
                break
        page.locator("#desk-form button[value=result]").click()
        if javascript:
            page.wait_for_function(IDLE)
        else:
            page.wait_for_load_state()
        if page.locator("#desk-outcome #outcome").count():
            return submissions
    raise AssertionError(f"no outcome after {most} submissions")


def assert_api_dates(page, client, answers):
    expected = api_outcome(client, with_place(answers))
    comex = expected.get("comex") or {}
    if comex.get("hearing_not_before"):
        shown = [time.get_attribute("datetime") for time in page.locator(COMEX_TIMES).all()]
        assert shown == [comex["hearing_not_before"], comex["opinion_by"]]
    elif expected["appeal"]["deadline"]:
        assert page.locator(DEADLINE).get_attribute("datetime") == expected["appeal"]["deadline"]
    else:
        assert not page.locator(DEADLINE).count()


@pytest.fixture
def pages(chromium):
    contexts = {}

    def page_with(javascript):
        context = chromium.new_context(java_script_enabled=javascript, locale="fr-FR")
        contexts[javascript] = context
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield page_with
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_gets_the_same_outcome_with_javascript_and_without(
    client, frozen_now, live_server, pages, scenario
):
    shown = {}
    for javascript in (False, True):
        page = pages(javascript)
        url = live_server.url + "/guichet/"
        submissions = answer_desk(page, url, scenario["answers"], javascript)
        assert submissions <= 3
        assert_api_dates(page, client, scenario["answers"])
        shown[javascript] = page.locator("#outcome").inner_text()
    assert shown[True] == shown[False]


def test_the_common_case_with_the_keyboard_only_in_one_page(
    client, frozen_now, live_server, browser_page
):
    page = browser_page
    page.goto(live_server.url + "/en/guichet/")
    page.evaluate(SUBMISSIONS)
    keyboard = page.keyboard

    def tab_to(name):
        for _ in range(40):
            keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.name") == name:
                return
        raise AssertionError(f"Tab never reached {name}")

    def choose(name, value):
        """Tab into the radios, then the arrows: each arrow moves and checks the next one."""
        tab_to(name)
        keyboard.press("Space")
        for _ in range(10):
            if page.evaluate("() => document.activeElement.value") == value:
                break
            keyboard.press("ArrowDown")
        settle(page, True)

    def type_in(name, text):
        tab_to(name)
        keyboard.type(text)

    choose("measure", "oqtf")
    choose("eu_citizen", "false")
    for name, text in (("decided_on_day", "10"), ("decided_on_month", "3")):
        type_in(name, text)
    type_in("decided_on_year", "2025")
    choose("notified_by", "hand")
    type_in("notified_on_day", "10")
    type_in("notified_on_month", "3")
    type_in("notified_on_year", "2025")
    tab_to("departement")
    keyboard.type("75")
    choose("restriction", "none")
    choose("departure_period", "given")
    choose("ground", "permit_refused")
    choose("age_under_18", "false")
    keyboard.press("Enter")
    # The result, asked for, takes the focus (the last answer may have shown it already).
    page.wait_for_function("() => document.activeElement.id === 'outcome-title'")
    assert page.evaluate("() => window.submissions") == 1
    expected = api_outcome(client, with_place(COMMON["answers"]))["appeal"]["deadline"]
    assert page.locator(DEADLINE).get_attribute("datetime") == expected
    assert page.url == live_server.url + "/en/guichet/"


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


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_after_next_person_going_back_shows_no_answer(
    client, frozen_now, live_server, chromium_with_back_forward_cache, javascript
):
    context = chromium_with_back_forward_cache.new_context(
        java_script_enabled=javascript, locale="fr-FR"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + "/")
    answer_desk(page, live_server.url + "/guichet/", COMMON["answers"], javascript)
    assert "11 avril 2025" in page.content()
    page.get_by_role("link", name="Personne suivante").click()
    page.wait_for_load_state()
    assert "11 avril 2025" not in page.content()
    assert page.locator("#desk-form input[name=decided_on_year]").input_value() == ""
    # Back: with JavaScript, the page before the help desk (the empty page took the place of the
    # answered one); without, the answered page is never kept: what comes holds no answer.
    page.go_back()
    page.wait_for_load_state()
    if javascript:
        assert page.url == live_server.url + "/"
    assert not page.locator("#outcome").count()
    html = page.content()
    assert "11 avril 2025" not in html
    assert "Tribunal administratif de Paris" not in html
    assert 'value="2025"' not in html
    assert not [c for c in context.cookies() if c["name"] != "csrftoken"]
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
def test_axe_finds_nothing_on_the_page_empty_with_errors_and_with_an_outcome(
    frozen_now, live_server, pages, accessibility, javascript
):
    page = pages(javascript)
    page.goto(live_server.url + "/guichet/")
    accessibility(page, "empty", javascript=javascript)
    page.locator("#desk-form input[name=decided_on_day]").fill("31")
    page.locator("#desk-form button[value=result]").click()
    settle(page, javascript)
    page.wait_for_selector(".error-summary")
    accessibility(page, "with errors", javascript=javascript)
    answer_desk(page, live_server.url + "/guichet/", COMMON["answers"], javascript)
    accessibility(page, "with an outcome", javascript=javascript)


def test_the_sheet_in_two_languages_opens_from_the_outcome(
    client, frozen_now, live_server, browser_page
):
    page = browser_page
    answer_desk(page, live_server.url + "/guichet/", COMMON["answers"], True)
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Imprimer en français et en anglais").click()
    sheet = opened.value
    sheet.wait_for_load_state()
    assert sheet.locator("article.sheet[lang=fr]").count() == 1
    assert sheet.locator("article.sheet[lang=en]").count() == 1
    expected = api_outcome(client, with_place(COMMON["answers"]))["appeal"]["deadline"]
    assert sheet.locator(f'time[datetime="{expected}"]').count() == 2
