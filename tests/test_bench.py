"""The benchmark's virtual users walk the questionnaire to the outcome as htmx does, so that
`make bench` measures complete questionnaires. No timing here: bench/run.py measures, on a
production server."""

from urllib.parse import urlsplit

from bench.run import Browser, flows, walk


def test_every_public_case_walked_by_the_benchmark_reaches_the_outcome(live_server, frozen_now):
    shown_steps, page_fields, cases = flows()
    port = urlsplit(live_server.url).port
    # Each case once, in French or in English by turns: the test server is slow to answer.
    once = [case for index, case in enumerate(cases) if index % 4 in (0, 3)]
    assert {name for name, _answers, _language in once} == {name for name, *_rest in cases}
    failed = []
    for name, answers, language in once:
        browser = Browser(port)
        if not walk(browser, answers, language, shown_steps, page_fields):
            failed.append((name, language or "/fr"))
        browser.close()
    assert not failed
