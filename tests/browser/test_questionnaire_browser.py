"""The questionnaire in Chromium as people use it: with the keyboard only, switching language half
way, in a detention centre, with the Back button and a reload; answers never in the browser's
storage. JavaScript is on (htmx) unless a test says otherwise."""

import pytest

from tests.browser.walk import (
    SUBMIT,
    SWAPPED,
    api_outcome,
    page_answers,
    shown_deadline,
    state,
    walk,
)
from tests.helpers import case, field_name

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")
DETENTION = case("Detention centre - 48 hours to the minute, no extension on Sunday")
FOCUSED = "(selector) => !!document.activeElement && document.activeElement.matches(selector)"
# The live region read by screen readers says the title of what was swapped in.
ANNOUNCED = """() => document.getElementById("announcer").textContent.trim()
    === document.activeElement.textContent.trim()"""
# What the page keeps in the browser's storage: {"local": {key: value}, "session": {key: value}}.
STORED = """() => {
    const read = (storage) => Object.fromEntries(
        Object.keys(storage).map((key) => [key, storage.getItem(key)])
    );
    return {local: read(window.localStorage), session: read(window.sessionStorage)};
}"""
# htmx 2 always notes the address it shows there (even with its history off): the path, no answer.
HTMX_PATH_KEY = "htmx-current-path-for-history"


# --- Keyboard only ---


def focused(page, selector):
    return page.evaluate(FOCUSED, selector)


def tab_to(page, selector, most=40):
    """Press Tab until the element focused matches `selector`."""
    for _ in range(most):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never reached with Tab")


def answer_with_keys(page, step, kind, values):
    name = f"form.step [name='{field_name(step)}']"
    if kind == "radio":
        tab_to(page, name)
        target = f"{name}[value='{values[0]}']"
        # Arrow keys move through a radio group, choosing as they go; Space chooses the first.
        for _ in range(20):
            if focused(page, target):
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        assert page.locator(target).is_checked()
    elif kind == "select":
        tab_to(page, name)
        # Typing the start of an option's text chooses it ("75 – Paris").
        page.keyboard.type(values[0])
        assert page.locator(name).input_value() == values[0]
    elif kind == "date":
        # Day, month and year: each its own box, in that order, whatever the language.
        for part, value in zip(("_day", "_month", "_year"), values, strict=True):
            box = f"form.step [name='{field_name(step)}{part}']"
            tab_to(page, box)
            page.keyboard.type(value)
            assert page.locator(box).input_value() == value
    elif kind == "checkbox":
        for value in values:
            tab_to(page, f"{name}[value='{value}']")
            page.keyboard.press("Space")
    else:
        raise AssertionError(f"no keyboard answer written for {kind} ({step})")


def send_with_keys(page):
    tab_to(page, SUBMIT)
    old = page.locator("form.step").element_handle()
    page.keyboard.press("Enter")
    page.wait_for_function(SWAPPED, arg=old)
    old.dispose()


def test_a_whole_oqtf_path_with_the_keyboard_only(browser_page, live_server, frozen_now):
    page = browser_page
    page.goto(f"{live_server.url}/")
    answers = PARIS_FREE["answers"]
    steps, titles = [], [page.title()]
    now = state(page)
    while not now["outcome"]:
        step = now["step"]
        assert not set(now["steps"]) & set(steps), f"asked {now['steps']} twice"
        steps.extend(now["steps"])
        for shown, kind, values in page_answers(now, answers):
            answer_with_keys(page, shown, kind, values)
        send_with_keys(page)
        now = state(page)
        assert not now["errors"], f"{step}: {now['errors']}"
        # The focus moved to what was swapped in: the next question, or the result; its title
        # is announced, and the page's title follows.
        if now["outcome"]:
            assert focused(page, "#outcome-title")
        else:
            assert now["step"] != step
            assert focused(page, "form.step [data-focus-after-swap]")
            assert page.evaluate("() => !!document.activeElement.closest('form.step')")
        page.wait_for_function(ANNOUNCED)
        titles.append(page.title())
    assert steps[0] == "measure"
    assert "ties" in steps
    assert page.url.endswith("/outcome/")
    assert shown_deadline(page) == "2025-04-11T23:59:00+02:00"
    assert len(steps) == 11
    assert len(set(titles)) == len(titles), titles
    assert titles[-1].startswith("Votre résultat")


# --- Language switch ---


def start_in_french(page, live_server, javascript):
    """Answer up to the question on restrictions, in French."""
    steps = walk(
        page,
        f"{live_server.url}/",
        PARIS_FREE["answers"],
        javascript=javascript,
        until=lambda step: step == "restriction",
    )
    assert steps == [
        "measure",
        "eu_citizen",
        "departement",
        "decided_on",
        "notified_by",
        "notified_on",
    ]
    assert page.locator("html").get_attribute("lang") == "fr"


