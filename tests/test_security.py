"""Headers, production settings and what the server keeps: nothing about the person."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

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
