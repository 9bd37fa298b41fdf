"""The help desk's page, /guichet/: every question of a case on one page, the outcome under it,
nothing stored."""

import re

import pytest

from questionnaire.steps import STEPS
from rules.engine.answers import ANSWER_IDS
from rules.engine.model import outcome_json
from tests.helpers import CASES, api_outcome, case, walk_desk, with_place

COMMON = case("OQTF 2025, free, Paris - one month, franc")
# The fields of the page that are not answers: the token, the button pressed, what was shown.
CONTROLS = {"csrfmiddlewaretoken", "action", "asked", "layout"}
# The places the API names `departement` are asked in these steps, each under its own name.
PLACE_NAMES = {"former_place", "centre", "held_in"}
COMMON_FIELDS = {
    "measure": "oqtf",
    "eu_citizen": "false",
    "departement": "75",
    "decided_on_day": "10",
    "decided_on_month": "3",
    "decided_on_year": "2025",
    "notified_by": "hand",
    "notified_on_day": "10",
    "notified_on_month": "3",
    "notified_on_year": "2025",
    "restriction": "none",
    "departure_period": "given",
    "ground": "permit_refused",
    "age_under_18": "false",
}


def form_names(response):
    form = re.search(r'<form class="desk__form.*?</form>', response.content.decode(), re.DOTALL)
    return set(re.findall(r'name="([^"]+)"', form.group(0)))


def bare(name):
    return re.sub(r"_(day|month|year)$", "", name)


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["in French", "in English"])
def test_the_blank_page_asks_the_common_questions_under_the_api_answer_ids(client, prefix):
    response = client.get(f"{prefix}/guichet/")
    assert response.status_code == 200
    names = {bare(name) for name in form_names(response)} - CONTROLS
    assert names <= set(ANSWER_IDS) | PLACE_NAMES
    assert {"measure", "decided_on", "notified_by", "notified_on", "departement"} <= names
    assert {"decided_on_day", "decided_on_month", "decided_on_year"} <= form_names(response)


def test_every_step_form_has_one_field_so_that_it_can_be_named_after_its_question():
    assert all(len(step.form.base_fields) == 1 for step in STEPS)


def test_the_common_case_gets_its_outcome_in_one_submission(client, frozen_now):
    submissions, response = walk_desk(client, COMMON["answers"])
    assert submissions == 1
    assert outcome_json(response.context["outcome"]) == api_outcome(
        client, with_place(COMMON["answers"])
    )


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_gets_the_apis_whole_outcome_in_at_most_three_submissions(
    client, frozen_now, scenario
):
    submissions, response = walk_desk(client, scenario["answers"])
    assert submissions <= 3
    found = outcome_json(response.context["outcome"])
    expected = api_outcome(client, with_place(scenario["answers"]))
    assert found == expected


def test_a_posted_answer_is_never_put_in_a_cookie(client, frozen_now):
    client.get("/guichet/")
    response = client.post("/guichet/", {**COMMON_FIELDS, "action": "result"})
    assert response.context["outcome"] is not None
    assert set(response.cookies) <= {"csrftoken"}
    assert set(client.cookies) <= {"csrftoken"}
    for morsel in client.cookies.values():
        assert "2025" not in morsel.value
        assert "oqtf" not in morsel.value


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_page_is_never_kept_by_a_browser_or_a_proxy(client, frozen_now, method):
    response = getattr(client, method)("/guichet/", COMMON_FIELDS if method == "post" else None)
    assert "no-store" in response["Cache-Control"]


def test_a_bad_date_is_said_next_to_its_field_and_in_the_summary_and_nothing_is_lost(
    client, frozen_now
):
    data = {**COMMON_FIELDS, "notified_on_day": "31", "notified_on_month": "2", "action": "result"}
    response = client.post("/guichet/", data)
    html = response.content.decode()
    assert response.context.get("outcome") is None
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.DOTALL).group(0)
    assert 'href="#id_notified_on_day"' in summary
    assert 'id="id_notified_on-error"' in html
    assert 'name="ground" id="id_ground_2" value="permit_refused" checked' in html
    assert 'name="notified_on_day" id="id_notified_on_day" value="31"' in html


