"""The law the app applies, as a reader reviews it: every file of rules/law/, grouped by subject,
each dated value with the day it ended and its sources; the changes by date; the open points.

Everything here is read from rules/law/ (through rules.engine.law) and rules/data/open_points.yaml,
so that the law pages, the `/api/v1/law` data and the README's changelog cannot drift from what the
rules apply. No Django: `make law-changes` runs it on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from rules.engine import law

OPEN_POINTS_FILE = Path(__file__).resolve().parent / "data" / "open_points.yaml"

# The subjects a reader looks for, in the order of the page; a file goes to the first group whose
# prefix its name starts with. "general" takes what no other group takes, so that no file is lost.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("regimes", ("regimes", "checked_on")),
    (
        "oqtf_deadlines",
        (
            "oqtf/appeal_",
            "oqtf/judge_time_",
            "oqtf/separate_house_arrest_deadline",
            "oqtf/pact_2026",
            "oqtf/general_law_territories",
        ),
    ),
    (
        "protection",
        (
            "oqtf/protected_categories",
            "oqtf/protection_conditions",
            "oqtf/polygamy",
            "oqtf/asylum_pending",
            "expulsion/protection_",
            "expulsion/quasi_absolute_lifted_by",
            "expulsion/relative_lifted_by",
            "expulsion/polygamy_condition",
        ),
    ),
    ("courts", ("oqtf/caa_appeal", "expulsion/caa_appeal", "expulsion/deciding_authority")),
    ("expulsion", ("expulsion/",)),
    ("counting", ("common/",)),
    ("oqtf_after", ("oqtf/",)),
    ("general", ("",)),
)


def group_of(name: str) -> str:
    return next(group for group, prefixes in GROUPS if name.startswith(prefixes))


def anchor(name: str, start: date | None = None) -> str:
    """The id of a file's entry on the law page, or of one of its dated values."""
    base = "law-" + name.replace("/", "-")
    return f"{base}-{start.isoformat()}" if start else base


@dataclass(frozen=True)
class Period:
    """One dated value of a file: from `start` to `until`, its last day (None: still in force)."""

    start: date
    until: date | None
    value: Any
    source: tuple[str, ...]
    anchor: str


@dataclass(frozen=True)
class Entry:
    name: str
    group: str
    description: str
    unit: str
    periods: tuple[Period, ...]
    open_points: tuple[str, ...]
    anchor: str


def periods_of(parameter: law.Parameter) -> tuple[Period, ...]:
    history = parameter.history
    last_days = [*(dated.start - timedelta(days=1) for dated in history[1:]), None]
    return tuple(
        Period(dated.start, until, dated.value, dated.source, anchor(parameter.name, dated.start))
        for dated, until in zip(history, last_days, strict=True)
    )


@cache
def open_points() -> tuple[dict[str, Any], ...]:
    return tuple(yaml.safe_load(OPEN_POINTS_FILE.read_text(encoding="utf-8")))


def entries() -> list[Entry]:
    points = open_points()
    return [
        Entry(
            name=parameter.name,
            group=group_of(parameter.name),
            description=" ".join(parameter.description.split()),
            unit=parameter.unit,
            periods=periods_of(parameter),
            open_points=tuple(p["id"] for p in points if parameter.name in p["concerns"]),
            anchor=anchor(parameter.name),
        )
        for parameter in law.all_parameters()
    ]


def grouped() -> list[tuple[str, list[Entry]]]:
    every = entries()
    return [
        (group, [entry for entry in every if entry.group == group])
        for group, _prefixes in GROUPS
        if any(entry.group == group for entry in every)
    ]


def checked_on() -> date:
    """The day the reference behind rules/law/ was last checked (rules/law/checked_on.yaml)."""
    value: date = law.parameter("checked_on").history[-1].value
    return value


def regime_days() -> list[date]:
    """The days a new body of rules began (rules/law/regimes.yaml)."""
    return [dated.start for dated in law.parameter("regimes").history]


