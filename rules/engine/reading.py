"""Reading one raw answer (a JSON value) into its typed value, or refusing it with a code and
what the code's words need (rules/errors.py). rules/engine/answers.py names the reader of each
question."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time

from rules.engine import courts

UNKNOWN = "unknown"
EARLIEST_DATE = date(2000, 1, 1)
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME_PATTERN = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


class Refused(ValueError):
    """An answer of the wrong shape or value: becomes a FieldError for its field."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code, self.params = code, params


# Reads one raw answer (a JSON value) into its typed value, or raises Refused.
Reader = Callable[[object], object]


def choice(values: tuple[str, ...]) -> Callable[[object], str]:
    def read(value: object) -> str:
        if isinstance(value, str) and value in values:
            return value
        raise Refused("invalid_choice", values=", ".join(values))

    return read


def several(values: tuple[str, ...]) -> Callable[[object], frozenset[str]]:
    def read(value: object) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Refused("invalid_type", expected="list")
        unknown = sorted(set(value) - set(values))
        if unknown:
            raise Refused("invalid_choice", unknown=", ".join(unknown), values=", ".join(values))
        return frozenset(value)

    return read


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise Refused("invalid_type", expected="boolean")


def optional_boolean(value: object) -> bool | None:
    return None if value is None else boolean(value)


def a_date(value: object) -> date:
    if not isinstance(value, str) or not DATE_PATTERN.fullmatch(value):
        raise Refused("invalid_type", expected="date")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise Refused("invalid_date") from None
    if parsed < EARLIEST_DATE:
        raise Refused("date_too_early")
    return parsed


def date_or_unknown(value: object) -> date | None:
    return None if value in (None, UNKNOWN) else a_date(value)


def time_or_unknown(value: object) -> time | None:
    if value in (None, UNKNOWN):
        return None
    if not isinstance(value, str) or not TIME_PATTERN.fullmatch(value):
        raise Refused("invalid_time")
    return time.fromisoformat(value)


def years(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 80:
        raise Refused("invalid_number")
    return value


def place(value: object) -> str:
    if isinstance(value, str) and courts.place_territory(value) is not None:
        return value
    raise Refused("invalid_choice", expected="place")
