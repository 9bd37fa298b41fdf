"""Every source of an outcome links to its entry on the law page (`/droit/`), found from the
citation itself in rules/law/ (generated, never typed); the words of the sources stay the same."""

import html
import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from rules import lawbook
from rules.engine import calendar, law
from rules.engine.answers import parse
from rules.engine.outcome import evaluate
from rules.presentation import distinct_sources, present
from tests.helpers import CASES, NOW, to_json

LIST = re.compile(r'<ul class="sources__list" lang="fr" dir="ltr">(.*?)</ul>', re.S)
ITEM = re.compile(r"<li>(.*?)</li>", re.S)
LINK = re.compile(r'^<a href="(?P<path>[^"#]+)#(?P<anchor>[^"]+)">(?P<text>.*)</a>$', re.S)
# The sources that live outside rules/law/: the statutory holidays (rules/engine/calendar.py).
OUTSIDE_THE_LAW_FILES = {calendar.SOURCE}


def rendered(case, language):
    answers = parse({k: to_json(v) for k, v in case["answers"].items()}, NOW)
    with translation.override(language):
        outcome = evaluate(answers, NOW)
        return outcome, render_to_string("rules/outcome.html", {"outcome": outcome})


@pytest.fixture(scope="module")
def law_ids():
    page = Client().get("/droit/").content.decode()
    return set(re.findall(r' id="(law-[^"]+)"', page))


@pytest.mark.parametrize(
    ("case", "language"),
    [(case, language) for case in CASES for language in ("fr", "en")],
    ids=[f"{case['name']}-{language}" for case in CASES for language in ("fr", "en")],
)
def test_each_source_of_an_outcome_links_to_its_entry_on_the_law_page(case, language, law_ids):
    outcome, page = rendered(case, language)
    items = [item for found in LIST.findall(page) for item in ITEM.findall(found)]
    assert items or not (outcome.sources or outcome.warnings)
    law_page = "/droit/" if language == "fr" else "/en/droit/"
    for item in items:
        link = LINK.match(item)
        if link is None:
            assert html.unescape(item) in OUTSIDE_THE_LAW_FILES
            continue
        assert link["path"] == law_page
        assert link["anchor"] in law_ids


@pytest.mark.parametrize("case", CASES[:5], ids=[case["name"] for case in CASES[:5]])
def test_the_sources_words_are_unchanged_by_the_links(case):
    outcome, page = rendered(case, "en")
    last_list = LIST.findall(page)[-1]
    shown = [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in ITEM.findall(last_list)]
    assert shown == distinct_sources(present(outcome)["sources"])


def test_a_citation_is_found_in_the_file_that_holds_it():
    assert lawbook.entry_of("CESEDA L. 612-1").startswith("law-statements-")
    free = law.parameter("oqtf/appeal_free").history[0]
    assert lawbook.entry_of(free.source[0]) == "law-oqtf-appeal_free-2024-07-15"
    assert lawbook.entry_of("a source nowhere in the law files") is None


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_folded_sources_of_the_deadline_and_the_protection_list_their_articles(case):
    """Each part's own sources, one per line (a template variable cannot span two lines)."""
    outcome, page = rendered(case, "en")
    assert "{{" not in page
    folded = re.findall(r'<details class="cite">.*?</details>', page, re.S)
    cited = {
        html.unescape(re.sub(r"<[^>]+>", "", item)) for f in folded for item in ITEM.findall(f)
    }
    for part in (outcome.appeal, outcome.protection):
        for source in distinct_sources(list(getattr(part, "sources", ()) or ())):
            assert source in cited
