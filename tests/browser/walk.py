"""Walk the questionnaire in a real browser from a case's answers, reading which question is shown.

The walker reads which page is shown (the step form's management field) and the questions it asks
(its fields' names), answers them from the case, submits the page and waits: with JavaScript on,
for htmx to swap the next page in (no page load: the old form leaves the page, the region
settles, the address bar follows); with it off, for the next page to load. It stops on the
outcome page.

With JavaScript on, the answers are typed and clicked with Playwright's actions, which first check
that each element is visible, enabled and not covered. With JavaScript off every answer is a new
page, and those actions would pay for Playwright's injected helpers on each one, doubling the time
of the walks: the page's own DOM is set instead, as a person's clicks would set it, after the same
checks (shown, enabled), and the submit button is clicked.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import Page

# The place questions ask for a département or a centre; the cases give a territory.
from tests.helpers import (
    DATE_STEPS,
    PLACE_STEPS,
    date_parts,
    field_name,
    has_answer,
    posted_values,
    to_json,
)

STEP_FORM = "form.step"
SUBMIT = "form.step button[type=submit]"
# On the outcome page: the deadline to appeal; for a summons, the board's dates.
DEADLINE_TIME = "section[aria-labelledby=deadline-title] .deadline__when time[datetime]"
COMEX_TIMES = "section[aria-labelledby=comex-title] time[datetime]"

# What the page shows, read in one go: the page (named after its first question), the questions
# it asks and the kind of each (a date: its day box).
STATE = """(placeSteps) => {
    const form = document.querySelector("form.step");
    const management = form && form.querySelector("input[name=questionnaire-current_step]");
    const step = management ? management.value : null;
    const summary = document.querySelector(".error-summary");
    const steps = [];
    const kinds = {};
    if (form) {
        for (const field of form.querySelectorAll("[name]")) {
            const [prefix] = field.name.split("-");
            if (!field.name.includes("-") || prefix === "questionnaire" || prefix in kinds) {
                continue;
            }
            const own_name = placeSteps.includes(prefix) ? "departement" : prefix;
            const name = `${prefix}-${own_name}`;
            const own = form.querySelector(`[name="${name}"]`);
            const day = form.querySelector(`[name="${name}_day"]`);
            steps.push(prefix);
            kinds[prefix] = day ? "date" : own.tagName === "SELECT" ? "select" : own.type;
        }
    }
    return {
        step,
        steps,
        kinds,
        kind: steps.length ? kinds[steps[0]] : null,
        errors: summary ? summary.innerText : "",
        outcome: !!document.getElementById("outcome"),
        path: location.pathname,
    };
}"""
# htmx has swapped the next question (or the outcome, or the errors) in, settled it, and put its
# address in the address bar.
SWAPPED = """(old) => {
    const region = document.getElementById("questionnaire");
    if (old.isConnected || !region) return false;
    for (const name of ["htmx-request", "htmx-swapping", "htmx-settling", "htmx-added"]) {
        if (region.classList.contains(name) || region.querySelector("." + name)) return false;
    }
    if (document.querySelector(".error-summary")) return true;
    const form = region.querySelector("form.step");
    if (form) return location.pathname === form.getAttribute("action");
    return !!document.getElementById("outcome") && location.pathname.endsWith("/outcome/");
}"""
# Without JavaScript: answer each question of the page as clicks and typing would, on elements a
# person can see and use, then press the form's button.
ANSWER_AND_SEND = """(answers) => {
    const form = document.querySelector("form.step");
    const usable = (element) => {
        if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) {
            throw new Error(`${element.outerHTML} is not shown`);
        }
        if (element.disabled) throw new Error(`${element.outerHTML} is disabled`);
        return element;
    };
    const labelOf = (input) => form.querySelector(`label[for="${input.id}"]`) || input;
    for (const [name, kind, values] of answers) {
    const fields = [...form.querySelectorAll(`[name="${name}"]`)];
    if (kind === "date") {
        const unknown = fields.find((box) => box.type === "checkbox" && box.value === "unknown");
        if (values.length === 1 && values[0] === "unknown") {
            usable(labelOf(unknown));
            unknown.checked = true;
            continue;
        }
        if (unknown) unknown.checked = false;
        ["_day", "_month", "_year"].forEach((part, index) => {
            const box = usable(form.querySelector(`[name="${name}${part}"]`));
            box.disabled = false;
            box.value = values[index];
        });
        continue;
    }
    if (!fields.length) throw new Error(`no field named ${name}`);
    const first = fields[0];
    if (first.tagName === "SELECT") {
        usable(first).value = values[0];
        if (first.value !== values[0]) throw new Error(`no option ${values[0]} in ${name}`);
    } else if (first.type === "radio") {
        const radio = fields.find((field) => field.value === values[0]);
        if (!radio) throw new Error(`no choice ${values[0]} in ${name}`);
        usable(labelOf(radio));
        radio.checked = true;
    } else if (first.type === "checkbox") {
        for (const box of fields) {
            if (box.checked !== values.includes(box.value)) {
                usable(labelOf(box));
                box.checked = !box.checked;
            }
        }
        const missing = values.filter((value) => !fields.some((box) => box.value === value));
        if (missing.length) throw new Error(`no choice ${missing} in ${name}`);
    } else {
        const unknown = fields.find((box) => box.type === "checkbox" && box.value === "unknown");
        if (values.length === 1 && values[0] === "unknown") {
            usable(labelOf(unknown));
            unknown.checked = true;
        } else {
            if (unknown) unknown.checked = false;
            usable(first).value = values[0];
            if (first.value !== values[0]) throw new Error(`${name} refused ${values[0]}`);
        }
    }
    }
    usable(form.querySelector("button[type=submit]")).click();
}"""


def values_for(step: str, answers: dict, places: dict | None = None) -> list[str]:
    """The values a person would enter on `step` for a case's answers; for a date, its day, month
    and year, or `unknown`.

    `places` overrides the place steps, e.g. {"departement": "57", "centre": "metz"}.
    """
    if places and step in places:
        return [places[step]]
    values = [str(value) for value in posted_values(step, answers)]
    if step in DATE_STEPS and values != ["unknown"]:
        return date_parts(values[0])
    return values


def page_answers(now: dict, answers: dict, places: dict | None = None) -> list[tuple]:
    """(step, kind, values) for each question of the page shown that the case answers."""
    return [
        (step, now["kinds"][step], values_for(step, answers, places))
        for step in now["steps"]
        if has_answer(step, answers) or (places and step in places)
    ]


def state(page: Page) -> dict:
    return page.evaluate(STATE, list(PLACE_STEPS))


def fill(page: Page, step: str, kind: str, values: list[str]) -> None:
    """Enter `values` in the step's field with Playwright's actions, as a person would."""
    name = field_name(step)
    form = page.locator(STEP_FORM)
    if kind == "select":
        form.locator(f'select[name="{name}"]').select_option(values[0])
    elif kind == "radio":
        form.locator(f'input[name="{name}"][value="{values[0]}"]').check()
    elif kind == "checkbox":
        # Several choices, ticked exactly as given (ticking none is an answer too): a click on
        # each box to change.
        boxes = form.locator(f'input[name="{name}"]')
        ticked = dict(boxes.evaluate_all("boxes => boxes.map((box) => [box.value, box.checked])"))
        missing = set(values) - set(ticked)
        assert not missing, f"no choice {missing} in {name}"
        for value, checked in ticked.items():
            if checked != (value in values):
                boxes.and_(form.locator(f'[value="{value}"]')).set_checked(value in values)
    elif kind in ("date", "time"):
        unknown = form.locator(f'input[type=checkbox][name="{name}"][value="unknown"]')
        if values == ["unknown"]:
            unknown.check()
        else:
            if unknown.count() and unknown.is_checked():
                unknown.uncheck()
            if kind == "date":
                for part, value in zip(("_day", "_month", "_year"), values, strict=True):
                    form.locator(f'input[name="{name}{part}"]').fill(value)
            else:
                form.locator(f'input[type={kind}][name="{name}"]').fill(values[0])
    else:
        form.locator(f'input[name="{name}"]').fill(values[0])


def send(page: Page) -> None:
    """With JavaScript on: press the step's button, wait for htmx to show what comes next."""
    old = page.locator(STEP_FORM).element_handle()
    page.locator(SUBMIT).click()
    page.wait_for_function(SWAPPED, arg=old)
    old.dispose()


