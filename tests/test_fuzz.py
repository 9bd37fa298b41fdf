"""Bad input never breaks the questionnaire or the API: never a server error, always a clear
message (the question again, with its error) or a clean restart at a question.

The Django test client raises any exception a view lets through, so a server error fails the
example that caused it. Payloads per run (each example sends one):
  every step of the wizard, 27 steps x 24 ............................ 648
  unknown or unreachable step names .................................. 500
  forged, foreign, expired or malformed answers cookies ............ 1,800
  malformed bodies to the API (bytes, JSON of any shape, types) ... 6,800
  the API's other methods and content types .......................... 400
  total ........................................................... 10,148
plus the bodies over 64 KiB and the form with too many fields; about a minute on two cores.
The wizard's posts cost more (each renders a page), hence fewer per step. tests/test_api.py
checks the API with well-formed answers; this file sends it what is not.
"""

from __future__ import annotations

import functools
import json
import logging
import time
import zlib
from datetime import date
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode

import pytest
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.core import signing
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from questionnaire.sealing import fernet_key
from questionnaire.steps import BY_NAME, STEPS
from questionnaire.storage import COOKIE_NAME
from rules import clock
from tests.helpers import (
    CASES,
    MANAGEMENT,
    NOW,
    case,
    field_name,
    page_fields,
    sealed,
    shown_steps,
    step_of,
    stored,
    walk,
)

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")["answers"]


