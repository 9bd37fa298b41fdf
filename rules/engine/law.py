"""Legal values as data: one YAML file per value under rules/law/, each value keyed by the date it
takes effect, with its source. A change of the law adds a dated value; a rule that ends gets an
explicit `value: null` on the day it ends. Nothing is overwritten: older decisions keep their rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# One YAML file per legal value, in rules/law/.
LAW_DIR = Path(__file__).resolve().parent.parent / "law"


@dataclass(frozen=True)
class DatedValue:
    start: date
    value: Any
    source: tuple[str, ...]


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    history: tuple[DatedValue, ...]

    def in_force(self, day: date) -> DatedValue | None:
        """The value that applies on `day`, or None before the first value or after an end."""
        current = None
        for dated in self.history:
            if dated.start <= day:
                current = dated
        if current is None or current.value is None:
            return None
        return current


class LawDataError(ValueError):
    pass


def read_parameter(path: Path) -> Parameter:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = path.relative_to(LAW_DIR).with_suffix("").as_posix()
    for key in ("description", "unit", "values"):
        if key not in raw:
            raise LawDataError(f"{name}: missing {key!r}")
    history: list[DatedValue] = []
    for start, entry in sorted(raw["values"].items()):
        if not isinstance(start, date) or not entry.get("source"):
            raise LawDataError(f"{name}: each value needs a date key and a source ({start!r})")
        history.append(DatedValue(start, entry.get("value"), tuple(entry["source"])))
    return Parameter(name, raw["description"], raw["unit"], tuple(history))


@cache
def parameter(name: str) -> Parameter:
    return read_parameter(LAW_DIR / f"{name}.yaml")


def in_force(name: str, day: date) -> DatedValue | None:
    return parameter(name).in_force(day)


def required(name: str, day: date) -> DatedValue:
    """The value in force on `day` of a rule that applies on every day of a case in scope (from
    May 2021 on); LawDataError when rules/law/ gives none."""
    dated = in_force(name, day)
    if dated is None:
        raise LawDataError(f"{name}: no value in force on {day.isoformat()}")
    return dated


def value(name: str, day: date) -> Any:
    dated = in_force(name, day)
    return None if dated is None else dated.value


def all_parameters() -> list[Parameter]:
    return [parameter(p.relative_to(LAW_DIR).with_suffix("").as_posix()) for p in names()]


def names() -> list[Path]:
    return sorted(LAW_DIR.rglob("*.yaml"))
