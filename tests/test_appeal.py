"""The appeal's request (/recours/): for every public case with a deadline, in French, English and
Arabic (a right-to-left page, the French request laid out left to right in it), a request in French
that names the person, the court and the procedure the rules chose, the decision's date in words,
legal aid and the interpreter; the grounds rule of the collegial, overseas and expulsion
procedures; the .docx holds the same text; nothing of the person is kept.
"""

import html
import io
import json
import logging
import re
from datetime import date, datetime

import docx
import pytest
from django.utils.datastructures import MultiValueDict

from appeal import document
from questionnaire.progress import walk as walk_stored
from rules.engine import appeal_request as rq
from rules.engine.outcome import evaluate
from tests.helpers import CASES, NOW, OQTF, case, evaluated, stored, to_json, walk

PERSON = {
    "family_name": "Zorglubova",
    "given_name": "Amina",
    "birth_date_day": "7",
    "birth_date_month": "2",
    "birth_date_year": "1991",
    "nationality": "tunisienne",
    "address": "12 rue Quelconque\n75011 Paris",
    "interpreter_language": "arabe (dialecte tunisien)",
}
# A ground of each kind, offered for both measures: enough in every procedure.
BOTH_KINDS = ["insufficient_reasons", "private_family_life"]
# The article each rule's procedure names, written out independently of rules/law/appeal/.
ARTICLE_OF_RULE = {
    ("oqtf-2024-07", "1_month"): "L. 911-1",
    ("oqtf-2024-07", "7_days"): "L. 921-1",
    ("oqtf-2024-07", "48_hours"): "L. 921-2",
    ("oqtf-2021", "30_days"): "L. 614-4",
    ("oqtf-2024-01", "30_days"): "L. 614-4",
    ("oqtf-2021", "15_days"): "L. 614-5",
    ("oqtf-2021", "48_hours"): "L. 614-6",
}
LANGUAGES = [
    pytest.param("", id="French"),
    pytest.param("/en", id="English"),
    pytest.param("/ar", id="Arabic"),
]


def outcome_of(scenario):
    return evaluated({}, {k: to_json(v) for k, v in scenario["answers"].items()})


def walked_outcome(client):
    """The outcome of the answers the questionnaire stored (the place as a département)."""
    data = stored(client)
    progress = walk_stored(lambda step: MultiValueDict(data[step]) if step in data else None, NOW)
    return evaluate(progress.answers, NOW)


WITH_DEADLINE = [c for c in CASES if rq.procedure(outcome_of(c)) is not None]
WITHOUT_DEADLINE = [c for c in CASES if rq.procedure(outcome_of(c)) is None]


def expected_article(outcome):
    if outcome.answers.measure == "expulsion" or outcome.appeal.rule.endswith("months"):
        return "R. 421-1"
    return ARTICLE_OF_RULE[(outcome.regime, outcome.appeal.rule)]


def posted(decisions, grounds=BOTH_KINDS, **person):
    return {**PERSON, **person, "decisions": decisions, "grounds": grounds}


