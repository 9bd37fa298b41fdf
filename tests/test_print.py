"""The printed sheet: the outcome in French, for the court, then in the page's language (English
from a French page), for the person, on one document (/outcome/print/); and the parts of the
outcome page that show only on paper."""

import re
from collections import Counter
from datetime import UTC, datetime
from http.cookies import SimpleCookie

import pytest
from django.utils import translation

from questionnaire.storage import COOKIE_NAME
from tests.helpers import CASES, PREFIXES, RIGHT_TO_LEFT, api_deadline, case, walk

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")
SUMMONED = case("Summoned before the expulsion board - the board's timetable")
PART = re.compile(r'<article class="sheet" lang="([\w-]+)" dir="(\w+)">(.*?)</article>', re.S)


def parts(html):
    """(language, text) of each part of the sheet, each part's direction checked on the way."""
    found = PART.findall(html)
    for language, direction, _text in found:
        assert direction == ("rtl" if language in RIGHT_TO_LEFT else "ltr")
    return [(language, text) for language, _direction, text in found]


def print_page(client, scenario, language_prefix=""):
    walk(client, scenario["answers"], language_prefix)
    return client.get(f"{language_prefix}/outcome/print/")


@pytest.mark.parametrize(("language", "language_prefix"), PREFIXES.items(), ids=PREFIXES.keys())
def test_the_sheet_has_french_then_the_page_language_or_english_from_a_french_page(
    client, frozen_now, language, language_prefix
):
    response = print_page(client, PARIS_FREE, language_prefix)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="' in html
    second = "en" if language == "fr" else language
    (fr_lang, french), (second_lang, other) = parts(html)
    assert (fr_lang, second_lang) == ("fr", second)
    assert "Votre résultat" in french
    with translation.override(second):
        assert translation.gettext("Your result") in other
        assert translation.gettext("Your deadline to appeal") not in french


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_prints_the_api_deadline_in_both_languages(client, frozen_now, scenario):
    html = print_page(client, scenario).content.decode()
    deadline = api_deadline(client, scenario["answers"])
    for _language, part in parts(html):
        if deadline:
            assert f'<time datetime="{deadline}">' in part
        assert 'class="answers"' in part
        assert 'class="sources"' in part


def test_the_summons_prints_the_boards_timetable_in_both_languages(client, frozen_now):
    html = print_page(client, SUMMONED).content.decode()
    for _language, part in parts(html):
        assert '<time datetime="2026-12-01">' in part


def test_the_sheet_is_never_cached_and_leaves_the_answers_as_they_were(client, frozen_now):
    response = print_page(client, PARIS_FREE)
    assert "no-store" in response["Cache-Control"]
    assert COOKIE_NAME not in response.cookies


def test_each_part_has_lines_to_write_a_name_and_a_case_number_by_hand(client, frozen_now):
    html = print_page(client, PARIS_FREE, "/en").content.decode()
    (_fr, french), (_en, english) = parts(html)
    for part in (french, english):
        assert part.count('class="write-in__line"') == 2
    assert "Name:" in english
    assert "Case number:" in english


def test_each_part_says_when_it_was_printed_in_paris_time(client, frozen_now):
    frozen_now.set(datetime(2026, 12, 20, 22, 30, tzinfo=UTC))
    html = print_page(client, PARIS_FREE).content.decode()
    (_fr, french), (_en, english) = parts(html)
    # The hour sits in a left-to-right island, so that it reads the same in every script.
    hour = '<bdi dir="ltr">23:30</bdi>'
    assert f"Printed on Sunday 20 December 2026 at {hour} (Paris time)." in english
    assert "dimanche 20 décembre 2026" in french


def test_each_part_shows_the_rules_applied_and_when_they_were_checked(client, frozen_now):
    html = print_page(client, PARIS_FREE).content.decode()
    english = parts(html)[1][1]
    assert "Rules applied: rules for OQTF decisions taken from 15 July 2024." in english
    assert "These rules were last checked on" in english


def test_the_sheet_has_no_change_links_and_no_calendar_link(client, frozen_now):
    frozen_now.set(datetime(2025, 3, 12, 9, 0, tzinfo=UTC))
    html = print_page(client, PARIS_FREE).content.decode()
    for _language, part in parts(html):
        assert "/questions/" not in part
        assert "deadline.ics" not in part


def test_the_ids_of_the_two_parts_do_not_clash(client, frozen_now):
    html = print_page(client, PARIS_FREE).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    for label in re.findall(r'aria-labelledby="([^"]+)"', html):
        assert ids[label] == 1


def test_the_sheet_asks_to_print_through_the_script_and_says_how_without_it(client, frozen_now):
    html = print_page(client, PARIS_FREE, "/en").content.decode()
    assert "data-print-on-load" in html
    assert re.search(r"<button[^>]*data-print hidden", html)
    assert "Ctrl+P" in html
    assert 'href="/en/outcome/"' in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)
    assert " style=" not in html


def test_without_answers_the_sheet_goes_to_the_outcome_which_asks_the_questions(client, frozen_now):
    response = client.get("/en/outcome/print/")
    assert response["Location"] == "/en/outcome/"


def test_a_tampered_cookie_gives_no_sheet(client, frozen_now):
    client.cookies = SimpleCookie({COOKIE_NAME: "garbage"})
    response = client.get("/outcome/print/")
    assert response["Location"] == "/outcome/"


def test_after_finish_and_clear_there_is_no_sheet(client, frozen_now):
    walk(client, PARIS_FREE["answers"])
    client.post("/clear/")
    assert client.get("/outcome/print/").status_code == 302


@pytest.mark.parametrize("language_prefix", ["", "/en"], ids=["in French", "in English"])
def test_the_outcome_page_offers_the_sheet_in_both_languages_and_prints_its_own_head(
    client, frozen_now, language_prefix
):
    _steps, outcome = walk(client, PARIS_FREE["answers"], language_prefix)
    html = outcome.content.decode()
    assert f'href="{language_prefix}/outcome/print/"' in html
    assert re.search(r"<button[^>]*data-print hidden", html)
    assert 'class="sheet-head print-only"' in html
    assert html.count('class="write-in__line"') == 2
