import os
from pathlib import Path

import pytest

from rules import clock
from tests.helpers import BASE_DIR, NOW


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze the app's clock; the test may move it with frozen_now.set(datetime)."""

    class Frozen:
        value = NOW

        def set(self, value):
            self.value = value

    frozen = Frozen()
    monkeypatch.setattr(clock, "now", lambda: frozen.value)
    return frozen


@pytest.fixture
def transactional_db():
    """Nothing to set up: the app has no database (DATABASES is empty).

    pytest-django's `live_server` asks for this fixture by name for every test that uses it;
    its own version would flush a database that does not exist after each test.
    """


def _through_to_the_app(app):
    return app


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, its static files served as in production.

    pytest-django's own wraps the app in Django's static files handler, which looks files up by
    their plain names and answers 404 for the hashed names the pages link to (manifest storage):
    here WhiteNoise, in the middleware, serves the collected files.
    """
    from django.conf import settings
    from pytest_django.live_server_helper import LiveServer

    needed = {
        "static files": (Path(settings.STATIC_ROOT) / "staticfiles.json", "make static"),
        "French messages": (BASE_DIR / "locale/fr/LC_MESSAGES/django.mo", "make messages"),
        "English messages": (BASE_DIR / "locale/en/LC_MESSAGES/django.mo", "make messages"),
    }
    for what, (path, command) in needed.items():
        if not path.exists():
            pytest.fail(f"{what} missing ({path}): run `{command}` (make test does)")
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _through_to_the_app
    server.start()
    yield server
    server.stop()
