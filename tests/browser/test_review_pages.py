"""The law and the map of the questions, in a browser: axe finds nothing, no request leaves the
site, nothing scrolls sideways on a phone (the regimes' table scrolls in its own region), and the
law prints as tables on A4 pages."""

from urllib.parse import urlsplit

import pytest

PAGES = ("/droit/", "/en/droit/", "/droit/regimes/", "/en/questions/carte/", "/questions/carte/")


@pytest.mark.parametrize("path", PAGES)
def test_the_review_pages_are_accessible_and_ask_nothing_of_another_site(
    browser_page, live_server, accessibility, path
):
    page = browser_page
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + path)
    accessibility(page, path)
    site = urlsplit(live_server.url).netloc
    assert all(urlsplit(url).netloc == site for url in requested)


@pytest.mark.parametrize("path", PAGES)
def test_the_review_pages_fit_a_phones_width(browser_page, live_server, path):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_law_prints_on_a4_pages(browser_page, live_server):
    page = browser_page
    page.goto(live_server.url + "/droit/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator("table.law__table").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") > 3
