"""The outcome as the page shows it, rendered by rules for every public case."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from rules.engine.answers import parse
from rules.engine.model import outcome_json
from rules.engine.outcome import evaluate
from tests.helpers import CASES, NOW, to_json


def outcome_for(case):
    answers = parse({k: to_json(v) for k, v in case["answers"].items()}, NOW)
    return evaluate(answers, NOW)


def render(outcome, language):
    with translation.override(language):
        return render_to_string("rules/outcome.html", {"outcome": outcome, "answer_rows": []})


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_page_shows_the_api_deadline_and_every_warning(case, language):
    outcome = outcome_for(case)
    html = render(outcome, language)
    data = outcome_json(outcome)
    deadline = data["appeal"]["deadline"]
    if deadline and not data["comex"]["summoned_on"]:
        assert f'<time datetime="{deadline}">' in html
    for warning in data["warnings"]:
        assert f'data-warning="{warning}"' in html


def test_the_answer_says_in_order_when_whether_removal_stops_and_where_to_file():
    """Guyane, where an appeal does not stop removal: the deadline block holds the warning about
    the deadline on one line, the last minute, the earlier instant online, that removal is not
    stopped with what to do today, and the court; the explanations after, folded."""
    case = next(c for c in CASES if c["name"].startswith("House arrest in Guyane"))
    outcome = outcome_for(case)
    html = render(outcome, "en")
    block = html[html.index('<section class="deadline answer"') :]
    block = block[: block.index("</section>")]
    order = [
        "This deadline may be shorter: file your appeal as early as you can.",
        f'<time datetime="{outcome_json(outcome)["appeal"]["deadline"]}">',
        'data-warning="paris_timestamp"',
        "This appeal does not stop your removal.",
        'data-warning="overseas_act_now"',
        "Tribunal administratif de la Guyane",
        '<details class="more">',
        "New decrees published in June 2026",
    ]
    positions = [block.index(words) for words in order]
    assert positions == sorted(positions)


def test_the_days_skipped_are_named_in_the_page_language():
    case = next(c for c in CASES if "27 May holiday" in c["name"])
    assert "Abolition de l'esclavage" in render(outcome_for(case), "fr").replace("&#x27;", "'")
    assert "Abolition of Slavery" in render(outcome_for(case), "en")


def test_the_summons_shows_the_boards_timetable():
    case = next(c for c in CASES if c["name"].startswith("Summoned"))
    html = render(outcome_for(case), "en")
    assert '<time datetime="2026-12-01">' in html
    assert '<time datetime="2026-12-16">' in html
    assert not re.search(r"File your appeal by", html)


def test_the_court_is_named_with_a_link_to_its_site():
    case = next(c for c in CASES if "Guadeloupe, person free" in c["name"])
    html = render(outcome_for(case), "fr")
    assert "<strong>Tribunal administratif de la Guadeloupe</strong>" in html
    assert 'href="https://' in html


def test_french_writes_the_first_of_the_month_1er():
    case = next(c for c in CASES if c["name"].startswith("One month ending on a Sunday"))
    html = render(outcome_for(case), "fr")
    assert "lundi 1er juin 2026" in html
    assert "Monday 1 June 2026" in render(outcome_for(case), "en")