def answer(page: Page, given: list[tuple], *, javascript: bool) -> dict:
    """Answer the questions shown, (step, kind, values) each, and send the page; returns the state
    of what is shown next."""
    if javascript:
        for step, kind, values in given:
            fill(page, step, kind, values)
        send(page)
    else:
        with page.expect_navigation():
            fields = [[field_name(step), kind, values] for step, kind, values in given]
            page.evaluate(ANSWER_AND_SEND, fields)
    return state(page)


def walk(
    page: Page,
    start_url: str | None,
    answers: dict,
    *,
    javascript: bool,
    places: dict | None = None,
    on_page: Callable[[Page, str | None], None] | None = None,
    until: Callable[[str], bool] | None = None,
) -> list[str]:
    """Answer every question shown, from `start_url` (None: the page as it is), to the outcome.

    `on_page(page, step)` runs on every page reached, `step` naming the page (its first question;
    None: the outcome). When `until(step)` is true, the walk stops on that page, unanswered.
    Returns the steps answered, page after page. With JavaScript on, no page is loaded on the way:
    htmx swaps each page in.
    """
    if start_url is not None:
        page.goto(start_url)
    loaded: list[str] = []

    def on_request(request):
        if request.resource_type == "document" and request.frame == page.main_frame:
            loaded.append(request.url)

    page.on("request", on_request)
    try:
        steps = _answer_all(page, answers, javascript, places, on_page, until)
    finally:
        page.remove_listener("request", on_request)
    if javascript:
        assert loaded == [], f"pages loaded instead of swapped in by htmx: {loaded}"
    return steps