def text_of(response):
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def request_text(response):
    """The French request(s) of the page, as text."""
    page = response.content.decode()
    articles = re.findall(r'<article class="request[^"]*" lang="fr".*?</article>', page, re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", " ".join(articles))))


def french_date(day):
    months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {months.split()[day.month - 1]} {day.year}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scenario", WITH_DEADLINE, ids=lambda c: c["name"])
def test_every_case_with_a_deadline_gets_a_complete_request_in_french(
    client, frozen_now, scenario, language
):
    walk(client, scenario["answers"], language)
    outcome = walked_outcome(client)
    form = client.get(f"{language}/recours/")
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    decisions = list(rq.decisions_ticked(outcome))
    response = client.post(f"{language}/recours/", posted(decisions))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = request_text(response)
    assert "ZORGLUBOVA Amina" in text
    assert f"né(e) le {french_date(date(1991, 2, 7))}" in text
    assert outcome.appeal.court.name[1:] in text
    assert f"arrêté du {french_date(outcome.answers.decided)}" in text
    assert expected_article(outcome) in text.split("—")[0]
    assert "aide juridictionnelle provisoire" in text
    assert "interprète en langue : arabe (dialecte tunisien)" in text
    assert "mémoire complémentaire" not in text
    assert "Pièces à joindre" in text_of(response)
    page = response.content.decode()
    assert re.search(r'<article class="request[^"]*" lang="fr" dir="ltr"', page)
    assert '<ol class="checklist__list" lang="fr" dir="ltr">' in page


@pytest.mark.parametrize("scenario", WITH_DEADLINE, ids=lambda c: c["name"])
def test_the_single_judge_procedures_leave_the_grounds_to_the_hearing_the_others_need_both_kinds(
    client, frozen_now, scenario
):
    walk(client, scenario["answers"])
    outcome = outcome_of(scenario)
    decisions = list(rq.decisions_ticked(outcome))
    response = client.post("/recours/", posted(decisions, grounds=["private_family_life"]))
    later = rq.procedure(outcome).grounds_later
    if later:
        text = request_text(response)
        assert "seront développés à l'audience" in text
        assert "R. 922-8" in text
    else:
        page = response.content.decode()
        assert 'id="grounds-error"' in page
        assert 'value="Zorglubova"' in page  # the rest is kept
        assert 'value="private_family_life" checked' in page


def test_the_grounds_rule_is_said_next_to_the_boxes_before_any_error(client, frozen_now):
    walk(client, case("OQTF 2025, free, Paris - one month, franc")["answers"])
    page = client.get("/en/recours/").content.decode()
    assert 'id="grounds-rule"' in page
    assert "one about its substance" in page


def test_the_boxes_are_ticked_from_the_answers(client, frozen_now):
    scenario = case("Seed regime, married 4 years to a French national - protected")
    walk(client, scenario["answers"])
    page = client.get("/recours/").content.decode()
    assert 'value="private_family_life" checked' in page
    assert 'value="protected_category_oqtf" checked' in page
    assert 'value="permit_refusal" checked' in page
    assert 'value="reentry_ban" checked' not in page


def test_a_detention_centre_fills_in_the_address(client, frozen_now):
    walk(
        client, case("Detention centre - 48 hours to the minute, no extension on Sunday")["answers"]
    )
    page = client.get("/recours/").content.decode()
    assert re.search(r'<textarea[^>]*name="address"[^>]*>CRA de ', page)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param(
            {"birth_date_day": "30", "birth_date_month": "2"}, "birth_date", id="no 30 February"
        ),
        pytest.param({"birth_date_year": "1850"}, "birth_date", id="born in 1850"),
        pytest.param({"family_name": ""}, "family_name", id="no family name"),
        pytest.param({"nationality": "x" * 5000}, "nationality", id="a huge nationality"),
        pytest.param({"decisions": []}, "decisions", id="no decision"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_keeps_the_rest(
    client, frozen_now, changes, field
):
    walk(client, case("OQTF 2025, free, Paris - one month, franc")["answers"])
    response = client.post("/en/recours/", {**posted(["oqtf"]), **changes})
    assert response.status_code == 200
    page = response.content.decode()
    error_id = {"decisions": "decisions", "birth_date": "id_birth_date"}.get(field, f"id_{field}")
    assert f'id="{error_id}-error"' in page
    assert "REQUÊTE EN ANNULATION" not in page
    assert 'value="tunisienne"' in page or field == "nationality"
    assert "arabe (dialecte tunisien)" in page


def test_unknown_choices_and_strange_bodies_never_break_the_page(client, frozen_now):
    walk(client, case("OQTF 2025, free, Paris - one month, franc")["answers"])
    for body in (
        posted(["nothing"], grounds=["nothing"]),
        {"family_name": ["a", "b"], "birth_date_day": "\x00"},
        {},
    ):
        assert client.post("/recours/", body).status_code == 200
        assert client.post("/recours/requete.docx", body).status_code == 200


def test_without_answers_or_a_deadline_the_page_leads_back_to_the_outcome(client, frozen_now):
    assert client.get("/recours/")["Location"] == "/outcome/"
    walk(client, WITHOUT_DEADLINE[0]["answers"])
    assert client.get("/en/recours/")["Location"] == "/en/outcome/"
    assert client.get("/recours/requete.docx").status_code == 405


def test_the_outcome_links_to_the_appeal_only_while_the_deadline_is_to_meet(client, frozen_now):
    scenario = case("OQTF 2025, free, Paris - one month, franc")
    walk(client, scenario["answers"])
    assert 'href="/recours/"' not in client.get("/outcome/").content.decode()
    frozen_now.set(datetime.fromisoformat("2025-03-20T12:00:00+01:00"))
    assert 'href="/recours/"' in client.get("/outcome/").content.decode()
    assert 'href="/en/recours/"' in client.get("/en/outcome/").content.decode()


@pytest.mark.parametrize(
    "scenario",
    [
        case("Expulsion order by a prefect, person in France - 2 months, not suspensive"),
        next(c for c in CASES if c["name"].startswith("Guadeloupe, person free")),
    ],
    ids=lambda c: c["name"],
)
def test_overseas_and_expulsion_add_a_separate_referee_request(client, frozen_now, scenario):
    walk(client, scenario["answers"])
    outcome = outcome_of(scenario)
    response = client.post("/recours/", posted(list(rq.decisions_ticked(outcome))))
    page = response.content.decode()
    assert 'data-document="annulment"' in page
    assert 'data-document="referee"' in page
    referee = page.split('data-document="referee"')[1]
    assert "RÉFÉRÉ" in referee
    assert "L. 521-2" in referee
    assert "L. 521-1" in referee


def test_the_docx_opens_and_holds_the_same_text_as_the_page(client, frozen_now):
    scenario = case("Expulsion order by a prefect, person in France - 2 months, not suspensive")
    walk(client, scenario["answers"])
    decisions = list(rq.decisions_ticked(outcome_of(scenario)))
    page = client.post("/recours/", posted(decisions))
    response = client.post("/recours/requete.docx", posted(decisions))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    word = docx.Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in word.paragraphs if p.text.strip()]
    shown = request_text(page)
    assert "ZORGLUBOVA Amina, né(e) le 7 février 1991" in " ".join(paragraphs)
    for paragraph in paragraphs:
        assert re.sub(r"\s+", " ", paragraph).strip() in shown, paragraph
    assert len(paragraphs) > 30


def test_the_docx_button_posts_the_answers_again_and_nothing_else(client, frozen_now):
    scenario = case("House arrest in Lyon - 7 days, not extended on Christmas")
    walk(client, scenario["answers"])
    page = client.post("/recours/", posted(["oqtf", "house_arrest"])).content.decode()
    form = page.split('action="/recours/requete.docx"')[1].split("</form>")[0]
    hidden = dict(re.findall(r'type="hidden" name="([a-z_]+)" value="([^"]*)"', form))
    assert hidden["family_name"] == "Zorglubova"
    assert hidden["birth_date_year"] == "1991"


def test_nothing_of_the_person_is_in_a_cookie_an_address_or_a_log_line(client, frozen_now, caplog):
    scenario = case("Detention centre - 48 hours to the minute, no extension on Sunday")
    walk(client, scenario["answers"])
    outcome = outcome_of(scenario)
    seen = []
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="django"):
        for path in ("/recours/", "/recours/requete.docx", "/en/recours/"):
            response = client.post(path, posted(list(rq.decisions_ticked(outcome))))
            assert response.status_code == 200
            seen += [
                str(response.cookies),
                response.get("Location", ""),
                response.request["PATH_INFO"],
            ]
            seen.append(response.request.get("QUERY_STRING", ""))
        api = client.post(
            "/api/v1/appeal", json.dumps(api_body(scenario)), content_type="application/json"
        )
        assert api.status_code == 200
        seen.append(str(api.cookies))
    seen += [f"{name}={morsel.value}" for name, morsel in client.cookies.items()]
    seen += [record.getMessage() for record in caplog.records]
    seen += [repr(record.args) for record in caplog.records]
    everything = "\n".join(seen).lower()
    for secret in ("zorglubova", "amina", "1991", "tunisienne", "quelconque"):
        assert secret not in everything


