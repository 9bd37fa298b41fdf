"""Headers, production settings and what the server keeps: nothing about the person."""

import gzip
import json
import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import MANAGEMENT, case, change_answer, page_fields, shown_steps, step_of

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", ["/api/v1/schema", "/", "/en/"])
def test_every_page_sends_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_outcome_api_is_never_cached(client, frozen_now):
    body = '{"measure": "oqtf", "territory": "metropole", "decided_on": "2025-03-10"}'
    response = client.post("/api/v1/outcome", body, content_type="application/json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def run_check_deploy(extra_env):
    # As in production: the browser tests' opt-out of Django's async guard does not apply here.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_djangos_deployment_checks():
    result = run_check_deploy({"DJANGO_HTTPS": "1", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)})
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_https_the_deployment_checks_flag_the_insecure_cookies():
    result = run_check_deploy({"DJANGO_HTTPS": "0", "DJANGO_SECRET_KEY": secrets.token_urlsafe(50)})
    assert result.returncode != 0
    assert "CSRF_COOKIE_SECURE" in result.stdout + result.stderr


def test_debug_is_off_unless_asked():
    from django.conf import settings

    assert settings.DEBUG is False


def test_the_content_security_policy_allows_nothing_inline_nor_any_other_origin(client):
    csp = dict(
        directive.strip().split(" ", 1)
        for directive in client.get("/")["Content-Security-Policy"].split(";")
    )
    for directive in ("default-src", "script-src", "style-src", "img-src", "connect-src"):
        assert csp[directive] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert csp["form-action"] == "'self'"


def test_htmx_is_configured_to_need_no_inline_style_or_script(client):
    html = client.get("/").content.decode()
    config = json.loads(html.split('name="htmx-config" content=\'', 1)[1].split("'", 1)[0])
    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False
    assert config["allowScriptTags"] is False
    assert config["selfRequestsOnly"] is True


def test_a_body_over_the_limit_is_refused_before_any_view(client):
    response = client.post("/clear/", "x" * (64 * 1024 + 1), content_type="text/plain")
    assert response.status_code == 413
    assert response["Content-Security-Policy"]


def test_no_answer_is_ever_in_an_address_or_a_log_line(client, frozen_now, caplog):
    answers = case("OQTF 2025, free, Paris - one month, franc")["answers"]
    secrets_ = {"2025-03-10", "10/03/2025", "permit_refused", "75"}
    addresses = []

    def remember(response):
        addresses.append(response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"])
        if response.has_header("Location"):
            addresses.append(response["Location"])
        for header in ("HX-Push-Url", "HX-Redirect", "HX-Location"):
            if response.has_header(header):
                addresses.append(response[header])

    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="django"):
        client.get("/")
        url = "/questions/measure/"
        shown = shown_steps(client.get(url).content.decode())
        while not url.endswith("/outcome/"):
            data = {MANAGEMENT: step_of(url), **page_fields(shown, answers)}
            response = client.post(url, data, HTTP_HX_REQUEST="true")
            remember(response)
            shown = shown_steps(response.content.decode())
            # htmx gets the next page in place, with its address.
            url = response["HX-Push-Url"]
            remember(client.get(url, HTTP_HX_REQUEST="true"))
        remember(client.get("/outcome/"))
        # A wrong answer, refused, is not logged either.
        remember(change_answer(client, answers, "decided_on", ["1999-12-31"]))
    logged = [record.getMessage() for record in caplog.records]
    logged += [repr(record.args) for record in caplog.records]
    assert addresses
    for secret in secrets_ | {"1999-12-31"}:
        assert not [line for line in logged if secret in line], secret
        assert not [address for address in addresses if secret in address], secret


def test_pages_are_gzipped_with_a_csrf_token_masked_anew_each_time(client):
    tokens = set()
    for _ in range(3):
        response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
    assert len(tokens) == 3


@pytest.mark.parametrize("path", ["/favicon.ico", "/robots.txt"])
def test_what_browsers_and_crawlers_ask_for_at_the_root_is_there(client, path):
    response = client.get(path)
    response.close()
    assert response.status_code == 200


def test_the_api_refuses_a_body_too_large_with_a_json_error_list(client):
    body = '{"measure": "' + "x" * 70_000 + '"}'
    response = client.post("/api/v1/outcome", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()[0]["code"] == "too_large"