def fuzz(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


PER_STEP = 24
LANGUAGES = st.sampled_from(["", "/en"])
# The answers cookie is refused by browsers above 4,096 bytes (name, value and attributes).
COOKIE_LIMIT = 4096


@pytest.fixture(autouse=True, scope="module")
def quiet_refusals():
    """Thousands of refusals (400, 405, 413) would each be logged as a warning; server errors,
    logged as errors, still are."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


# --- What the wizard may be sent ------------------------------------------------------------------

HUGE = st.sampled_from(
    [
        "9" * 5_000,
        "é" * 20_000,
        "2025-03-10" + " " * 30_000,
        "\x00" * 1_000,
        "<script>alert(1)</script>" * 500,
        "%" * 10_000,
    ]
)
DATE_LIKE = st.dates(date(1, 1, 1), date(9999, 12, 31)).flatmap(
    lambda day: st.sampled_from(
        [day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%d.%m.%Y"), str(day.year)]
    )
)
TIME_LIKE = st.tuples(st.integers(-1, 99), st.integers(-1, 99)).map(
    lambda hm: f"{hm[0]}:{hm[1]:02d}"
)
ODD_TEXT = st.sampled_from(
    ["", " ", "unknown", "true", "false", "None", "null", "0", "-1", "1e9", "NaN", "[]", "{}"]
)
ANY_TEXT = st.text(max_size=40)


def known_values(step):
    """The values the step's own form offers, and a few from other steps."""
    form = BY_NAME[step].form(prefix=step)
    values = {"unknown", "true", "false", "75", "abroad", "paris-1", "2A", "971"}
    for field in form.fields.values():
        values.update(str(value) for value, _label in getattr(field, "choices", ()) if value)
    return sorted(values)


def one_value(step):
    return st.one_of(
        st.sampled_from(known_values(step)),
        ODD_TEXT,
        ANY_TEXT,
        DATE_LIKE,
        TIME_LIKE,
        st.integers().map(str),
        HUGE,
    )


def step_posts(step):
    """A POST body for `step`: its own field (zero, one or many values), maybe the management
    field (right, wrong, missing, repeated), maybe other fields."""
    own = st.dictionaries(
        st.sampled_from(
            [
                field_name(step),
                field_name(step) + "x",
                step,
                "departement",
                # A date's three boxes.
                *(field_name(step) + part for part in ("_day", "_month", "_year")),
            ]
        ),
        st.lists(one_value(step), max_size=4),
        max_size=2,
    )
    management = st.one_of(
        st.none(),
        st.just([step]),
        st.lists(st.sampled_from([*BY_NAME, "done", "", "../", "ÿ"]) | ANY_TEXT, max_size=3),
    )
    others = st.dictionaries(ANY_TEXT, st.lists(ANY_TEXT, max_size=2), max_size=3)
    return st.builds(merge, own, management, others)


def merge(own, management, others):
    data = {**others, **own}
    if management is not None:
        data[MANAGEMENT] = management
    return data


def post(client, url, data, *, encoded, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    if encoded:
        # As browsers and htmx send forms.
        body = urlencode(data, doseq=True)
        return client.post(url, body, content_type="application/x-www-form-urlencoded", **headers)
    return client.post(url, data, **headers)


def assert_within_questionnaire(address, language):
    assert address.startswith(f"{language}/questions/") or address == f"{language}/outcome/"


def assert_clear_answer(response, language):
    """A question again (with an error or a notice), or the next page: redirected to, or, for
    htmx, in place with its address."""
    # 400: too many fields; 413: a body over 64 KiB.
    assert response.status_code in (200, 302, 400, 413), response.status_code
    if response.status_code == 302:
        assert_within_questionnaire(response["Location"], language)
    elif response.has_header("HX-Push-Url"):
        assert_within_questionnaire(response["HX-Push-Url"], language)
    elif response.status_code == 200:
        html = response.content.decode()
        assert 'class="error-summary"' in html or 'class="notice"' in html
    cookie = response.cookies.get(COOKIE_NAME)
    if cookie is not None:
        assert len(cookie.OutputString()) <= COOKIE_LIMIT


# --- Answers cookies that reach each step ---------------------------------------------------------

EXTRA_CASES = [
    # Abroad after a prefect's order: where the person lived.
    {
        **case("Expulsion order by a prefect, person in France - 2 months, not suspensive")[
            "answers"
        ],
        "territory": "abroad",
        "former_territory": "metropole",
    },
    # Detention decided after the OQTF: its day and time.
    {
        **case("Detention centre - 48 hours to the minute, no extension on Sunday")["answers"],
        "restriction_with_decision": False,
        "restriction_notified_on": date(2026, 11, 21),
        "restriction_notified_at": "09:00",
    },
    # A French child: since when the person supports it.
    {**PARIS_FREE, "ties": ["parent_french_child"], "child_contribution": "since_birth"},
]


@pytest.fixture(scope="module")
def cookies_at():
    """For each step, answers cookies under which the step is asked: just before it is answered
    the first time, and once every question is answered (the step then changed)."""
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "now", lambda: NOW)
        for answers in [*EXTRA_CASES, *(c["answers"] for c in CASES)]:
            if len(found) == len(STEPS):
                break
            client, url, walked = Client(), "/questions/measure/", []
            while not url.endswith("/outcome/"):
                shown = shown_steps(client.get(url).content.decode())
                cookie = client.cookies[COOKIE_NAME].value if walked else ""
                walked.extend(shown)
                for step in shown:
                    found.setdefault(step, [cookie])
                data = {**page_fields(shown, answers), MANAGEMENT: step_of(url)}
                url = client.post(url, data)["Location"]
            for step in walked:
                if len(found[step]) == 1:
                    found[step].append(client.cookies[COOKIE_NAME].value)
    assert set(found) == set(BY_NAME), set(BY_NAME) - set(found)
    return found


@functools.cache
def shared_client():
    # One client for every example: a new one would load the middleware (and scan the static
    # files) again.
    return Client()


def with_cookie(value):
    client = shared_client()
    client.cookies = SimpleCookie({COOKIE_NAME: value} if value else {})
    return client


# --- Every step of the wizard ---------------------------------------------------------------------


@pytest.mark.parametrize("step", list(BY_NAME))
def test_any_post_to_a_step_gets_the_question_again_or_the_next_one(frozen_now, cookies_at, step):
    @fuzz(PER_STEP)
    @given(
        data=step_posts(step),
        cookie=st.sampled_from(cookies_at[step]),
        language=LANGUAGES,
        encoded=st.booleans(),
        htmx=st.booleans(),
    )
    def check(data, cookie, language, encoded, htmx):
        client = with_cookie(cookie)
        url = f"{language}/questions/{step}/"
        assert_clear_answer(post(client, url, data, encoded=encoded, htmx=htmx), language)

    check()


STEP_NAMES = st.one_of(
    st.sampled_from([*BY_NAME, "done", "DONE", "Measure", "0", "-", "..", "%2e%2e"]),
    st.text(min_size=1, max_size=30).filter(lambda name: "/" not in name),
    st.just("x" * 2_000),
)


@fuzz(500)
@given(
    step=STEP_NAMES,
    data=step_posts("measure"),
    language=LANGUAGES,
    htmx=st.booleans(),
    method=st.sampled_from(["get", "post"]),
)
def test_an_unknown_or_unreachable_step_sends_to_the_question_to_answer(
    frozen_now, step, data, language, htmx, method
):
    client = with_cookie(None)
    url = f"{language}/questions/{quote(step, safe='')}/"
    if method == "get":
        response = client.get(url, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert response["Location"] == f"{language}/questions/measure/"
        return
    assert_clear_answer(post(client, url, data, encoded=True, htmx=htmx), language)


# --- Answers cookies that cannot be trusted -------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
step_keys = st.sampled_from([*BY_NAME, "zzz", ""]) | st.text(max_size=8)
WELL_FORMED = {
    "step_data": {
        "measure": {"measure-measure": ["oqtf"]},
        "eu_citizen": {"eu_citizen-eu_citizen": ["false"]},
    },
    "extra_data": {"notice": "missing"},
}
# What the site writes, with one part replaced by something else.
near_answers = st.one_of(
    json_values.map(lambda junk: {**WELL_FORMED, "step_data": junk}),
    st.dictionaries(step_keys, json_values, max_size=3).map(
        lambda junk: {**WELL_FORMED, "step_data": junk}
    ),
    st.dictionaries(st.text(max_size=10), json_values, max_size=3).map(
        lambda junk: {**WELL_FORMED, "step_data": {"measure": junk}}
    ),
    st.lists(st.text(max_size=12) | json_values, max_size=4).map(
        lambda junk: {**WELL_FORMED, "step_data": {"measure": {"measure-measure": junk}}}
    ),
    json_values.map(lambda junk: {**WELL_FORMED, "extra_data": junk}),
    json_values.map(lambda junk: {**WELL_FORMED, "extra_data": {"notice": junk}}),
    st.text(max_size=12).map(lambda junk: {**WELL_FORMED, "extra_data": {"notice": junk}}),
    json_values.map(lambda junk: {**WELL_FORMED, "step": junk}),
    json_values.map(lambda junk: {**WELL_FORMED, "step_files": junk}),
    st.sampled_from(["step_data", "extra_data"]).map(
        lambda key: {k: v for k, v in WELL_FORMED.items() if k != key}
    ),
)
OTHER_KEY = "not-the-site-key-" + "k" * 40


def sealed_with(text, key=None, at=None):
    """Sealed as the site seals its cookie, with the site's key or another, at any time."""
    fernet = Fernet(fernet_key(key or django_settings.SECRET_KEY))
    token = fernet.encrypt_at_time(
        zlib.compress(text.encode()), int(time.time() if at is None else at)
    )
    return token.decode().rstrip("=")


def signed_the_old_way(text):
    """The cookie of the site's earlier versions: signed by Django, readable by anyone."""
    return signing.get_cookie_signer(salt=COOKIE_NAME + "questionnaire.answers").sign(text)


def test_a_cookie_sealed_here_is_read_as_the_site_reads_it(frozen_now):
    client = with_cookie(sealed_with(json.dumps({"step_data": {}, "extra_data": {"n": "x"}})))
    assert client.get("/").status_code == 200
    client = with_cookie(sealed_with(json.dumps(WELL_FORMED)))
    assert client.get("/questions/departement/").status_code == 200
    assert stored(client) == WELL_FORMED["step_data"]


# A server hands Django the Cookie header's bytes as latin-1 text (PEP 3333).
forged_cookies = st.one_of(
    st.text(max_size=60).map(lambda text: text.encode().decode("latin-1")),
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
    near_answers.map(json.dumps),
    near_answers.map(lambda data: signed_the_old_way(json.dumps(data))),
    near_answers.map(lambda data: sealed_with(json.dumps(data), key=OTHER_KEY)),
    near_answers.map(lambda data: sealed_with(json.dumps(data))),
    json_values.map(lambda data: sealed_with(json.dumps(data))),
    st.text(max_size=40).map(lambda text: sealed_with(text)),
    # A seal cut short, or with one character changed.
    st.integers(1, 60).map(lambda cut: sealed_with(json.dumps(WELL_FORMED))[:-cut]),
    st.integers(0, 80).map(lambda at: flipped(sealed_with(json.dumps(WELL_FORMED)), at)),
    # Sealed long ago, and "in the future".
    st.sampled_from([0, 10**6, 4 * 10**9]).map(
        lambda at: sealed_with(json.dumps({"step_data": {}, "extra_data": {}}), None, at)
    ),
    st.just(sealed({"step_data": {"measure": {"measure-measure": ["oqtf"] * 5_000}}})),
)


def flipped(value, at):
    changed = "A" if value[at] != "A" else "B"
    return value[:at] + changed + value[at + 1 :]


SOME_URLS = st.sampled_from(
    ["/", "/questions/", "/questions/measure/", "/questions/ground/", "/outcome/", "/en/outcome/"]
)


@fuzz(1_800)
@given(
    value=forged_cookies,
    url=SOME_URLS,
    method=st.sampled_from(["get", "post"]),
    htmx=st.booleans(),
)
def test_a_forged_or_malformed_answers_cookie_restarts_cleanly(
    frozen_now, value, url, method, htmx
):
    client = with_cookie(value)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    if method == "get":
        response = client.get(url, **headers)
    else:
        data = {"measure-measure": "oqtf", MANAGEMENT: "measure"}
        response = client.post(url, data, **headers)
    assert response.status_code in (200, 302, 405)
    if response.status_code == 302:
        assert response["Location"].startswith(("/questions/", "/en/questions/", "/outcome/"))


# --- The API's bodies -----------------------------------------------------------------------------

ANSWER_IDS = [
    "measure", "eu_citizen", "territory", "departement", "decided_on", "notified_by",
    "notified_on", "notified_at", "departure_period", "ground", "restriction", "ties",
    "marriage_years", "conduct", "expulsion_stage", "authority", "former_territory",
]  # fmt: skip
VALID_BODY = json.dumps(
    {"measure": "oqtf", "territory": "metropole", "decided_on": "2025-03-10", "ties": []}
).encode()
api_objects = st.dictionaries(
    st.sampled_from(ANSWER_IDS) | st.text(max_size=10),
    json_values | DATE_LIKE | TIME_LIKE | st.sampled_from(["oqtf", "expulsion", "metropole"]),
    max_size=4,
)
# Generating the payload costs more than the request: each is kept small, and a few shapes are
# made whole rather than drawn piece by piece.
api_bodies = st.one_of(
    st.binary(max_size=40),
    st.text(max_size=40).map(str.encode),
    json_values.map(lambda value: json.dumps(value).encode()),
    api_objects.map(lambda value: json.dumps(value).encode()),
    # Valid answers cut short anywhere.
    st.integers(0, len(VALID_BODY)).map(lambda cut: VALID_BODY[:cut]),
    st.integers(1, 60_000).map(lambda depth: b"[" * depth),
    st.integers(1, 12_000).map(lambda depth: b'{"a":' * depth),
    st.sampled_from([b"\xef\xbb\xbf{}", b"\xff\xfe{\x00}\x00", b'{"measure": "\\ud800"}']),
)


def assert_api_error(response):
    assert response.status_code in (200, 400), response.status_code
    assert response["Content-Type"] == "application/json"
    if response.status_code == 400:
        errors = response.json()
        assert errors
        assert all(set(error) == {"field", "code", "message"} for error in errors)


@fuzz(6_800)
@given(body=api_bodies)
def test_any_body_posted_to_the_api_gets_a_json_answer_never_a_server_error(frozen_now, body):
    client = with_cookie(None)
    response = client.post("/api/v1/outcome", body, content_type="application/json")
    assert_api_error(response)


@fuzz(400)
@given(
    method=st.sampled_from(["GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "POST"]),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/json; charset=latin-1",
            "application/json; charset=nope",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "multipart/form-data",
        ]
    ),
    body=st.binary(max_size=200),
)
def test_other_methods_and_content_types_never_break_the_api(
    frozen_now, method, content_type, body
):
    client = with_cookie(None)
    response = client.generic(method, "/api/v1/outcome", body, content_type=content_type)
    assert response.status_code in (200, 400, 405)


# --- Bodies too large -----------------------------------------------------------------------------

TOO_BIG = 64 * 1024 + 1


@pytest.mark.parametrize(
    "url", ["/api/v1/outcome", "/questions/measure/", "/en/questions/decided_on/", "/clear/"]
)
@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_a_body_over_64_kib_is_refused_without_a_server_error(frozen_now, url, content_type):
    body = "measure-measure=" + "x" * TOO_BIG
    response = with_cookie(None).post(url, body, content_type=content_type)
    assert response.status_code == 413


def test_too_many_fields_are_refused_without_a_server_error(frozen_now):
    body = "&".join(f"f{n}=1" for n in range(1_000))
    response = with_cookie(None).post(
        "/questions/measure/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


# --- What this fuzzing found ----------------------------------------------------------------------


def test_a_signed_cookie_whose_notice_is_not_a_code_restarts_cleanly(client, frozen_now):
    data = {**WELL_FORMED, "extra_data": {"notice": ["unreadable"]}}
    client.cookies = SimpleCookie({COOKIE_NAME: sealed(data)})
    response = client.get("/en/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/questions/measure/"
    assert "could not be read" in response.content.decode()


def test_junk_posted_with_an_answer_is_not_kept_in_the_answers_cookie(client, frozen_now):
    data = {
        "measure-measure": ["9" * 5_000, "oqtf", "oqtf"],
        "eu_citizen-eu_citizen": ["false"],
        MANAGEMENT: "measure",
    }
    assert client.post("/questions/measure/", data)["Location"] == "/questions/departement/"
    assert stored(client) == {
        "measure": {"measure-measure": ["oqtf"]},
        "eu_citizen": {"eu_citizen-eu_citizen": ["false"]},
    }
    walk(client, PARIS_FREE)
    junk = ["unknown", "x" * 5_000, "2025-03-11", "2025-03-12"]
    dates = ["decided_on", "notified_by", "notified_on"]
    data = {**page_fields(dates, PARIS_FREE), "notified_on-notified_on": junk}
    response = client.post("/questions/decided_on/", {**data, MANAGEMENT: "decided_on"})
    assert response.status_code == 302
    assert len(response.cookies[COOKIE_NAME].OutputString()) <= COOKIE_LIMIT
    assert stored(client)["notified_on"] == {"notified_on-notified_on": ["unknown"]}
