"""The questionnaire, walked with the test client as a person would: one POST per question."""

from datetime import UTC, datetime
from http.cookies import SimpleCookie

import pytest
from django.core import signing

from questionnaire.storage import COOKIE_NAME
from tests.helpers import (
    CASES,
    MANAGEMENT,
    PREFIXES,
    answer_page,
    answer_step,
    api_deadline,
    api_outcome,
    case,
    change_answer,
    page_fields,
    sealed,
    shown_steps,
    stored,
    walk,
    walk_pages,
)

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")["answers"]
SUMMONED = case("Summoned before the expulsion board - the board's timetable")["answers"]
NOT_EU_OQTF = {"measure": ["oqtf"], "eu_citizen": ["false"]}


@pytest.mark.parametrize("language_prefix", PREFIXES.values(), ids=PREFIXES.keys())
@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_each_public_case_walked_through_the_questions_shows_the_api_deadline(
    client, frozen_now, scenario, language_prefix
):
    _steps, outcome = walk(client, scenario["answers"], language_prefix)
    html = outcome.content.decode()
    assert outcome.status_code == 200
    deadline = api_deadline(client, scenario["answers"])
    expected = scenario["expect"].get("appeal.deadline")
    if expected:
        assert deadline == expected
    if deadline:
        assert f'<time datetime="{deadline}">' in html
    else:
        assert 'id="deadline-title"' not in html


# The common case: an OQTF in Rhône, decided recently and handed over, a free person with 30 days
# to leave after a refused residence permit, of age and without ties: one month to appeal.
COMMON_CASE = {
    "measure": "oqtf",
    "eu_citizen": False,
    "territory": "metropole",
    "departement": "69",
    "decided_on": "2026-12-01",
    "notified_by": "hand",
    "notified_on": "2026-12-02",
    "restriction": "none",
    "departure_period": "given",
    "ground": "permit_refused",
    "age_under_18": False,
    "ties": [],
}


def screens(client, answers):
    """The pages a person sees, from the start page (which asks the first page's questions) to
    the outcome, both counted."""
    pages, outcome = walk_pages(client, answers)
    assert outcome.status_code == 200
    start = client.get("/").content.decode()
    assert shown_steps(start) == pages[0]
    return len(pages) + 1


def test_the_common_case_takes_at_most_eight_screens(client, frozen_now):
    assert screens(client, COMMON_CASE) <= 8
    outcome = client.get("/outcome/").content.decode()
    assert api_outcome(client, COMMON_CASE)["appeal"]["rule"] == "1_month"
    assert f'<time datetime="{api_deadline(client, COMMON_CASE)}">' in outcome


# Screens of each public case (start page to outcome, both counted) when each question had its
# own page, before the questions asked together shared one: no case may take longer.
SCREENS_BEFORE = {
    "OQTF 2025, free, Paris - one month, franc": 12,
    "One month ending on a Sunday moves to Monday": 12,
    "OQTF without a period, person free, current law - still one month": 12,
    "Detention centre - 48 hours to the minute, no extension on Sunday": 16,
    "Detention centre, time unknown - counted from midnight, with a warning": 16,
    "Detention centre across the autumn clock change - the earlier instant": 16,
    "House arrest in Guyane - general law: 2 months, not suspensive, act now": 15,
    "House arrest in Lyon - 7 days, not extended on Christmas": 15,
    "Prison, current law - 7 days": 15,
    "Seed regime, refused permit in Strasbourg - 30 clear days, pushed past the weekend": 12,
    "Seed regime, asylum refused - 15 clear days, single judge in 6 weeks": 12,
    "Seed regime, without a period - 48 hours": 13,
    "Seed regime, married 4 years to a French national - protected": 15,
    "Same family, decision taken in March 2024 - no longer a protection, an argument": 15,
    "A minor is always protected": 12,
    "Guadeloupe, person free - general law: 2 months, pushed past the weekend, not suspensive": 12,
    "Expulsion order by a prefect, person in France - 2 months, not suspensive": 13,
    "Expulsion by the minister, person abroad - 4 months, Paris court": 12,
    "Since age 13 and a conviction punishable by 5 years, 2025 - quasi-absolute protection "
    "lifted": 13,
    "Seed regime, since age 13, 5 years of prison imposed - still protected": 14,
    "Decision taken before May 2021 - outside what the app covers": 5,
    "Expulsion order in Guadeloupe - 2 months, pushed past the 27 May holiday": 13,
    "EU citizen - other rules, outside what the app covers": 3,
    "Summoned before the expulsion board - the board's timetable": 11,
}


