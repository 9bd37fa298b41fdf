"""The law the app applies, open to review: `/droit/` and `/api/v1/law` hold every dated value of
rules/law/ with its sources, generated from the files (a value added to a copy shows up), and the
regime page sets the days the rules changed side by side."""

import html
import json
import re
import shutil
from datetime import date

import pytest
import yaml
from django.test import Client

from rules import lawbook
from rules.engine import law
from tests.helpers import BASE_DIR

PAGES = ("/droit/", "/en/droit/", "/ar/droit/")


def every_value():
    for parameter in law.all_parameters():
        for dated in parameter.history:
            yield parameter, dated


def text_of(page):
    return html.unescape(page.content.decode())


@pytest.fixture(scope="module")
def law_pages():
    client = Client()
    return {path: text_of(client.get(path)) for path in PAGES}


@pytest.mark.parametrize("path", PAGES)
def test_the_law_page_shows_every_file_each_dated_value_and_each_source(law_pages, path):
    page = law_pages[path]
    for parameter, dated in every_value():
        row = re.search(
            rf'<tr id="{lawbook.anchor(parameter.name, dated.start)}">(.*?)</tr>', page, re.S
        )
        assert row, f"{parameter.name} from {dated.start} missing"
        assert f'<time datetime="{dated.start.isoformat()}">' in row.group(1)
        for source in dated.source:
            assert f"<cite>{' '.join(source.split())}</cite>" in " ".join(row.group(1).split())


@pytest.mark.parametrize("path", PAGES)
def test_a_value_that_was_replaced_shows_its_last_day(law_pages, path):
    parameter = next(p for p in law.all_parameters() if len(p.history) > 1)
    first, second = parameter.history[:2]
    row = re.search(
        rf'<tr id="{lawbook.anchor(parameter.name, first.start)}">(.*?)</tr>', law_pages[path], re.S
    )
    last_day = date.fromordinal(second.start.toordinal() - 1).isoformat()
    assert f'<time datetime="{last_day}">' in row.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_the_open_points_are_shown_with_the_values_they_concern(law_pages, path):
    page = law_pages[path]
    assert page.count('class="law__open-point"') >= len(lawbook.open_points())
    entry = re.search(r'id="law-oqtf-pact_2026".*?</section>', page, re.S).group(0)
    assert "law__open-point" in entry


def test_on_a_right_to_left_page_the_english_texts_are_marked_and_read_left_to_right(law_pages):
    page = law_pages["/ar/droit/"]
    assert '<html lang="ar" dir="rtl">' in page
    entry = re.search(r'id="law-oqtf-pact_2026".*?</section>', page, re.S).group(0)
    assert re.search(r'<p lang="en" dir="ltr">\w', entry)
    assert re.search(r'class="law__open-point">.*?<span lang="en" dir="ltr">\w', entry, re.S)


def test_the_last_check_of_the_rules_is_shown_as_a_date(law_pages):
    day = law.parameter("checked_on").history[-1].value.isoformat()
    for page in law_pages.values():
        assert f'<time datetime="{day}">' in page


def test_the_groups_hold_every_file_once():
    names = [entry.name for _group, entries in lawbook.grouped() for entry in entries]
    assert sorted(names) == sorted(p.name for p in law.all_parameters())
    assert {entry.group for entry in lawbook.entries()} - {"general"}, "files grouped by subject"
    assert lawbook.group_of("oqtf/appeal_free") == "oqtf_deadlines"
    assert lawbook.group_of("expulsion/relative_lifted_by") == "protection"


def test_the_api_gives_every_value_with_its_dates_and_sources():
    response = Client().get("/api/v1/law")
    assert response.status_code == 200
    data = response.json()
    by_name = {p["name"]: p for p in data["parameters"]}
    for parameter, dated in every_value():
        values = {v["start"]: v for v in by_name[parameter.name]["values"]}
        given = values[dated.start.isoformat()]
        assert given["source"] == list(dated.source)
        assert given["value"] == lawbook.plain(dated.value)
    assert data["checked_on"] == lawbook.checked_on().isoformat()


