"""The map of the questions (`/questions/carte/`, `/api/v1/questions`) is generated from the
questionnaire's own conditions: the stored map is what they give, a changed condition changes
it, and every edge of it, walked through the real wizard, reaches the node the map says."""

import dataclasses
import html

import pytest
from django.test import Client

from questionnaire import question_map, steps
from questionnaire.steps import PAGE_OF, PAGES, STEPS
from tests.helpers import MANAGEMENT, NOW, posted_fields, shown_steps

DATA = question_map.stored()
EDGES = DATA["edges"]


def edge_id(edge):
    return f"{edge['from']}={edge['answer'] or 'none'}->{edge['to']}"


def test_the_stored_map_is_what_the_conditions_give():
    """`make question-map` writes it; this fails when a condition changed and it was not run."""
    assert question_map.generate() == question_map.MAP_FILE.read_text(encoding="utf-8")


def test_every_step_is_a_node_with_its_answers_and_leads_somewhere():
    nodes = {node["id"]: node for node in DATA["nodes"]}
    assert [s.name for s in STEPS if s.name in nodes] == [s.name for s in STEPS]
    sources = {edge["from"] for edge in EDGES}
    assert sources == {s.name for s in STEPS}
    for node in nodes.values():
        if node["kind"] == "question":
            assert node["answers"]
    assert {edge["to"] for edge in EDGES} <= set(nodes)


def test_the_branches_on_territory_detention_ties_and_the_decision_date_are_there():
    edges = {(e["from"], e["answer"], e["to"]) for e in EDGES}
    assert ("restriction", "detention_centre", "centre") in edges
    assert ("departement", "abroad", "former_place") in edges
    assert ("decided_on", "2021-04-30", "outcome:out_of_scope_before_2021") in edges
    assert ("ties", "married_french", "marriage_years") in edges
    collectivity = [e for e in EDGES if e["to"] == "outcome:out_of_scope_other_collectivity"]
    assert any(["departement", ["WF"]] in e["witness"] for e in collectivity)


def targets_of(data, source, answer):
    return {e["to"] for e in data["edges"] if (e["from"], e["answer"]) == (source, answer)}


def test_a_condition_changed_in_a_copy_changes_the_map():
    first = STEPS[:4]  # measure, eu_citizen, expulsion_stage, authority
    before = question_map.as_json(question_map.explore(NOW, first), first)
    # Asked of every non-EU citizen, OQTF or not.
    changed = (*first[:2], dataclasses.replace(first[2], asked=steps.not_eu_citizen), first[3])
    after = question_map.as_json(question_map.explore(NOW, changed), changed)
    assert len(targets_of(before, "eu_citizen", "false")) == 2
    assert targets_of(after, "eu_citizen", "false") == {"expulsion_stage"}


@pytest.mark.parametrize("path", ["/questions/carte/", "/en/questions/carte/"])
def test_the_page_lists_every_question_and_every_edge(path):
    page = html.unescape(Client().get(path).content.decode())
    for step in STEPS:
        assert f'<li id="q-{step.name}">' in page
    for edge in EDGES:
        if not edge["to"].startswith("outcome:"):
            assert f'href="#q-{edge["to"]}"' in page
    assert "<svg" in page
    assert page.count("<path ") == len({(e["from"], e["to"]) for e in EDGES})


def test_the_api_gives_the_graph_cacheable_for_a_day():
    client = Client()
    response = client.get("/api/v1/questions")
    data = response.json()
    assert [(e["from"], e["answer"], e["to"]) for e in data["edges"]] == [
        (e["from"], e["answer"], e["to"]) for e in EDGES
    ]
    assert response["Cache-Control"] == "public, max-age=86400"
    assert client.get("/api/v1/questions", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def walk_to(client, witness):
    """Post the witness's answers page by page; the response to the last page."""
    by_page: dict[str, dict] = {}
    for step, values in witness:
        by_page.setdefault(PAGE_OF[step], {}).update(posted_fields(step, values))
    response = None
    for index, (page, fields) in enumerate(by_page.items()):
        response = client.post(f"/questions/{page}/", {MANAGEMENT: page, **fields})
        if index < len(by_page) - 1:
            assert response.status_code == 302, (page, response.content.decode()[:300])
    return response


@pytest.mark.parametrize("edge", EDGES, ids=[edge_id(e) for e in EDGES])
def test_each_edge_walked_through_the_wizard_reaches_the_node_the_map_says(edge, frozen_now):
    client = Client()
    response = walk_to(client, edge["witness"])
    source, target = edge["from"], edge["to"]
    if target.startswith("outcome:"):
        assert response.status_code == 302
        assert response["Location"].endswith("/outcome/")
        assert client.get(response["Location"]).status_code == 200
    elif PAGE_OF[target] == PAGE_OF[source]:
        # The page comes back, asking the next question it holds; a question that may be left
        # blank (no box ticked) is answered so, and the page then shows it as answered.
        if response.status_code == 302:
            response = client.get(f"/questions/{PAGE_OF[source]}/")
        shown = shown_steps(response.content.decode())
        assert shown[shown.index(source) + 1] == target
    else:
        assert response.status_code == 302
        assert response["Location"].endswith(f"/questions/{PAGE_OF[target]}/")
        shown = shown_steps(client.get(response["Location"]).content.decode())
        assert target in shown
        answered = {step for step, _values in edge["witness"]}
        assert (
            next(step for step in PAGES[PAGE_OF[target]] if step in shown and step not in answered)
            == target
        )