@pytest.mark.parametrize("scenario", CASES, ids=[c["name"] for c in CASES])
def test_no_public_case_takes_more_screens_than_before(client, frozen_now, scenario):
    assert screens(client, scenario["answers"]) <= SCREENS_BEFORE[scenario["name"]]


def test_an_eu_citizen_goes_straight_to_the_outcome(client, frozen_now):
    answers = case("EU citizen - other rules, outside what the app covers")["answers"]
    steps, outcome = walk(client, answers)
    assert steps == ["measure", "eu_citizen"]
    assert outcome.status_code == 200


def test_the_time_is_asked_only_when_the_deadline_counts_in_hours(client, frozen_now):
    hours = case("Detention centre - 48 hours to the minute, no extension on Sunday")["answers"]
    assert "notified_at" in walk(client, hours)[0]
    client.cookies.clear()
    assert "notified_at" not in walk(client, PARIS_FREE)[0]


def test_the_start_page_explains_and_asks_the_first_question(client, frozen_now):
    page = client.get("/").content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert 'name="measure-measure" id="id_measure-measure_0" value="oqtf"' in page
    assert 'href="/en/"' in page


def test_the_english_pages_say_so_and_link_to_the_french_ones(client, frozen_now):
    page = client.get("/en/questions/measure/").content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert 'href="/questions/measure/"' in page


def test_the_answers_survive_a_change_of_language(client, frozen_now):
    answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    response = client.get("/en/questions/departement/")
    assert response.status_code == 200
    assert 'name="measure-measure"' not in response.content.decode()
    assert "An obligation to leave French territory (OQTF)" in response.content.decode()