# --- The rules behind it ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2025, 5, 1), "1er mai 2025"),
        (date(2026, 11, 12), "12 novembre 2026"),
        (date(2024, 8, 31), "31 août 2024"),
    ],
)
def test_a_date_is_written_in_french_words(day, words):
    assert rq.date_in_words(day) == words


@pytest.mark.parametrize(
    ("ticked", "missing"),
    [
        ([], ("external", "internal")),
        (["insufficient_reasons"], ("internal",)),
        (["private_family_life"], ("external",)),
        # The classing of "no examination" is not settled: it counts for neither kind.
        (["insufficient_reasons", "no_examination"], ("internal",)),
        (BOTH_KINDS, ()),
    ],
)
def test_the_one_month_procedure_needs_a_ground_of_each_kind(ticked, missing):
    outcome = evaluated(OQTF, {"decided_on": "2025-03-10", "notified_on": "2025-03-10"})
    assert rq.missing_legality(outcome, ticked) == missing


def test_the_48_hours_since_july_2024_need_no_ground_in_the_request():
    outcome = evaluated(
        OQTF,
        {
            "decided_on": "2025-03-10",
            "notified_on": "2025-03-10",
            "notified_at": "10:00",
            "restriction": "detention_centre",
            "departure_period": "none",
        },
    )
    assert rq.procedure(outcome).article == "article L. 921-2 du CESEDA"
    assert rq.missing_legality(outcome, []) == ()