def changes() -> list[tuple[date, list[Entry]]]:
    """Every day a value of rules/law/ changes, newest first, with the files changed that day."""
    days: dict[date, list[Entry]] = {}
    for entry in entries():
        for period in entry.periods:
            days.setdefault(period.start, []).append(entry)
    return sorted(days.items(), key=lambda item: item[0], reverse=True)


# --- From a source line of an outcome to its entry ---------------------------------------------

# A citation is split as the outcome splits it (rules.presentation.distinct_sources); a read date in
# brackets is left out to find the page it belongs to.
READ_ON = re.compile(
    r"\s*\((?:vérifiée|modifiée|avertissement)[^)]*\)$|,\s*(?:vérifiée|modifiée).*$"
)


def key_of(citation: str) -> str:
    return READ_ON.sub("", " ".join(citation.split())).strip()


def citations_in(value: Any) -> list[str]:
    """The citation strings inside a value (statements.yaml, warnings.yaml, a nested `source`)."""
    if isinstance(value, str):
        return [part for part in value.split(" ; ") if part.strip()]
    if isinstance(value, dict):
        return [c for item in value.values() for c in citations_in(item)]
    if isinstance(value, list | tuple):
        return [c for item in value for c in citations_in(item)]
    return []


@cache
def citation_index() -> dict[str, str]:
    """Each citation rules/law/ holds → the anchor of the entry that holds it first: a value's own
    sources first, then the citations inside the values (statements, warnings, courts of appeal).
    Generated, never typed: a new source in rules/law/ links by itself."""
    index: dict[str, str] = {}
    every = entries()
    for entry in every:
        for period in entry.periods:
            for source in period.source:
                for part in [source, *source.split(" ; ")]:
                    index.setdefault(key_of(part), period.anchor)
    for entry in every:
        for period in entry.periods:
            for citation in citations_in(period.value):
                index.setdefault(key_of(citation), period.anchor)
    return index


def entry_of(citation: str) -> str | None:
    """The anchor of the law entry a source line of an outcome comes from, or None (the calendar's
    and the courts' sources live outside rules/law/)."""
    index = citation_index()
    key = key_of(citation)
    if key in index:
        return index[key]
    # A citation the engine shortened or joined: the entry whose source starts with it.
    found = [anchor for known, anchor in index.items() if known.startswith(key) and key]
    return found[0] if found else None


# --- As data (the JSON API and the changelog) -----------------------------------------------------


def plain(value: Any) -> Any:
    """A value as JSON holds it: dates as YYYY-MM-DD."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def as_json() -> dict[str, Any]:
    return {
        "checked_on": checked_on().isoformat(),
        "open_points": [
            {"id": p["id"], "concerns": p["concerns"], "en": " ".join(p["en"].split())}
            for p in open_points()
        ],
        "parameters": [
            {
                "name": entry.name,
                "group": entry.group,
                "description": entry.description,
                "unit": entry.unit,
                "open_points": list(entry.open_points),
                "values": [
                    {
                        "start": period.start.isoformat(),
                        "until": period.until.isoformat() if period.until else None,
                        "value": plain(period.value),
                        "source": list(period.source),
                    }
                    for period in entry.periods
                ],
            }
            for entry in entries()
        ],
    }


# --- The README's changelog of the law (`make law-changes`) ------------------------------------

CHANGES_START = "<!-- law-changes: generated by `make law-changes` from rules/law/, do not edit -->"
CHANGES_END = "<!-- /law-changes -->"


def changes_markdown() -> str:
    """The dated changes the app knows, newest first: each day, the files whose value changes and
    the first source of the new value."""
    lines = []
    for day, changed in changes():
        lines.append(f"- **{day.isoformat()}**")
        for entry in changed:
            period = next(p for p in entry.periods if p.start == day)
            what = "ends" if period.value is None else "new value"
            lines.append(f"  - `{entry.name}` ({what}): {period.source[0]}")
    return "\n".join(lines)


def with_changes(readme: str) -> str:
    """The README with its changelog section brought up to date."""
    start = readme.index(CHANGES_START) + len(CHANGES_START)
    end = readme.index(CHANGES_END)
    return readme[:start] + "\n" + changes_markdown() + "\n" + readme[end:]