def test_an_htmx_request_gets_only_the_questionnaire_fragment(client, frozen_now):
    response = client.get("/questions/measure/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert 'name="measure-measure"' in html
    assert response["HX-Push-Url"] == "/questions/measure/"
    assert "HX-Request" in response["Vary"]


def test_a_plain_request_gets_the_whole_page(client, frozen_now):
    html = client.get("/questions/measure/").content.decode()
    assert html.startswith("<!doctype html>")
    assert 'hx-history="false"' in html
    assert '"historyCacheSize":0' in html


def test_an_htmx_answer_is_followed_by_the_next_question_in_the_same_response(client, frozen_now):
    response = answer_page(client, "/en/questions/measure/", NOT_EU_OQTF, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'name="departement-departement"' in html
    assert response["HX-Push-Url"] == "/en/questions/departement/"
    # No copy of the language menu: the page's own follows the new address (static/js/app.js).
    assert 'id="language-switch"' not in html


def test_a_plain_answer_is_redirected_so_that_a_reload_posts_nothing(client, frozen_now):
    response = answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    assert response.status_code == 302
    assert response["Location"] == "/questions/departement/"
    assert not response.has_header("HX-Push-Url")


def test_the_last_htmx_answer_is_followed_by_the_outcome_in_place(client, frozen_now):
    pages, _outcome = walk_pages(client, PARIS_FREE)
    last = pages[-1]
    response = answer_page(
        client,
        f"/questions/{last[0]}/",
        {step: page_fields([step], PARIS_FREE)[f"{step}-{step}"] for step in last},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response["HX-Push-Url"] == "/outcome/"
    assert "<html" not in response.content.decode()
    assert "2025-04-11T23:59:00+02:00" in response.content.decode()


def test_a_wrong_htmx_answer_shows_the_error_in_the_fragment(client, frozen_now):
    response = client.post("/questions/measure/", {MANAGEMENT: "measure"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'class="error-summary"' in html
    assert 'href="#id_measure-measure_0"' in html
    # The question refused stays at its own address.
    assert not response.has_header("HX-Push-Url")


def test_each_step_shows_the_question_then_the_answers_with_a_change_link(client, frozen_now):
    answer_page(client, "/en/questions/measure/", NOT_EU_OQTF)
    html = client.get("/en/questions/departement/").content.decode()
    assert "An obligation to leave French territory (OQTF)" in html
    assert html.count('href="/en/questions/measure/"') == 2
    # The question first, then the answers so far.
    assert html.index('name="departement-departement"') < html.index('id="summary-title"')


def test_a_change_link_keeps_every_other_answer(client, frozen_now):
    walk(client, PARIS_FREE)
    before = stored(client)
    page = client.get("/questions/ground/", follow=True)
    assert page.redirect_chain[-1][0] == "/questions/departure_period/"
    assert 'value="permit_refused" checked' in page.content.decode()
    assert 'value="given" checked' in page.content.decode()
    response = change_answer(client, PARIS_FREE, "ground", ["overstay"])
    assert response["Location"] == "/outcome/"
    after = stored(client)
    assert after["ground"] == {"ground-ground": ["overstay"]}
    assert {k: v for k, v in after.items() if k != "ground"} == {
        k: v for k, v in before.items() if k != "ground"
    }


def test_looking_at_a_step_again_never_wipes_the_answers(client, frozen_now):
    walk(client, PARIS_FREE)
    before = stored(client)
    client.get("/questions/measure/")
    client.get("/")
    assert stored(client) == before
    assert client.get("/outcome/").status_code == 200


def test_changing_the_measure_drops_the_answers_that_no_longer_apply(client, frozen_now):
    walk(client, PARIS_FREE)
    response = change_answer(client, PARIS_FREE, "measure", ["expulsion"])
    assert response["Location"] == "/questions/expulsion_stage/"
    kept = stored(client)
    assert "departure_period" not in kept
    assert "ground" not in kept
    assert kept["decided_on"] == {"decided_on-decided_on": ["2025-03-10"]}
    assert kept["ties"] == {"ties-ties": []}


def test_a_new_branch_continues_to_its_first_unanswered_question(client, frozen_now):
    walk(client, PARIS_FREE)
    response = answer_step(client, "/questions/restriction/", ["house_arrest"])
    assert response["Location"] == "/questions/held_in/"
    response = answer_step(client, "/questions/held_in/", ["69"])
    assert response["Location"] == "/questions/restriction_with_decision/"


def test_going_back_to_the_first_choice_continues_to_the_outcome(client, frozen_now):
    walk(client, PARIS_FREE)
    response = change_answer(client, PARIS_FREE, "measure", ["oqtf"])
    assert response["Location"] == "/outcome/"


def test_the_outcome_can_be_reloaded_and_keeps_the_answers(client, frozen_now):
    walk(client, PARIS_FREE)
    again = client.get("/outcome/")
    assert again.status_code == 200
    assert '<time datetime="2025-04-11T23:59:00+02:00">' in again.content.decode()
    assert stored(client)


def test_the_outcome_is_never_cached(client, frozen_now):
    _steps, outcome = walk(client, PARIS_FREE)
    assert "no-store" in outcome["Cache-Control"]
    assert "no-store" in client.get("/questions/measure/")["Cache-Control"]


def test_the_outcome_without_answers_goes_to_the_first_question(client, frozen_now):
    response = client.get("/outcome/")
    assert response.status_code == 302
    assert response["Location"] == "/questions/measure/"


def test_the_outcome_with_missing_answers_goes_to_the_first_missing_one(client, frozen_now):
    answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    response = client.get("/outcome/", follow=True)
    assert response.redirect_chain[-1][0] == "/questions/departement/"
    assert 'class="notice"' in response.content.decode()


def test_a_question_not_reached_yet_sends_to_the_next_one_to_answer(client, frozen_now):
    answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    response = client.get("/questions/ties/")
    assert response["Location"] == "/questions/departement/"


def test_the_answers_cookie_is_a_sealed_http_only_lax_session_cookie(client, frozen_now):
    response = answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["max-age"]
    assert not cookie["expires"]
    assert "oqtf" not in cookie.value
    assert stored(client)["measure"] == {"measure-measure": ["oqtf"]}
    assert "oqtf" not in response["Location"]


def test_the_answers_cookie_is_secure_over_https(client, frozen_now, settings):
    settings.HTTPS = True
    response = answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    assert response.cookies[COOKIE_NAME]["secure"]


def test_no_answer_cookie_is_set_before_any_answer(client, frozen_now):
    response = client.get("/")
    assert COOKIE_NAME not in response.cookies


@pytest.mark.parametrize(
    "value",
    ["garbage", '{"step_data":{}}', signing.get_cookie_signer(salt="x").sign("{}"), ""],
    ids=["not signed", "unsigned json", "signed with another salt", "empty"],
)
def test_a_tampered_cookie_restarts_cleanly_at_the_first_question(client, frozen_now, value):
    client.cookies = SimpleCookie({COOKIE_NAME: value})
    for url in ("/", "/questions/ground/", "/outcome/"):
        response = client.get(url)
        assert response.status_code in (200, 302)
    response = client.get("/outcome/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/questions/measure/"


def test_a_tampered_cookie_says_why_the_questions_start_again(client, frozen_now):
    client.cookies = SimpleCookie({COOKIE_NAME: "garbage"})
    response = client.get("/en/questions/ground/", follow=True)
    assert "could not be read" in response.content.decode()


def test_a_well_signed_cookie_with_nonsense_values_asks_again(client, frozen_now):
    data = {"step_data": {"measure": {"measure-measure": ["nonsense"]}}, "extra_data": {}}
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(data)})
    response = client.get("/outcome/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/questions/measure/"


def test_a_stored_answer_that_no_longer_fits_is_shown_with_a_notice(client, frozen_now):
    data = {"step_data": {"measure": {"measure-measure": ["nonsense"]}}, "extra_data": {}}
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(data)})
    response = client.get("/en/questions/measure/")
    assert "it does not fit with your other answers" in response.content.decode()


def test_an_answer_missing_on_submit_is_not_called_a_misfit(client, frozen_now):
    response = answer_step(client, "/en/questions/measure/", {"measure-measure": ["oqtf"]})
    html = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in html
    assert "it does not fit with your other answers" not in html


def test_a_post_without_the_step_key_uses_the_address(client, frozen_now):
    response = client.post(
        "/questions/measure/", {"measure-measure": "oqtf", "eu_citizen-eu_citizen": "false"}
    )
    assert response["Location"] == "/questions/departement/"


def test_finish_and_clear_removes_the_answers_cookie(client, frozen_now):
    walk(client, PARIS_FREE)
    response = client.post("/clear/")
    assert response.status_code == 302
    assert response["Location"] == "/?cleared=1"
    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0
    assert client.get("/outcome/")["Location"] == "/questions/measure/"


def test_clearing_needs_a_post(client, frozen_now):
    assert client.get("/clear/").status_code == 405


def test_leaving_quickly_clears_the_answers_on_a_page_that_names_nothing(client, frozen_now):
    walk(client, PARIS_FREE)
    response = client.get("/exit/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.cookies[COOKIE_NAME].value == ""
    assert "no-store" in response["Cache-Control"]
    for word in ("OQTF", "expulsion", "France", "removal", "éloignement", "answers"):
        assert word.lower() not in html.lower()


def test_the_unknown_box_for_a_date_is_read_as_unknown(client, frozen_now):
    answers = {**PARIS_FREE, "notified_on": "unknown"}
    steps, outcome = walk(client, answers)
    assert stored(client)["notified_on"] == {"notified_on-notified_on": ["unknown"]}
    assert outcome.status_code == 200
    assert "notified_at" not in steps


def test_the_unknown_box_wins_over_a_typed_date(client, frozen_now):
    walk(client, PARIS_FREE)
    response = change_answer(client, PARIS_FREE, "notified_on", ["2025-03-11", "unknown"])
    assert response.status_code == 302
    assert stored(client)["notified_on"] == {"notified_on-notified_on": ["unknown"]}
    html = client.get("/questions/decided_on/").content.decode()
    assert 'value="unknown" checked' in html


def test_a_blank_date_without_the_unknown_box_asks_for_one_or_the_other(client, frozen_now):
    walk(client, PARIS_FREE, "/en")
    response = change_answer(client, PARIS_FREE, "notified_on", [""], "/en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "tick “I don" in html


def test_a_notification_before_the_decision_is_refused_next_to_the_field(client, frozen_now):
    walk(client, PARIS_FREE, "/en")
    before = stored(client)
    response = change_answer(client, PARIS_FREE, "notified_on", ["2025-03-09"], "/en")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_notified_on-notified_on-error"' in html
    assert "before the date written on the decision" in html
    assert stored(client) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/12/1999", "from the year 2000 on"),
        ("1/3/2027", "after today: check the year"),
        ("30/2/2025", "30 February 2025 does not exist: check the day."),
        ("31/4/2025", "31 April 2025 does not exist: check the day."),
        ("ten/3/2025", "in numbers, for example 27 3 2026"),
        ("10//2025", "The date must include a month."),
        ("/3/", "The date must include a day and a year."),
        ("10/3/25", "The year must have 4 digits"),
        ("10/13/2025", "The month must be a number from 1 to 12."),
        ("32/3/2025", "The day must be a number from 1 to 31."),
    ],
    ids=[
        "before 2000",
        "after today",
        "no such day",
        "no 31 April",
        "not a date",
        "no month",
        "no day nor year",
        "a year of 2 digits",
        "no such month",
        "day over 31",
    ],
)
def test_a_bad_decision_date_is_refused_next_to_the_field(client, frozen_now, value, message):
    walk(client, PARIS_FREE, "/en")
    response = change_answer(client, PARIS_FREE, "decided_on", [value], "/en")
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'id="id_decided_on-decided_on-error"' in html
    assert stored(client)["decided_on"] == {"decided_on-decided_on": ["2025-03-10"]}
    # What was typed is shown again as it was, and the other answers of the page stay.
    day, month, year = [*value.split("/"), "", ""][:3] if "/" in value else (value, "", "")
    assert (
        f'name="decided_on-decided_on_day" id="id_decided_on-decided_on_day" value="{day}"' in html
    )
    assert (
        f'name="decided_on-decided_on_month" id="id_decided_on-decided_on_month" value="{month}"'
        in html
    )
    assert (
        f'name="decided_on-decided_on_year" id="id_decided_on-decided_on_year" value="{year}"'
        in html
    )
    assert 'value="hand" checked' in html


def test_a_date_is_three_numeric_boxes_with_their_own_labels_in_a_fieldset(client, frozen_now):
    answer_page(client, "/en/questions/measure/", NOT_EU_OQTF)
    answer_step(client, "/en/questions/departement/", ["69"])
    html = client.get("/en/questions/decided_on/").content.decode()
    assert 'type="date"' not in html
    for part, label in (("day", "Day"), ("month", "Month"), ("year", "Year")):
        box = f'id="id_decided_on-decided_on_{part}"'
        assert (
            f'<label class="field__label" for="id_decided_on-decided_on_{part}">{label}</label>'
            in html
        )
        assert (
            f'inputmode="numeric" autocomplete="off" name="decided_on-decided_on_{part}" {box}'
            in html
        )
    assert "For example, 27 3 2026" in html
    french = client.get("/questions/decided_on/").content.decode()
    for label in ("Jour", "Mois", "Année"):
        assert f">{label}</label>" in french


def test_an_impossible_date_is_named_in_the_pages_language(client, frozen_now):
    walk(client, PARIS_FREE)
    html = change_answer(client, PARIS_FREE, "decided_on", ["31/2/2025"]).content.decode()
    assert "Le 31 février 2025 n&#x27;existe pas : vérifiez le jour." in html


def test_a_refused_date_links_from_the_summary_to_the_box_to_correct(client, frozen_now):
    walk(client, PARIS_FREE, "/en")
    html = change_answer(client, PARIS_FREE, "decided_on", ["10//2025"], "/en").content.decode()
    assert 'href="#id_decided_on-decided_on_month"' in html
    assert 'id="id_decided_on-decided_on_month" value="" aria-invalid="true"' in html
    assert 'id="id_decided_on-decided_on_day" value="10">' in html


# LAW.md §8.1: no decision or notification dated after today, today being the day at the place
# of the decision. Now: Sat 20 Dec 2026 at 23:30 in Paris, already Sun 21 Dec in La Réunion.
LATE_EVENING_IN_PARIS = datetime(2026, 12, 20, 22, 30, tzinfo=UTC)
# fmt: off
AFTER_TODAY = [
    pytest.param("decided_on", "2026-12-21", PARIS_FREE, True, id="decided tomorrow in Paris"),
    pytest.param("decided_on", "2026-12-20", PARIS_FREE, False, id="decided today in Paris"),
    pytest.param("notified_on", "2026-12-21", PARIS_FREE, True, id="notified tomorrow in Paris"),
    pytest.param("notified_on", "2026-12-20", PARIS_FREE, False, id="notified today in Paris"),
    pytest.param("notified_on", "2026-12-21", {**PARIS_FREE, "territory": "reunion"}, False,
        id="notified today in La Réunion, already 21 Dec there"),
    pytest.param("notified_on", "2026-12-22", {**PARIS_FREE, "territory": "reunion"}, True,
        id="notified tomorrow in La Réunion"),
]
# fmt: on


@pytest.mark.parametrize(("step", "value", "answers", "refused"), AFTER_TODAY)
def test_a_date_after_today_at_the_place_is_refused_next_to_the_field_keeping_the_rest(
    client, frozen_now, step, value, answers, refused
):
    frozen_now.set(LATE_EVENING_IN_PARIS)
    walk(client, answers, "/en")
    before = stored(client)
    # The notification cannot come before the decision: on the same page, it moves with it.
    changed = {**answers, "notified_on": value} if step == "decided_on" else answers
    response = change_answer(client, changed, step, [value], "/en")
    html = response.content.decode()
    if refused:
        assert "This date is after today: check the year." in html
        assert f'id="id_{step}-{step}-error"' in html
        assert stored(client) == before
    else:
        assert response.status_code == 302
        assert stored(client)[step] == {f"{step}-{step}": [value]}


def test_a_date_typed_with_leading_zeros_or_spaces_is_understood(client, frozen_now):
    walk(client, PARIS_FREE)
    response = change_answer(client, PARIS_FREE, "decided_on", ["10/03/2025"])
    assert response["Location"] == "/outcome/"
    response = change_answer(client, PARIS_FREE, "decided_on", [" 9/ 3 /2025 "])
    assert response["Location"] == "/outcome/"
    assert stored(client)["decided_on"] == {"decided_on-decided_on": ["2025-03-09"]}


def test_a_later_decision_date_sends_back_to_the_notification_day(client, frozen_now):
    walk(client, PARIS_FREE, "/en")
    response = change_answer(client, PARIS_FREE, "decided_on", ["2025-03-12"], "/en")
    html = response.content.decode()
    # Both dates are on the same page: the notification's is refused there, next to its field.
    assert response.status_code == 200
    assert 'id="id_notified_on-notified_on-error"' in html
    assert "before the date written on the decision" in html
    assert stored(client)["decided_on"] == {"decided_on-decided_on": ["2025-03-10"]}


def test_a_summons_before_the_decision_date_is_refused(client, frozen_now):
    steps, _outcome = walk(client, SUMMONED)
    assert "summoned_on" in steps
    response = change_answer(client, SUMMONED, "summoned_on", ["2026-11-12"])
    assert response.status_code == 200
    assert 'id="id_summoned_on-summoned_on-error"' in response.content.decode()


def test_none_of_these_cannot_be_ticked_with_another_conduct(client, frozen_now):
    walk(client, SUMMONED)
    response = answer_step(client, "/questions/conduct/", ["none_of_these", "conviction_3y"])
    assert response.status_code == 200
    assert 'id="id_conduct-conduct-error"' in response.content.decode()


def test_an_expulsion_abroad_asks_where_the_person_lived(client, frozen_now):
    answers = {
        **case("Expulsion order by a prefect, person in France - 2 months, not suspensive")[
            "answers"
        ],
        "territory": "abroad",
        "former_territory": "metropole",
    }
    steps, outcome = walk(client, answers)
    assert "former_place" in steps
    assert "restriction" not in steps
    assert outcome.status_code == 200


def test_abroad_is_offered_only_for_an_expulsion_order(client, frozen_now):
    answer_page(client, "/questions/measure/", NOT_EU_OQTF)
    assert 'value="abroad"' not in client.get("/questions/departement/").content.decode()
    response = answer_step(client, "/questions/departement/", ["abroad"])
    assert response.status_code == 200


def test_the_outcome_page_offers_to_clear_and_to_print(client, frozen_now):
    html = walk(client, PARIS_FREE)[1].content.decode()
    assert 'action="/clear/"' in html
    assert "data-print" in html


def test_no_page_has_an_inline_script_or_style(client, frozen_now):
    pages = [client.get("/"), client.get("/en/questions/measure/"), walk(client, PARIS_FREE)[1]]
    for page in pages:
        html = page.content.decode()
        assert "<script>" not in html
        assert "style=" not in html
        assert "<style" not in html


def test_plain_form_posts_carry_our_own_origin_for_the_csrf_check(client, frozen_now):
    # Under "no-referrer", a browser would post plain forms with "Origin: null".
    assert client.get("/")["Referrer-Policy"] == "same-origin"


def test_a_plain_form_post_from_our_own_origin_passes_the_csrf_check(frozen_now):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.get("/")
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        "/questions/measure/",
        {
            "measure-measure": "oqtf",
            "eu_citizen-eu_citizen": "false",
            MANAGEMENT: "measure",
            "csrfmiddlewaretoken": token,
        },
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302


DETENTION = case("Detention centre - 48 hours to the minute, no extension on Sunday")["answers"]


def reach_the_detention_centre_question(client, language_prefix):
    answer_page(client, f"{language_prefix}/questions/measure/", NOT_EU_OQTF)
    answer_step(client, f"{language_prefix}/questions/departement/", ["75"])
    change_answer(client, DETENTION, "decided_on", ["2026-11-20"], language_prefix)
    response = answer_step(
        client, f"{language_prefix}/questions/restriction/", ["detention_centre"]
    )
    assert response["Location"] == f"{language_prefix}/questions/centre/"
    return client.get(response["Location"]).content.decode()


def test_the_detention_centres_notes_are_in_english_on_the_english_page(client, frozen_now):
    html = reach_the_detention_centre_question(client, "/en")
    for french in (
        "femmes",
        "statut actuel",
        "non vérifié",
        "aéroport",
        "ouvert en",
        "commissariat",
        "caserne",
        "dit « de Vincennes »",
        "14e arr.",
    ):
        assert french not in html
    assert "for women; we could not check that it is still open" in html
    assert "CRA de Lyon-Saint-Exupéry 2 (airport, opened in 2022) – 69" in html
    client.cookies.clear()
    french_page = reach_the_detention_centre_question(client, "")
    assert "femmes ; statut actuel non vérifié" in french_page


def test_the_eu_question_says_that_a_french_citizens_family_answers_no(client, frozen_now):
    html = client.get("/en/").content.decode()
    assert "The family member of a French citizen answers No here" in html
    assert "Iceland, Liechtenstein, Norway or Switzerland" in html