def test_the_procedure_follows_the_day_the_decision_was_taken():
    before = evaluated(
        OQTF,
        {
            "decided_on": "2024-07-14",
            "departure_period": "given",
            "ground": "permit_refused",
            "notified_on": "2024-07-14",
        },
    )
    after = evaluated(
        OQTF,
        {
            "decided_on": "2024-07-15",
            "departure_period": "given",
            "ground": "permit_refused",
            "notified_on": "2024-07-15",
        },
    )
    assert rq.procedure(before).article == "article L. 614-4 du CESEDA"
    assert rq.procedure(after).article == "article L. 911-1 du CESEDA"


def test_a_protected_category_is_a_ground_only_while_the_law_protects_it():
    ties = {"ties": ["residence_20y"], "decided_on": "2024-01-27", "notified_on": "2024-01-27"}
    assert "protected_category_oqtf" in rq.grounds_ticked(evaluated(OQTF, ties))
    later = {**ties, "decided_on": "2024-01-28", "notified_on": "2024-01-28"}
    offered = [c.id for c in rq.grounds_offered(evaluated(OQTF, later))]
    assert "protected_category_oqtf" not in offered
    assert "private_family_life" in rq.grounds_ticked(evaluated(OQTF, later))


def test_the_facts_are_three_to_eight_sentences_from_the_answers():
    for scenario in WITH_DEADLINE:
        sentences = rq.facts(outcome_of(scenario))
        assert 3 <= len(sentences) <= 8
    many = evaluated(
        OQTF,
        {
            "decided_on": "2025-03-10",
            "notified_on": "2025-03-10",
            "ties": [
                "residence_20y",
                "residence_10y",
                "married_french",
                "parent_french_child",
                "serious_illness",
                "asylum_pending",
            ],
            "restriction": "house_arrest",
            "age_under_18": True,
            "ground": "permit_refused",
            "departure_period": "none",
        },
    )
    facts = rq.facts(many)
    assert len(facts) == 8
    assert not any("dix ans" in sentence for sentence in facts)


