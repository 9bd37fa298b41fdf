"""The law as data (rules/law/**.yaml): every file well formed, every value dated and sourced,
nothing overwritten, and the regimes of LAW.md §1 on the right days.
"""

import re
import shutil
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from rules.engine import law
from rules.engine.answers import parse
from rules.engine.outcome import evaluate
from tests.helpers import BASE_DIR

PATHS = law.names()
NAMES = [path.relative_to(law.LAW_DIR).with_suffix("").as_posix() for path in PATHS]
COUNTINGS = {"months_franc", "days_franc", "days", "days_from_day_one", "hours"}


class DuplicateKey(ValueError):
    pass


class StrictLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys without a word: refuse them instead."""


def no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    repeated = {key for key in keys if keys.count(key) > 1}
    if repeated:
        raise DuplicateKey(f"repeated keys {sorted(map(str, repeated))} {node.start_mark}")
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_duplicates)


def raw(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)


def test_the_law_folder_holds_the_expected_files():
    assert len(PATHS) >= 30
    assert "regimes" in NAMES


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_each_file_loads_with_a_description_a_unit_and_values(path):
    data = raw(path)
    assert set(data) == {"description", "unit", "values"}
    for key in ("description", "unit"):
        assert isinstance(data[key], str)
        assert data[key].strip()
    assert isinstance(data["values"], dict)
    assert data["values"]


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_each_value_is_keyed_by_a_date_in_increasing_order_with_a_source(path):
    values = raw(path)["values"]
    starts = list(values)
    assert all(type(start) is date for start in starts), starts
    assert starts == sorted(starts), "a later date written before an earlier one"
    for start, entry in values.items():
        assert set(entry) == {"value", "source"}, start
        assert isinstance(entry["source"], list), start
        assert entry["source"], start
        assert all(isinstance(s, str) and s.strip() for s in entry["source"]), start


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_no_value_is_overwritten_by_a_repeated_key(path):
    raw(path)  # raises DuplicateKey on a date (or a key inside a value) given twice


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_each_value_starts_once_the_app_has_rules_and_changes_something(path):
    history = law.read_parameter(path).history
    assert history[0].start >= date(2021, 5, 1)
    assert history[0].value is not None, "a first value cannot be an end"
    for before, after in pairwise(history):
        assert before.value != after.value, f"{after.start} repeats the value of {before.start}"


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_each_value_applies_from_its_day_and_not_the_day_before(path):
    parameter = law.read_parameter(path)
    for previous, dated in zip((None, *parameter.history), parameter.history, strict=False):
        on_the_day = parameter.in_force(dated.start)
        the_day_before = parameter.in_force(dated.start - timedelta(days=1))
        assert (on_the_day and on_the_day.value) == dated.value
        assert (the_day_before and the_day_before.value) == (previous and previous.value)


def procedures():
    for name in NAMES:
        parameter = law.parameter(name)
        if parameter.unit == "appeal procedure":
            for dated in parameter.history:
                # expulsion/caa_appeal names only its rule ("2_months").
                if isinstance(dated.value, dict):
                    yield pytest.param(dated.value, id=f"{name} from {dated.start}")


@pytest.mark.parametrize("procedure", list(procedures()))
def test_each_appeal_procedure_names_its_rule_length_and_counting_consistently(procedure):
    assert procedure["counting"] in COUNTINGS
    assert isinstance(procedure["length"], int)
    assert procedure["length"] > 0
    unit = {"months_franc": "month", "hours": "hours"}.get(procedure["counting"], "days")
    plural = "s" if procedure["length"] > 1 and unit == "month" else ""
    assert procedure["rule"] == f"{procedure['length']}_{unit}{plural}"
    assert isinstance(procedure["extend"], bool)
    if procedure["counting"] in ("days", "days_from_day_one", "hours"):
        # LAW.md §4: "Non-franc and hour deadlines never move."
        assert procedure["extend"] is False


# LAW.md §1: the regime of each measure by the date the decision was taken.
# fmt: off
REGIMES = [
    pytest.param("2021-04-30", None, id="30 Apr 2021: no regime (out of scope)"),
    pytest.param("2021-05-01", {"oqtf": "oqtf-2021", "expulsion": "expulsion-2021"},
        id="1 May 2021: oqtf-2021 and expulsion-2021"),
    pytest.param("2024-01-27", {"oqtf": "oqtf-2021", "expulsion": "expulsion-2021"},
        id="27 Jan 2024: oqtf-2021 and expulsion-2021"),
    pytest.param("2024-01-28", {"oqtf": "oqtf-2024-01", "expulsion": "expulsion-2024"},
        id="28 Jan 2024: oqtf-2024-01 and expulsion-2024"),
    pytest.param("2024-07-14", {"oqtf": "oqtf-2024-01", "expulsion": "expulsion-2024"},
        id="14 Jul 2024: oqtf-2024-01 and expulsion-2024"),
    pytest.param("2024-07-15", {"oqtf": "oqtf-2024-07", "expulsion": "expulsion-2024"},
        id="15 Jul 2024: oqtf-2024-07 and expulsion-2024"),
    pytest.param("2030-01-01", {"oqtf": "oqtf-2024-07", "expulsion": "expulsion-2024"},
        id="2030: still the current regimes"),
]
# fmt: on


@pytest.mark.parametrize(("day", "regimes"), REGIMES)
def test_every_regime_of_law_md_section_1_applies_on_its_days(day, regimes):
    assert law.value("regimes", date.fromisoformat(day)) == regimes


def test_every_regime_of_law_md_section_1_appears():
    ids = {regime for dated in law.parameter("regimes").history for regime in dated.value.values()}
    assert ids == {"oqtf-2021", "oqtf-2024-01", "oqtf-2024-07", "expulsion-2021", "expulsion-2024"}


# fmt: off
DATED_VALUES = [
    # name, day, value
    pytest.param("oqtf/pact_2026", "2026-06-06", None, id="pact_2026 not before 7 Jun 2026"),
    pytest.param("oqtf/pact_2026", "2026-06-07", {"warning": "pact_2026", "shortest_days": 5},
        id="pact_2026 from 7 Jun 2026, as little as 5 days"),
    pytest.param("common/cra_placement_challenge", "2024-07-14",
        {"rule": "48_hours", "length": 48, "counting": "hours", "extend": False},
        id="CRA placement: 48 hours for placements up to 14 Jul 2024"),
    pytest.param("common/cra_placement_challenge", "2024-07-15",
        {"rule": "4_days", "length": 4, "counting": "days_from_day_one", "extend": False},
        id="CRA placement: 4 days from day one from 15 Jul 2024"),
    pytest.param("oqtf/enforceable_for", "2024-01-27", 1, id="OQTF enforceable 1 year before 2024"),
    pytest.param("oqtf/enforceable_for", "2024-01-28", 3, id="OQTF enforceable 3 years since"),
    pytest.param("oqtf/appeal_no_period", "2024-07-15", None,
        id="the old 48 hours without a period end on 15 Jul 2024"),
    pytest.param("common/post_48_hours", "2024-07-15", None,
        id="the post_48h_not_opposable rule ends with the old procedures"),
    pytest.param("oqtf/judge_time_in_prison", "2024-07-15", None,
        id="the 8 days in prison end with the old procedures"),
    pytest.param("oqtf/general_law_territories", "2024-07-15",
        ["guadeloupe", "guyane", "mayotte", "saint_barthelemy", "saint_martin"],
        id="the five territories of general law (LAW.md §2.6)"),
    pytest.param("oqtf/departure_period", "2025-01-01", 30, id="the departure period is 30 days"),
    pytest.param("expulsion/deciding_authority", "2024-07-16",
        "minister_for_protected_and_urgency", id="who decides, up to 16 Jul 2024"),
    pytest.param("expulsion/deciding_authority", "2024-07-17",
        "minister_for_l631_and_urgency", id="who decides, from 17 Jul 2024 (décret 2024-808)"),
    pytest.param("common/distance_delay_months", "2025-01-01",
        {"overseas_to_metropole": 1, "saint_martin_or_saint_barthelemy": 1, "abroad": 2},
        id="the distance delays of CJA R. 421-7"),
]
# fmt: on


@pytest.mark.parametrize(("name", "day", "value"), DATED_VALUES)
def test_the_dated_values_match_law_md(name, day, value):
    assert law.value(name, date.fromisoformat(day)) == value


def test_the_loader_refuses_a_file_with_a_missing_source(tmp_path, monkeypatch):
    monkeypatch.setattr(law, "LAW_DIR", tmp_path)
    path = tmp_path / "broken.yaml"
    path.write_text("description: x\nunit: y\nvalues:\n  2021-05-01:\n    value: 1\n")
    with pytest.raises(law.LawDataError):
        law.read_parameter(path)


def test_the_strict_loader_refuses_a_date_given_twice():
    text = "values:\n  2021-05-01: {value: 1}\n  2021-05-01: {value: 2}\n"
    with pytest.raises(DuplicateKey):
        yaml.load(text, Loader=StrictLoader)


# --- Nothing legal typed in a template: every duration and article comes from rules/law/ ---------

TEMPLATES = sorted(
    path
    for folder in ("rules/templates", "questionnaire/templates", "appeal/templates", "templates")
    for path in (BASE_DIR / folder).rglob("*.html")
)
DURATION = re.compile(
    r"\b\d+\s*(?:days?|months?|hours?|years?|weeks?|jours?|mois|heures?|ans?|semaines?)\b"
    r"|\b(?:one|two|three|four|five|six|ten|un|une|deux|trois|quatre|cinq|six|dix)\s+"
    r"(?:days?|months?|hours?|years?|weeks?|jours?|mois|heures?|ans?|semaines?)\b",
    re.IGNORECASE,
)
ARTICLE = re.compile(r"\b(?:L|R|D)\.?\*?\s?\d{3}-\d|\bart\.\s?\d|\bn°\s?\d")


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_no_template_types_a_legal_duration_or_an_article(path):
    text = path.read_text(encoding="utf-8")
    assert DURATION.findall(text) == []
    assert ARTICLE.findall(text) == []


def test_the_template_check_finds_what_it_looks_for():
    assert DURATION.findall("within 30 days, up to one year, sous 15 jours")
    assert ARTICLE.findall("(CESEDA L. 722-7 ; CJA R. 351-3 ; art. 8 ; n° 452716)")


# --- The README's recipe "to change a rule", applied to a copy of rules/law/ ----------------------


def readme_recipe() -> tuple[str, str]:
    """The file the README says to change, and the dated value it says to add (its YAML block)."""
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    recipe = readme.split("**To change a rule, add a dated value; never edit an old one.**")[1]
    file_name = re.search(r"add to `(rules/law/[^`]+\.yaml)`", recipe).group(1)
    block = recipe.split("```yaml\n")[1].split("```")[0]
    return file_name, block


def test_the_readmes_recipe_to_change_a_rule_works(tmp_path, monkeypatch):
    file_name, block = readme_recipe()
    copy = tmp_path / "law"
    shutil.copytree(BASE_DIR / "rules" / "law", copy)
    changed = copy / Path(file_name).relative_to("rules/law")
    changed.write_text(changed.read_text(encoding="utf-8") + block, encoding="utf-8")
    monkeypatch.setattr(law, "LAW_DIR", copy)
    law.parameter.cache_clear()
    try:
        added = law.read_parameter(changed).history[-1]
        before = evaluate_free_oqtf(added.start - timedelta(days=1))
        on_the_day = evaluate_free_oqtf(added.start)
    finally:
        law.parameter.cache_clear()
    assert before.appeal.rule == "1_month"
    assert on_the_day.appeal.rule == added.value["rule"]
    assert set(added.source) <= set(on_the_day.appeal.sources)


def evaluate_free_oqtf(day: date):
    now = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    data = {"measure": "oqtf", "territory": "metropole", "decided_on": day.isoformat()}
    return evaluate(parse({**data, "notified_on": day.isoformat()}, now), now)
