"""Browser tests: Playwright driving Debian's chromium against the app on a live server.

They never skip: without chromium they fail, saying how to install it (`make test` does).
"""

import os

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from questionnaire.storage import COOKIE_NAME
from tests.helpers import CHROMIUM, CHROMIUM_ARGS, PHONE, walk

# Playwright's sync API runs an event loop in the test thread; the app has no database, so
# Django's guard against database calls from async contexts has nothing to protect here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: `apt-get install -y chromium` (make test does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, request):
    """A fresh browser context (no cookies) with JavaScript on, unless marked `no_javascript`."""
    javascript = request.node.get_closest_marker("no_javascript") is None
    context = chromium.new_context(java_script_enabled=javascript, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


# axe, injected once per document (htmx keeps the document), violations only.
AXE_LOADED = "() => typeof window.axe !== 'undefined'"
AXE_RUN = "() => axe.run(document, {resultTypes: ['violations']})"


def axe_results(axe, page):
    if not page.evaluate(AXE_LOADED):
        page.evaluate(axe.axe_script)
    return AxeResults(page.evaluate(AXE_RUN))


@pytest.fixture(scope="session")
def _axe_auditor(chromium):
    """A page with JavaScript on where the app's own scripts never run (see `accessibility`)."""
    context = chromium.new_context(java_script_enabled=True)
    page = context.new_page()
    copy = {}

    def serve(route):
        if route.request.resource_type == "document":
            route.fulfill(body=copy["html"], content_type="text/html; charset=utf-8")
        elif route.request.resource_type == "script":
            route.abort()
        else:
            route.continue_()

    page.route("**/*", serve)
    yield page, copy
    context.close()


@pytest.fixture
def accessibility(axe, _axe_auditor, request):
    """`accessibility(page, where)`: axe finds no violation on what the page shows.

    axe waits on timers, and timers never fire in a page with JavaScript off (the run would
    hang): such a page (marked `no_javascript`, or `javascript=False`) is copied, its DOM as it
    is, to a page at the same address with JavaScript on but the app's scripts blocked, and
    audited there with the same style sheets.
    """
    default = request.node.get_closest_marker("no_javascript") is None
    auditor, copy = _axe_auditor

    def check(page, where="", *, javascript=default):
        if javascript:
            results = axe_results(axe, page)
        else:
            copy["html"] = page.content()
            auditor.goto(page.url)
            results = axe_results(axe, auditor)
        assert results.violations_count == 0, f"{where or page.url}: {results.generate_report()}"

    return check


@pytest.fixture
def phone(chromium, client, live_server):
    """`phone(answers, prefix)`: a phone-sized page showing the outcome of these answers."""
    contexts = []

    def open_outcome(answers, prefix=""):
        client.cookies.clear()
        walk(client, answers, prefix)
        context = chromium.new_context(viewport=PHONE, locale="fr-FR")
        contexts.append(context)
        context.add_cookies(
            [
                {
                    "name": COOKIE_NAME,
                    "value": client.cookies[COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.goto(f"{live_server.url}{prefix}/outcome/")
        return page

    yield open_outcome
    for context in contexts:
        context.close()