def test_the_api_is_cacheable_for_a_day_with_an_etag():
    client = Client()
    response = client.get("/api/v1/law")
    assert response["Cache-Control"] == "public, max-age=86400"
    again = client.get("/api/v1/law", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/api/v1/law", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_api_is_in_the_openapi_description():
    paths = Client().get("/api/v1/schema").json()["paths"]
    assert "/api/v1/law" in paths
    assert "/api/v1/questions" in paths


def test_a_value_added_to_the_law_shows_on_the_page_and_in_the_api(tmp_path, monkeypatch):
    copy = tmp_path / "law"
    shutil.copytree(BASE_DIR / "rules" / "law", copy)
    changed = copy / "oqtf" / "appeal_free.yaml"
    data = yaml.safe_load(changed.read_text())
    data["values"][date(2027, 3, 1)] = {
        "value": {"rule": "15_days"},
        "source": ["décret n° 2027-999 du 1er février 2027, art. 2"],
    }
    changed.write_text(yaml.safe_dump(data, allow_unicode=True))
    monkeypatch.setattr(law, "LAW_DIR", copy)
    law.parameter.cache_clear()
    lawbook.citation_index.cache_clear()
    try:
        page = text_of(Client().get("/droit/"))
        api = json.loads(Client().get("/api/v1/law").content)
    finally:
        law.parameter.cache_clear()
        lawbook.citation_index.cache_clear()
    assert 'id="law-oqtf-appeal_free-2027-03-01"' in page
    assert "décret n° 2027-999 du 1er février 2027, art. 2" in page
    free = next(p for p in api["parameters"] if p["name"] == "oqtf/appeal_free")
    assert free["values"][-1]["start"] == "2027-03-01"
    assert free["values"][-2]["until"] == "2027-02-28"


@pytest.mark.parametrize("path", ["/droit/regimes/", "/en/droit/regimes/"])
def test_the_regime_page_sets_the_days_the_rules_changed_side_by_side(path):
    page = text_of(Client().get(path))
    head = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    days = re.findall(r'<time datetime="([\d-]+)">', head)
    assert days == ["2021-05-01", "2024-01-28", "2024-07-15"]
    assert days == [day.isoformat() for day in lawbook.regime_days()]
    # A value that began on 15 July 2024 is in that column.
    row = re.search(
        r"<tr><th scope=\"row\"><a [^>]*><code>oqtf/appeal_free</code>.*?</tr>", page, re.S
    )
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    assert "1_month" in cells[2]
    assert "1_month" not in cells[0]


def test_the_changes_come_newest_first_with_every_day_a_value_changed():
    days = [day for day, _entries in lawbook.changes()]
    assert days == sorted(days, reverse=True)
    assert set(days) == {dated.start for _p, dated in every_value()}


def test_the_readmes_changelog_of_the_law_is_up_to_date():
    """`make law-changes` writes it from rules/law/: this fails until it is run after a change."""
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    assert lawbook.with_changes(readme) == readme


def test_the_changelog_names_a_new_value_first_with_its_source(tmp_path, monkeypatch):
    copy = tmp_path / "law"
    shutil.copytree(BASE_DIR / "rules" / "law", copy)
    changed = copy / "oqtf" / "appeal_free.yaml"
    data = yaml.safe_load(changed.read_text())
    data["values"][date(2027, 3, 1)] = {"value": None, "source": ["décret n° 2027-999, art. 2"]}
    changed.write_text(yaml.safe_dump(data, allow_unicode=True))
    monkeypatch.setattr(law, "LAW_DIR", copy)
    law.parameter.cache_clear()
    try:
        text = lawbook.changes_markdown()
    finally:
        law.parameter.cache_clear()
    assert text.startswith(
        "- **2027-03-01**\n  - `oqtf/appeal_free` (ends): décret n° 2027-999, art. 2"
    )
