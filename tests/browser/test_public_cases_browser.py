"""Every public case answered in Chromium, with JavaScript on (htmx) and off (a page per question).

Each outcome page shows, in `<time datetime>`, the deadline the JSON API gives for the same answers
(for a summons, the board's dates; out of scope, no deadline), in the language of the address, and
axe finds no violation on it. axe also runs on every question page reached by a few walks that,
together, ask every question of the questionnaire, and on the error states.

To keep the suite quick, each case is walked once per mode: with JavaScript on in English, with it
off in French. The French pages with JavaScript on are walked by the audited walks below and by
tests/browser/test_questionnaire_browser.py.
"""

from datetime import date

import pytest

from questionnaire.steps import STEPS
from tests.browser.walk import (
    api_outcome,
    shown_comex_dates,
    shown_deadline,
    state,
    walk,
)
from tests.helpers import CASES, assert_same_minute, case
from tests.helpers import walk as walk_with_test_client

# Walks that, together, reach every question, and the questions audited on each: every one on the
# first, on the others those the first does not reach (test_the_audited_walks_reach_every_question).
DETENTION_LATER_FAMILY = {
    "measure": "oqtf",
    "eu_citizen": False,
    "territory": "metropole",
    "decided_on": date(2026, 11, 20),
    "restriction": "detention_centre",
    "restriction_with_decision": False,
    "departure_period": "none",
    "ground": "irregular_entry",
    "notified_by": "hand",
    "notified_on": date(2026, 11, 20),
    "restriction_notified_on": date(2026, 11, 21),
    "restriction_notified_at": "unknown",
    "appeal_already_filed": False,
    "age_under_18": False,
    "ties": ["married_french", "parent_french_child"],
    "marriage_years": 4,
    "living_together": True,
    "spouse_still_french": True,
    "child_contribution": "since_birth",
}
BY_PREFECT = case("Expulsion order by a prefect, person in France - 2 months, not suspensive")
ALL = None
AUDITED_WALKS = {
    "detention centre, placed after the OQTF, married, parent of a French child": (
        DETENTION_LATER_FAMILY,
        ALL,
    ),
    "48 hours, the time of notification asked": (
        case("Seed regime, without a period - 48 hours")["answers"],
        {"notified_at"},
    ),
    "expulsion order by a prefect, person now abroad": (
        {
            **BY_PREFECT["answers"],
            "territory": "abroad",
            "former_territory": "metropole",
        },
        {"expulsion_stage", "authority", "former_place", "conduct"},
    ),
    "summoned before the board from prison": (
        {
            **case("Summoned before the expulsion board - the board's timetable")["answers"],
            "restriction": "prison",
        },
        {"summoned_on", "held_in"},
    ),
}


def check_outcome(page, live_server, answers, language, expected=None):
    """The outcome page shows what the API says for the same answers, in the right language."""
    assert page.locator("html").get_attribute("lang") == language
    outcome = api_outcome(page, live_server.url, answers)
    deadline = outcome["appeal"]["deadline"]
    if expected:
        assert_same_minute(deadline, expected)
    comex = outcome.get("comex") or {}
    if comex.get("hearing_not_before"):
        assert shown_comex_dates(page) == [comex["hearing_not_before"], comex["opinion_by"]]
        assert shown_deadline(page) is None
    elif deadline:
        assert shown_deadline(page) == deadline
        assert page.locator("#deadline-title").is_visible()
    else:
        assert shown_deadline(page) is None
        assert page.locator("#deadline-title").count() == 0
    if outcome["regime"] == "out_of_scope":
        assert page.locator("#scope-title").is_visible()


def audit_outcome(accessibility):
    def on_page(page, step):
        if step is None:
            accessibility(page, "the outcome")

    return on_page


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_in_english_with_javascript(
    browser_page, live_server, frozen_now, accessibility, scenario
):
    page = browser_page
    walk(
        page,
        f"{live_server.url}/en/",
        scenario["answers"],
        javascript=True,
        on_page=audit_outcome(accessibility),
    )
    expected = scenario["expect"].get("appeal.deadline")
    check_outcome(page, live_server, scenario["answers"], "en", expected)


@pytest.mark.no_javascript
@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_in_french_without_javascript(
    browser_page, live_server, frozen_now, accessibility, scenario
):
    page = browser_page
    walk(
        page,
        f"{live_server.url}/",
        scenario["answers"],
        javascript=False,
        on_page=audit_outcome(accessibility),
    )
    expected = scenario["expect"].get("appeal.deadline")
    check_outcome(page, live_server, scenario["answers"], "fr", expected)


@pytest.mark.parametrize(("answers", "audited"), AUDITED_WALKS.values(), ids=AUDITED_WALKS.keys())
def test_every_question_with_javascript_has_no_axe_violation(
    browser_page, live_server, frozen_now, accessibility, answers, audited
):
    def on_page(page, step):
        if step is None or audited is ALL or audited & set(state(page)["steps"]):
            accessibility(page, step or "the outcome")

    walk(browser_page, f"{live_server.url}/", answers, javascript=True, on_page=on_page)
    check_outcome(browser_page, live_server, answers, "fr")


@pytest.mark.no_javascript
def test_every_kind_of_question_without_javascript_has_no_axe_violation(
    browser_page, live_server, frozen_now, accessibility
):
    """The first page of each kind: choices, lists, a date or a time with "I don't know", several
    choices, a number; and the outcome (every outcome is audited without JavaScript above)."""
    kinds = set()

    def on_page(page, step):
        shown = set(state(page)["kinds"].values()) if step else {"outcome"}
        if shown - kinds:
            kinds.update(shown)
            accessibility(page, step or "the outcome")

    walk(
        browser_page,
        f"{live_server.url}/",
        DETENTION_LATER_FAMILY,
        javascript=False,
        on_page=on_page,
    )
    assert kinds == {"radio", "select", "date", "time", "checkbox", "text", "outcome"}


def test_the_audited_walks_reach_every_question(client, frozen_now):
    audited = set()
    for answers, steps_audited in AUDITED_WALKS.values():
        client.cookies.clear()
        steps, outcome = walk_with_test_client(client, answers)
        assert outcome.status_code == 200
        if steps_audited is not ALL:
            assert steps_audited <= set(steps)
        audited.update(steps if steps_audited is ALL else steps_audited)
    assert [step.name for step in STEPS if step.name not in audited] == []


@pytest.mark.parametrize(
    "javascript", [True, pytest.param(False, marks=pytest.mark.no_javascript)], ids=["on", "off"]
)
def test_an_answer_missing_shows_the_error_without_axe_violation(
    browser_page, live_server, frozen_now, accessibility, javascript
):
    page = browser_page
    page.goto(f"{live_server.url}/questions/measure/")
    if javascript:
        page.locator("form.step button[type=submit]").click()
        page.locator(".error-summary").wait_for()
    else:
        with page.expect_navigation():
            page.locator("form.step button[type=submit]").click()
    shown = state(page)
    assert shown["step"] == "measure"
    assert shown["errors"]
    assert page.locator("#id_measure-measure_0[aria-invalid], .question--error").count()
    accessibility(page, "measure, unanswered")
    # The error summary's link leads to the first choice.
    href = page.locator(".error-summary a").first.get_attribute("href")
    assert page.locator(href).count() == 1