def test_a_question_left_blank_is_an_error_only_when_the_result_is_asked_for(client, frozen_now):
    data = {key: value for key, value in COMMON_FIELDS.items() if key != "ground"}
    updating = client.post("/guichet/", {**data, "action": "update"})
    assert not updating.context["view"]["errors"]
    blank = client.get("/guichet/").context["desk"].shown
    asking = client.post("/guichet/", {**data, "action": "result", "asked": blank})
    assert [e["href"] for e in asking.context["view"]["errors"]] == ["#id_ground_0"]


def test_a_question_that_just_appeared_is_not_an_error_yet(client, frozen_now):
    data = {**COMMON_FIELDS, "restriction": "detention_centre", "action": "result"}
    data["asked"] = client.get("/guichet/").context["desk"].shown
    response = client.post("/guichet/", data)
    assert "centre" in response.context["desk"].shown
    assert not response.context["view"]["errors"]
    assert response.context.get("outcome") is None


def test_with_htmx_the_questions_come_again_only_when_they_change(client, frozen_now):
    blank = client.get("/guichet/").context["desk"]
    same = client.post(
        "/guichet/", {"measure": "oqtf", "layout": blank.layout}, HTTP_HX_REQUEST="true"
    )
    assert 'id="desk-questions"' not in same.content.decode()
    changed = client.post(
        "/guichet/", {"measure": "expulsion", "layout": blank.layout}, HTTP_HX_REQUEST="true"
    )
    html = changed.content.decode()
    assert 'id="desk-questions" hx-swap-oob="true"' in html
    assert 'name="expulsion_stage"' in html
    assert 'name="ground"' not in html


def test_the_outcome_links_each_answer_to_its_field_on_the_page(client, frozen_now):
    response = client.post("/guichet/", {**COMMON_FIELDS, "action": "result"})
    rows = {row["step"]: row["change_url"] for row in response.context["answer_rows"]}
    assert rows["ground"] == "#id_ground_0"
    assert rows["decided_on"] == "#id_decided_on_day"


def test_the_sheet_in_two_languages_is_made_from_the_posted_answers(client, frozen_now):
    outcome = client.post("/guichet/", {**COMMON_FIELDS, "action": "result"})
    fields = {}
    for name, value in outcome.context["hidden_answers"]:
        fields.setdefault(name, []).append(value)
    client.cookies.clear()
    sheet = client.post("/guichet/print/", fields)
    html = sheet.content.decode()
    assert sheet.status_code == 200
    assert "no-store" in sheet["Cache-Control"]
    assert 'lang="fr"' in html
    assert 'lang="en"' in html
    assert html.count('datetime="2025-04-11T23:59:00+02:00"') == 2
    assert set(sheet.cookies) <= {"csrftoken"}


def test_the_sheet_without_complete_answers_goes_back_to_the_empty_page(client, frozen_now):
    response = client.post("/guichet/print/", {"measure": "oqtf"})
    assert response.status_code == 302
    assert response["Location"] == "/guichet/"


def test_the_next_person_link_leads_to_the_empty_page(client, frozen_now):
    response = client.post("/guichet/", {**COMMON_FIELDS, "action": "result"})
    assert 'href="/guichet/" data-next-person' in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"measure": "x" * 5000},
        {"decided_on_day": "٣", "decided_on_month": "-1", "decided_on_year": "99999"},
        {"decided_on": "2025-02-30", "measure": "oqtf", "eu_citizen": "false"},
        {"ties": ["married_french", "nonsense"], "marriage_years": "-4"},
        {"layout": "<script>", "asked": ["nothing", "measure"], "action": "result"},
        {"notified_at": "25:99", "notified_on": ["unknown", "2025-01-01"]},
    ],
    ids=[
        "a huge value",
        "broken dates",
        "no such day",
        "unknown choices",
        "forged controls",
        "bad time",
    ],
)
def test_bad_input_gets_the_page_again_never_a_server_error(client, frozen_now, data):
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        assert client.post("/guichet/", data, **headers).status_code == 200
        assert client.post("/guichet/print/", data, **headers).status_code == 302


def test_the_footer_links_to_the_help_desk_page(client):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/guichet/">Help desks: all questions on one page</a>' in html


def test_the_footer_says_this_page_keeps_nothing_not_even_in_the_browser(client):
    desk = client.get("/en/guichet/").content.decode()
    assert "Nothing you type on this page is kept: not on our server, not in this browser." in desk
    assert "Your answers stay in this browser" not in desk
    assert "Your answers stay in this browser" in client.get("/en/").content.decode()