def test_the_language_switch_half_way_keeps_the_answers(browser_page, live_server, frozen_now):
    page = browser_page
    start_in_french(page, live_server, javascript=True)
    page.locator("#language-switch summary").click()
    page.locator('#language-switch a[hreflang="en"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    shown = page.locator("#questionnaire").inner_text()
    for answer in (
        "An obligation to leave French territory (OQTF)",
        "75 – Paris",
        "10 March 2025",
    ):
        assert answer in shown
    walk(page, None, PARIS_FREE["answers"], javascript=True)
    assert page.url.endswith("/en/outcome/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert shown_deadline(page) == "2025-04-11T23:59:00+02:00"


@pytest.mark.parametrize(
    "javascript", [True, pytest.param(False, marks=pytest.mark.no_javascript)], ids=["on", "off"]
)
def test_the_language_switch_opens_the_same_question_in_the_other_language(
    browser_page, live_server, frozen_now, javascript
):
    page = browser_page
    start_in_french(page, live_server, javascript)
    assert page.url.endswith("/questions/restriction/")
    # The menu is a native disclosure: it opens without JavaScript too.
    page.locator("#language-switch summary").click()
    link = page.locator('#language-switch a[hreflang="en"]')
    assert link.is_visible()
    assert link.get_attribute("href") == "/en/questions/restriction/"
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/en/questions/restriction/")
    assert state(page)["step"] == "restriction"


# --- Detention centres: the court of the place where the person is held ---


@pytest.mark.parametrize(
    ("departement", "centre", "court", "javascript"),
    [
        ("57", "metz", "Tribunal administratif de Nancy", True),
        pytest.param(
            "77",
            "mesnil-amelot-3",
            "Tribunal administratif de Montreuil",
            False,
            marks=pytest.mark.no_javascript,
        ),
    ],
    ids=["CRA de Metz, JavaScript on", "CRA du Mesnil-Amelot n° 3, JavaScript off"],
)
def test_a_detention_centre_chosen_names_its_court(
    browser_page, live_server, frozen_now, accessibility, departement, centre, court, javascript
):
    page = browser_page
    answers = DETENTION["answers"]
    offered = []

    def on_page(page, step):
        if step == "centre":
            options = page.locator("select[name='centre-departement'] option")
            offered.extend(options.evaluate_all("options => options.map((o) => o.value)"))

    steps = walk(
        page,
        f"{live_server.url}/",
        answers,
        javascript=javascript,
        places={"departement": departement, "centre": centre},
        on_page=on_page,
    )
    assert "centre" in steps
    # Only the centres of metropolitan France are offered, this one among them.
    assert centre in offered
    assert "paris-1" in offered
    assert not {"guyane", "mayotte", "reunion", "guadeloupe"} & set(offered)
    api = {k: v for k, v in answers.items() if k != "territory"}
    outcome = api_outcome(page, live_server.url, {**api, "departement": centre})
    assert outcome["appeal"]["court"] == court
    assert page.locator(".court__name strong").inner_text() == court
    assert shown_deadline(page) == outcome["appeal"]["deadline"]
    accessibility(page, f"the outcome, {centre}")


# --- Back, reload, and nothing in the browser's storage ---


def assert_no_answer_stored(page):
    """Nothing in localStorage; in sessionStorage, only htmx's note of the path shown."""
    stored = page.evaluate(STORED)
    assert stored["local"] == {}
    path = page.evaluate("() => location.pathname + location.search")
    assert stored["session"] in ({}, {HTMX_PATH_KEY: path}), stored["session"]


def test_back_and_reload_keep_the_answers_and_nothing_is_stored_in_the_browser(
    browser_page, live_server, frozen_now
):
    page = browser_page
    answers = PARIS_FREE["answers"]
    steps = walk(
        page,
        f"{live_server.url}/",
        answers,
        javascript=True,
        until=lambda step: step == "decided_on",
    )
    assert steps == ["measure", "eu_citizen", "departement"]
    assert page.url.endswith("/questions/decided_on/")
    assert_no_answer_stored(page)

    page.go_back()
    page.wait_for_function(
        "() => document.querySelector('input[name=questionnaire-current_step]')?.value"
        " === 'departement' && document.readyState === 'complete'"
    )
    assert page.url.endswith("/questions/departement/")
    assert page.locator("select[name='departement-departement']").input_value() == "75"
    assert_no_answer_stored(page)

    page.reload()
    assert state(page)["step"] == "departement"
    assert page.locator("select[name='departement-departement']").input_value() == "75"
    assert_no_answer_stored(page)

    # Going on from there reaches the same outcome, the earlier answers kept.
    walk(page, None, answers, javascript=True)
    assert shown_deadline(page) == "2025-04-11T23:59:00+02:00"
    assert_no_answer_stored(page)