def test_the_request_never_announces_a_later_brief():
    outcome = evaluated(OQTF, {"decided_on": "2025-03-10", "notified_on": "2025-03-10"})
    person = document.Person("X", "Y", date(1990, 1, 1), "z", "w", "")
    made = document.make_request(outcome, person, ["oqtf"], BOTH_KINDS, NOW)
    text = " ".join(d.text() for d in document.documents(made)).lower()
    assert "mémoire complémentaire" not in text
    assert "interprète" not in text  # none asked for without a language


# --- The JSON API -------------------------------------------------------------------------------


def api_body(scenario, **changes):
    outcome = outcome_of(scenario)
    body = {
        "answers": {k: to_json(v) for k, v in scenario["answers"].items()},
        "person": {
            "family_name": "Zorglubova",
            "given_name": "Amina",
            "birth_date": "1991-02-07",
            "nationality": "tunisienne",
            "address": "12 rue Quelconque, 75011 Paris",
            "interpreter_language": "arabe (dialecte tunisien)",
        },
        "decisions": list(rq.decisions_ticked(outcome)),
        "grounds": BOTH_KINDS,
    }
    return {**body, **changes}


def post_api(client, body):
    return client.post("/api/v1/appeal", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("scenario", WITH_DEADLINE, ids=lambda c: c["name"])
def test_the_api_gives_the_request_as_structured_json_and_as_text(client, frozen_now, scenario):
    response = post_api(client, api_body(scenario))
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    found = response.json()
    outcome = outcome_of(scenario)
    assert found["procedure"]["key"] == rq.procedure_key(outcome)
    assert expected_article(outcome) in found["procedure"]["article"]
    first = found["documents"][0]
    assert first["kind"] == "annulment"
    assert "ZORGLUBOVA Amina" in first["text"]
    assert first["text"] == "\n\n".join(
        ("– " if b["kind"] == "item" else "") + b["text"] for b in first["blocks"]
    )


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        pytest.param({"person": "me"}, "person", "invalid_type", id="person not an object"),
        pytest.param({"grounds": "all"}, "grounds", "invalid_type", id="grounds not a list"),
        pytest.param({"extra": 1}, "extra", "unknown_field", id="an unknown key"),
        pytest.param(
            {"answers": {"measure": "oqtf"}}, "answers.decided_on", "required", id="answers"
        ),
        pytest.param({"grounds": ["private_family_life"]}, "grounds", "both_kinds", id="one kind"),
        pytest.param({"decisions": ["nothing"]}, "decisions", "invalid_choice", id="a decision"),
    ],
)
def test_the_api_refuses_bad_input_with_a_field_list(client, frozen_now, changes, field, code):
    body = api_body(case("OQTF 2025, free, Paris - one month, franc"), **changes)
    response = post_api(client, body)
    assert response.status_code == 400
    errors = response.json()
    assert {"field": field, "code": code} in [
        {"field": e["field"], "code": e["code"]} for e in errors
    ]
    assert all(e["message"] for e in errors)


def test_the_api_refuses_a_birth_date_not_written_as_a_date(client, frozen_now):
    scenario = case("OQTF 2025, free, Paris - one month, franc")
    body = api_body(scenario)
    body["person"]["birth_date"] = "yesterday"
    response = post_api(client, body)
    assert response.status_code == 400
    assert "person.birth_date" in [e["field"] for e in response.json()]
    assert post_api(client, "[1, 2]").status_code == 400
    assert client.post("/api/v1/appeal", "{", content_type="application/json").status_code == 400


def test_the_api_refuses_answers_without_a_deadline(client, frozen_now):
    response = post_api(client, api_body(WITHOUT_DEADLINE[0]))
    assert response.status_code == 400
    assert response.json()[0]["code"] == "no_deadline"


def test_the_schema_describes_the_appeal_endpoint(client):
    schema = client.get("/api/v1/schema").json()
    assert "/api/v1/appeal" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/appeal"]