def _answer_all(page, answers, javascript, places, on_page, until):
    steps: list[str] = []
    now = state(page)
    while not now["outcome"]:
        step = now["step"]
        assert step, f"no question and no outcome at {page.url}"
        if on_page:
            on_page(page, step)
        if until and until(step):
            return steps
        assert not set(now["steps"]) & set(steps), f"asked {now['steps']} twice: {steps}"
        steps.extend(now["steps"])
        given = page_answers(now, answers, places)
        now = answer(page, given, javascript=javascript)
        assert not now["errors"], f"{given} refused: {now['errors']}"
    assert now["path"].endswith("/outcome/"), f"the outcome shown at {now['path']}"
    if on_page:
        on_page(page, None)
    return steps


def api_outcome(page: Page, base_url: str, answers: dict) -> dict:
    """The JSON API's outcome for the same answers, asked through the live server."""
    body = {key: to_json(value) for key, value in answers.items()}
    response = page.request.post(
        f"{base_url}/api/v1/outcome",
        data=json.dumps(body),
        headers={"Content-Type": "application/json"},
    )
    assert response.ok, response.text()
    return response.json()


def shown_deadline(page: Page) -> str | None:
    """The deadline to appeal the outcome page marks up, or None when it shows none."""
    times = page.locator(DEADLINE_TIME)
    assert times.count() <= 1, "more than one deadline to appeal"
    return times.get_attribute("datetime") if times.count() else None


def shown_comex_dates(page: Page) -> list[str | None]:
    return [time.get_attribute("datetime") for time in page.locator(COMEX_TIMES).all()]
