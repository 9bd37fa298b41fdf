"""Cross-origin headers on every kind of response, static files included, and the Host header
checked before anything is served."""

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

from tests.helpers import MANAGEMENT

CROSS_ORIGIN = {"Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"}


def static_url(name):
    return staticfiles_storage.url(name)


def responses(client):
    """One response of each kind the server gives."""
    fragment = {"HTTP_HX_REQUEST": "true"}
    body = '{"measure": "oqtf", "territory": "metropole", "decided_on": "2025-03-10"}'
    return {
        "start page": client.get("/"),
        "a question in English": client.get("/en/questions/measure/"),
        "an htmx fragment": client.post(
            "/questions/measure/",
            {"measure-measure": "oqtf", "eu_citizen-eu_citizen": "false", MANAGEMENT: "measure"},
            **fragment,
        ),
        "the API": client.post("/api/v1/outcome", body, content_type="application/json"),
        "the API's refusal": client.post("/api/v1/outcome", "{", content_type="application/json"),
        "the API schema": client.get("/api/v1/schema"),
        "a page not found": client.get("/nowhere/"),
        "a method not allowed": client.get("/clear/"),
        "a CSRF refusal": csrf_refusal(),
        "the stylesheet": client.get(static_url("css/site.css")),
        "the script": client.get(static_url("js/app.js")),
        "a static file not found": client.get("/static/nothing.css"),
        "the favicon": client.get("/favicon.ico"),
        "a foreign host": client.get("/", HTTP_HOST="evil.example"),
    }


def csrf_refusal():
    return Client(enforce_csrf_checks=True).post("/questions/measure/", {})


def test_every_kind_of_response_carries_coop_and_corp(client, frozen_now):
    found = responses(client)
    assert found["a CSRF refusal"].status_code == 403
    assert found["a foreign host"].status_code == 400
    assert found["the stylesheet"].status_code == 200
    for name, response in found.items():
        headers = {header: response.get(header) for header in CROSS_ORIGIN}
        assert set(headers.values()) == {"same-origin"}, (name, headers)
        response.close()


def test_whitenoise_itself_adds_the_cross_origin_headers_to_static_files():
    headers = {}
    settings.WHITENOISE_ADD_HEADERS_FUNCTION(headers, "/x/site.css", "/static/site.css")
    assert headers == dict.fromkeys(CROSS_ORIGIN, "same-origin")


@pytest.mark.parametrize(
    "path",
    [lambda: static_url("css/site.css"), lambda: "/favicon.ico", lambda: "/", lambda: "/en/"],
    ids=["a static file", "a file at the root", "the start page", "the English start page"],
)
@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost:80@evil"])
def test_a_foreign_host_gets_400_before_anything_is_served(client, path, host):
    response = client.get(path(), HTTP_HOST=host)
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Security-Policy"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost"])
def test_an_allowed_host_gets_its_static_file(client, host):
    response = client.get(static_url("css/site.css"), HTTP_HOST=host)
    assert response.status_code == 200
    response.close()
