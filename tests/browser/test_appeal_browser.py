"""The appeal's request in Chromium: the page of questions filled in as a person would, with
JavaScript and without, the request printed on A4 on at most two pages, the documents to attach
on a page of their own, axe-clean, and nothing of the person in the browser's cookies."""

import re

import pytest

from questionnaire.storage import COOKIE_NAME
from rules.engine import appeal_request as rq
from rules.engine.answers import parse
from rules.engine.outcome import evaluate
from tests.helpers import CASES, NOW, to_json, walk

PAGE = re.compile(rb"/Type\s*/Page[^s]")


def has_deadline(scenario):
    answers = parse({k: to_json(v) for k, v in scenario["answers"].items()}, NOW)
    return rq.procedure(evaluate(answers, NOW)) is not None


WITH_DEADLINE = [c for c in CASES if has_deadline(c)]
PARIS_FREE = CASES[0]


def pages(pdf):
    return len(PAGE.findall(pdf))


def answered(client, page, live_server, scenario, language=""):
    walk(client, scenario["answers"], language)
    page.context.add_cookies(
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
    return page


def fill_in(page):
    page.fill("#id_family_name", "Zorglubova")
    page.fill("#id_given_name", "Amina")
    page.fill("#id_birth_date_day", "7")
    page.fill("#id_birth_date_month", "2")
    page.fill("#id_birth_date_year", "1991")
    page.fill("#id_nationality", "tunisienne")
    page.fill("#id_address", "12 rue Quelconque, 75011 Paris")
    page.fill("#id_interpreter_language", "arabe (dialecte tunisien)")
    for ground in ("insufficient_reasons", "private_family_life"):
        page.check(f'input[name="grounds"][value="{ground}"]')
    page.click("button[type=submit] >> text=/requête|request/i")


def printed(page, keep):
    """The PDF of the page with only the parts `keep` (CSS selectors) left in."""
    page.emulate_media(media="print")
    page.evaluate(
        "(keep) => document.querySelectorAll('article.request, section.checklist').forEach("
        "(part) => { part.hidden = !keep.some((selector) => part.matches(selector)); })",
        keep,
    )
    return page.pdf(format="A4", prefer_css_page_size=True)


@pytest.mark.parametrize("scenario", WITH_DEADLINE, ids=[c["name"] for c in WITH_DEADLINE])
def test_the_request_prints_on_at_most_two_pages_then_the_documents_on_their_own(
    client, frozen_now, live_server, browser_page, scenario, accessibility
):
    page = answered(client, browser_page, live_server, scenario)
    page.goto(live_server.url + "/recours/")
    accessibility(page, "the appeal's questions")
    fill_in(page)
    page.wait_for_selector('article[data-document="annulment"]')
    assert page.get_by_text("ZORGLUBOVA Amina").first.is_visible()
    accessibility(page, "the request")
    annulment = printed(page, ['[data-document="annulment"]'])
    assert 1 <= pages(annulment) <= 2
    referee = page.locator('[data-document="referee"]').count()
    if referee:
        assert 1 <= pages(printed(page, ['[data-document="referee"]'])) <= 2
    checklist = printed(page, [".checklist"])
    assert pages(checklist) == 1
    everything = printed(page, ["[data-document]", ".checklist"])
    before = pages(annulment) + (
        pages(printed(page, ['[data-document="referee"]'])) if referee else 0
    )
    assert pages(everything) == before + 1  # the checklist starts a page of its own
    assert not page.locator(".appeal-guide").is_visible()
    names = " ".join(f"{c['name']}={c['value']}" for c in page.context.cookies()).lower()
    assert "zorglubova" not in names
    assert "1991" not in names


def test_in_english_the_checklist_carries_its_translation(
    client, frozen_now, live_server, browser_page
):
    page = answered(client, browser_page, live_server, PARIS_FREE, "/en")
    page.goto(live_server.url + "/en/recours/")
    fill_in(page)
    title = page.locator("#checklist-title")
    assert "Pièces à joindre" in title.inner_text()
    assert "Documents to attach" in title.inner_text()
    assert page.locator('article.request[lang="fr"]').count() == 1
    assert page.get_by_role("button", name="Print the request").is_visible()


@pytest.mark.no_javascript
def test_without_javascript_the_request_is_made_and_its_docx_downloads(
    client, frozen_now, live_server, browser_page, accessibility
):
    page = answered(client, browser_page, live_server, PARIS_FREE, "/en")
    page.goto(live_server.url + "/en/recours/")
    fill_in(page)
    assert page.get_by_text("REQUÊTE EN ANNULATION").is_visible()
    assert not page.get_by_role("button", name="Print the request").is_visible()
    accessibility(page, "the request without JavaScript")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download to edit (.docx)").click()
    assert download.value.suggested_filename.endswith(".docx")
