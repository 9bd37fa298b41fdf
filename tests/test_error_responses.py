"""Errors are answered like pages: with every security header, in the page's language, and the
API's as its JSON list of errors. No body, in whatever charset, makes the server fail."""

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils.datastructures import CaseInsensitiveMapping

from tests.helpers import MANAGEMENT

STEP = "/questions/measure/"
OUTCOME_API = "/api/v1/outcome"
SCHEMA_API = "/api/v1/schema"
ANSWER = {MANAGEMENT: "measure", "measure-measure": "oqtf", "eu_citizen-eu_citizen": "false"}
API_BODY = {"measure": "oqtf", "territory": "metropole", "decided_on": "2025-03-10"}
TOO_BIG = 64 * 1024 + 1


@pytest.fixture(autouse=True)
def quiet_errors():
    """The refusals and server errors below are logged as warnings and errors, as they should."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def assert_security_headers(response, *, cached_as=None):
    assert_headers(response.headers, cached_as=cached_as)
    if not response.streaming and response.has_header("Content-Length"):
        assert int(response["Content-Length"]) == len(response.content)


def assert_headers(headers, *, cached_as=None):
    csp = headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("Referrer-Policy") == "same-origin"
    assert headers.get("X-Frame-Options") == "DENY"
    assert "camera=()" in headers.get("Permissions-Policy", "")
    assert headers.get("Cross-Origin-Opener-Policy") == "same-origin"
    assert (cached_as or "no-store") in headers.get("Cache-Control", "")


def assert_api_errors(response, code=None):
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert errors
    assert all(set(error) == {"field", "code", "message"} for error in errors)
    if code:
        assert errors[0]["code"] == code


def csrf_client():
    """A browser: the CSRF check enforced, its cookie got from a page."""
    client = Client(enforce_csrf_checks=True)
    client.get("/")
    return client


def form(data, charset=None):
    content_type = "application/x-www-form-urlencoded"
    if charset is not None:
        content_type += f"; charset={charset}"
    body = "&".join(f"{name}={value}" for name, value in data.items())
    return {"data": body, "content_type": content_type}


def with_token(client, data):
    return {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def server_error_in_the_questionnaire(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr("questionnaire.wizard.walk", broken)
    client = Client(raise_request_exception=False)
    return client.get(STEP)


def server_error_in_the_api(monkeypatch):
    def broken():
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr("rules.api.openapi", broken)
    client = Client(raise_request_exception=False)
    return client.get(SCHEMA_API)


def refused_in_the_questionnaire(monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionDenied

    monkeypatch.setattr("questionnaire.wizard.walk", refused)
    return Client().get(STEP)


def refused_in_the_api(monkeypatch):
    def refused():
        raise PermissionDenied

    monkeypatch.setattr("rules.api.openapi", refused)
    return Client().get(SCHEMA_API)


def form_in_latin_1(monkeypatch):
    client = csrf_client()
    return client.generic("POST", "/", **form(with_token(client, ANSWER), "latin-1"))


def too_many_fields(monkeypatch):
    client = csrf_client()
    fields = with_token(client, {f"f{n}": "1" for n in range(1_000)})
    return client.generic("POST", STEP, **form(fields))


def host_not_allowed_met_by_the_https_redirect(monkeypatch):
    from django.conf import settings

    monkeypatch.setattr(settings, "SECURE_SSL_REDIRECT", True)
    return Client().get("/", headers={"host": "elsewhere.example"})


def csrf_failure(monkeypatch):
    return Client(enforce_csrf_checks=True).post(STEP, ANSWER)


PAGES = {
    "400 form in latin-1, with the CSRF cookie": (form_in_latin_1, 400),
    "400 too many fields, with the CSRF cookie": (too_many_fields, 400),
    "400 host not allowed, before the HTTPS redirect": (
        host_not_allowed_met_by_the_https_redirect,
        400,
    ),
    "403 CSRF failure": (csrf_failure, 403),
    "403 refused": (refused_in_the_questionnaire, 403),
    "404": (lambda monkeypatch: Client().get("/no-such-page/"), 404),
    "404 in English": (lambda monkeypatch: Client().get("/en/no-such-page/"), 404),
    "405 GET of a form's address": (lambda monkeypatch: Client().get("/clear/"), 405),
    "405 PUT to a question": (lambda monkeypatch: Client().put(STEP), 405),
    "413": (lambda monkeypatch: Client().post(STEP, **form({"x": "y" * TOO_BIG})), 413),
    "500": (server_error_in_the_questionnaire, 500),
}
API = {
    "400 invalid JSON": (
        lambda monkeypatch: Client().post(OUTCOME_API, "{", content_type="application/json"),
        400,
        "invalid_json",
    ),
    "400 unknown charset": (
        lambda monkeypatch: Client().generic(
            "POST", OUTCOME_API, json.dumps(API_BODY), "application/json; charset=x-foo"
        ),
        400,
        "charset",
    ),
    "403 refused": (refused_in_the_api, 403, "forbidden"),
    "404": (lambda monkeypatch: Client().get("/api/v1/no-such-thing"), 404, "not_found"),
    "405": (lambda monkeypatch: Client().get(OUTCOME_API), 405, "method_not_allowed"),
    "413": (
        lambda monkeypatch: Client().post(
            OUTCOME_API, "x" * TOO_BIG, content_type="application/json"
        ),
        413,
        "too_large",
    ),
    "500": (server_error_in_the_api, 500, "server_error"),
}


@pytest.mark.parametrize(("request_", "status"), PAGES.values(), ids=PAGES.keys())
def test_every_error_page_carries_the_security_headers(monkeypatch, request_, status):
    response = request_(monkeypatch)
    assert response.status_code == status
    assert_security_headers(response)
    assert response.content.strip()
    assert response["Content-Type"].startswith(("text/html", "text/plain"))


@pytest.mark.parametrize(("request_", "status", "code"), API.values(), ids=API.keys())
def test_every_api_error_carries_the_security_headers_and_is_a_json_list(
    monkeypatch, frozen_now, request_, status, code
):
    response = request_(monkeypatch)
    assert response.status_code == status
    assert_security_headers(response)
    assert_api_errors(response, code)


@pytest.mark.parametrize("path", ["/static/css/site.css", "/robots.txt"])
def test_static_files_carry_the_security_headers_with_their_own_caching(path):
    # The collected file's hashed name is what the pages link to.
    if path.startswith("/static/"):
        html = Client().get("/").content.decode()
        path = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    response = Client().get(path)
    response.close()
    assert response.status_code == 200
    assert_security_headers(response, cached_as="max-age=")


# --- Bodies in any charset ------------------------------------------------------------------------

CHARSETS = [
    None,
    "utf-8",
    "UTF8",
    "latin-1",
    "ascii",
    "utf-16",
    "utf-32",
    "x-foo",
    "base64",
    "idna",
    "%%ü!garbage",
    "",
]
PLACES = ["/", STEP, "/en/questions/measure/", OUTCOME_API]


def encoded(text, charset):
    """The body as a client declaring `charset` would send it; in UTF-8 when Python has no such
    text encoding."""
    try:
        return text.encode(charset or "utf-8")
    except (LookupError, UnicodeError):
        return text.encode()


def body_for(place, client, content_type):
    if place == OUTCOME_API:
        return json.dumps(API_BODY)
    data = with_token(client, ANSWER) if "csrftoken" in client.cookies else ANSWER
    if content_type.startswith("multipart/"):
        parts = [
            f'--BOUNDARY\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in data.items()
        ]
        return "".join(parts) + "--BOUNDARY--\r\n"
    return "&".join(f"{name}={value}" for name, value in data.items())


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("with_cookie", [False, True], ids=["no CSRF cookie", "CSRF cookie"])
@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "multipart/form-data; boundary=BOUNDARY"],
    ids=["urlencoded", "multipart"],
)
def test_a_post_in_any_charset_never_gets_a_server_error(
    frozen_now, place, with_cookie, content_type
):
    for charset in CHARSETS:
        client = csrf_client() if with_cookie else Client(enforce_csrf_checks=True)
        declared = content_type if charset is None else f"{content_type}; charset={charset}"
        if place == OUTCOME_API:
            declared = declared.replace(content_type, "application/json")
        body = encoded(body_for(place, client, content_type), charset)
        response = client.generic("POST", place, body, content_type=declared)
        assert response.status_code < 500, (charset, response.status_code)
        assert_security_headers(response)
        if place == OUTCOME_API and response.status_code != 200:
            assert_api_errors(response)


@pytest.mark.parametrize("charset", ["latin-1", "ascii", "utf-16", "utf-32", "x-foo", "base64"])
@pytest.mark.parametrize("place", ["/", "/en/questions/measure/"])
def test_a_form_not_in_utf_8_is_refused_as_a_bad_request(place, charset):
    client = csrf_client()
    response = client.generic("POST", place, **form(with_token(client, ANSWER), charset))
    assert response.status_code == 400
    assert_security_headers(response)


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "utf8", "UTF_8"])
def test_a_form_in_utf_8_under_any_of_its_names_is_read(charset):
    client = csrf_client()
    response = client.generic("POST", "/", **form(with_token(client, ANSWER), charset))
    assert response.status_code == 302
    assert response["Location"] == "/questions/departement/"


def test_a_multipart_form_is_read_in_the_charset_it_names():
    client = csrf_client()
    body = (
        "--B\r\n"
        f'Content-Disposition: form-data; name="{MANAGEMENT}"\r\n\r\nmeasure\r\n'
        "--B\r\n"
        'Content-Disposition: form-data; name="measure-measure"\r\n\r\noqtf\r\n'
        "--B\r\n"
        'Content-Disposition: form-data; name="eu_citizen-eu_citizen"\r\n\r\nfalse\r\n'
        "--B\r\n"
        'Content-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{client.cookies['csrftoken'].value}\r\n"
        "--B--\r\n"
    ).encode("latin-1")
    response = client.generic(
        "POST", "/", body, content_type="multipart/form-data; boundary=B; charset=latin-1"
    )
    assert response.status_code == 302


def through_the_server(server, method, path, query, content_type):
    """The request as a server hands it to the app (config.asgi as `make run` serves it, or
    config.wsgi): the test client builds Django's own request, before the app's."""
    if server == "asgi":
        # In a thread of its own: Playwright's browser tests, earlier in the same run, keep an
        # event loop running in this one, where asyncio.run() refuses to start.
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(
                asyncio.run, through_asgi(method, path, query, content_type)
            ).result()
    from config.wsgi import application

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": "0",
        "HTTP_HOST": "testserver",
        "wsgi.input": BytesIO(),
    }
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = CaseInsensitiveMapping(dict(headers))

    result = application(environ, start_response)
    b"".join(result)
    result.close()
    return answer["status"], answer["headers"]


async def through_asgi(method, path, query, content_type):
    from config.asgi import application

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"content-type", content_type.encode("latin-1")),
            (b"content-length", b"0"),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    body_sent, sent = asyncio.Event(), []

    async def receive():
        if not body_sent.is_set():
            body_sent.set()
            return {"type": "http.request", "body": b"", "more_body": False}
        # Then the client waits for the answer: Django listens for a disconnect meanwhile.
        await asyncio.Event().wait()

    async def send(message):
        sent.append(message)

    await application(scope, receive, send)
    headers = {name.decode(): value.decode("latin-1") for name, value in sent[0]["headers"]}
    return sent[0]["status"], CaseInsensitiveMapping(headers)


# Python knows these names (all but x-foo), but cannot decode text with them: Django failed on them
# while it built the request, before any middleware, when there was a query string. A NUL too (no
# server lets one through, but the app does not rely on it).
NOT_TEXT = ["base64", "rot13", "hex", "zlib", "idna", "undefined", "x-foo", "utf-8\x00"]


@pytest.mark.parametrize("charset", NOT_TEXT)
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("path", ["/", "/en/questions/measure/", OUTCOME_API])
@pytest.mark.parametrize("server", ["asgi", "wsgi"])
def test_a_charset_that_cannot_be_read_is_refused_even_with_a_query_string(
    server, method, path, charset
):
    status, headers = through_the_server(
        server, method, path, "cleared=1", f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert status == 400
    assert_headers(headers)


# --- The pages of the errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "language", "reload"),
    [("", "fr", "Rechargez la page"), ("/en", "en", "Reload the page")],
)
def test_the_csrf_failure_page_says_in_the_pages_language_to_reload_and_answer_again(
    prefix, language, reload
):
    url = f"{prefix}{STEP}"
    response = Client(enforce_csrf_checks=True).post(url, ANSWER)
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr">' in html
    assert reload in html
    # The link shows the question again; the site's own header and stylesheet are there.
    assert f'class="button" href="{url}"' in html
    assert 'class="site-header"' in html
    assert "CSRF" not in html


def test_after_a_csrf_failure_the_page_reloaded_takes_the_answer():
    client = Client(enforce_csrf_checks=True)
    assert client.post(STEP, ANSWER).status_code == 403
    # The refusal gave the browser the cookie it lacked: the page reloaded, the answer goes in.
    page = client.get(STEP).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post(STEP, {**ANSWER, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_a_csrf_failure_on_clearing_the_answers_leads_to_the_start_page():
    response = Client(enforce_csrf_checks=True).post("/en/clear/")
    assert response.status_code == 403
    assert 'class="button" href="/en/"' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "text", "start"),
    [
        ("/no-such-page/", "Page introuvable", "/"),
        ("/en/no-such-page/", "Page not found", "/en/"),
    ],
)
def test_a_page_not_found_is_in_the_pages_language_and_leads_to_the_first_question(
    path, text, start
):
    response = Client().get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert f'class="button" href="{start}"' in html
    assert 'class="site-header"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [("/clear/", "Cette adresse"), ("/en/clear/", "This address")],
)
def test_a_method_not_allowed_says_so_in_the_pages_language(path, text):
    response = Client().get(path)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert text in response.content.decode()


def test_a_server_error_says_so_in_the_pages_language(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr("questionnaire.wizard.walk", broken)
    client = Client(raise_request_exception=False)
    assert "notre côté" in client.get(STEP).content.decode()
    assert "our side" in client.get(f"/en{STEP}").content.decode()
