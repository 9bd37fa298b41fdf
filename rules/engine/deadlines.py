"""Counting deadlines (LAW.md §4): months and days "franc", plain days, days from day one, hours.

Pure functions over dates, a holiday calendar key and an IANA time zone. A whole-day deadline ends
at 23:59 local time at the court; an hour deadline ends at the minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NotRequired, TypedDict
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from rules.engine import calendar

END_OF_DAY = time(23, 59)
MIDNIGHT = time(0, 0)


class Procedure(TypedDict):
    """A procedure as rules/law/ states it: a deadline, how it is counted, and what follows."""

    rule: str  # the words' id: "1_month", "48_hours"...
    length: int
    counting: str  # months_franc, days_franc, days, days_from_day_one or hours
    extend: bool  # moved to the next working day when it ends on a weekend or holiday
    # The judge's time to decide: one value, or one per ground of the OQTF.
    decides_within: NotRequired[str | dict[str, str] | None]
    suspensive: NotRequired[bool]


@dataclass(frozen=True)
class Computed:
    end: datetime  # the last instant to file, in the court's time zone
    extended_over: tuple[date, ...] = ()
    # The day before any move to the next working day (equal to end.date() when nothing moved).
    unextended_day: date | None = None
    # For months: the later last day of the other reading, when the earlier reading was kept.
    other_reading: date | None = None


def add_months(day: date, months: int) -> date:
    """Same day number N months later, or the month's last day when that day does not exist."""
    return day + relativedelta(months=months)


def end_of(day: date, zone: str) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=ZoneInfo(zone))


def closing(
    last_day: date, calendar_key: str, zone: str, extend: bool, other_reading: date | None = None
) -> Computed:
    moved_to, skipped = (
        calendar.next_working_day(calendar_key, last_day) if extend else (last_day, ())
    )
    return Computed(end_of(moved_to, zone), skipped, last_day, other_reading)


def months_franc(start: date, months: int, calendar_key: str, zone: str) -> Computed:
    """Reading A: the nominal end plus one day. Reading B: the day after notification plus N months.
    They differ only near the end of a month; the earlier one is kept (LAW.md §4)."""
    reading_a = closing(add_months(start, months) + timedelta(days=1), calendar_key, zone, True)
    reading_b = closing(add_months(start + timedelta(days=1), months), calendar_key, zone, True)
    if reading_b.end < reading_a.end:
        return Computed(
            reading_b.end, reading_b.extended_over, reading_b.unextended_day, reading_a.end.date()
        )
    return reading_a


def days_franc(start: date, days: int, calendar_key: str, zone: str, extend: bool) -> Computed:
    """Neither the day of notification nor the last day counts: last day = D + N + 1."""
    return closing(start + timedelta(days=days + 1), calendar_key, zone, extend)


def plain_days(start: date, days: int, zone: str) -> Computed:
    """The end of the Nth day after notification, never moved."""
    return closing(start + timedelta(days=days), "metropole", zone, False)


def days_from_day_one(start: date, days: int, zone: str) -> Computed:
    """The day of notification is day 1: last day = D + N - 1, never moved."""
    return closing(start + timedelta(days=days - 1), "metropole", zone, False)


def local_instants(day: date, clock: time, zone: str) -> list[datetime]:
    """Every instant a local wall-clock time can mean: two in the autumn overlap, and in the spring
    gap the two readings of a time that does not exist."""
    tz = ZoneInfo(zone)
    naive = datetime.combine(day, clock)
    return [naive.replace(tzinfo=tz, fold=fold).astimezone(UTC) for fold in (0, 1)]


def first_showing(wall: datetime, zone: str) -> datetime:
    """The first instant the clocks of the zone show `wall` or later. In the autumn overlap: the
    first of the two. In the spring gap the clocks never show it: they pass it when they jump.
    (Reading a time of the gap with the summer offset would give an instant an hour before the
    jump, earlier than both the elapsed and the wall-clock reading: LAW.md §4.)"""
    tz = ZoneInfo(zone)
    instant = min(local_instants(wall.date(), wall.time(), zone))
    while instant.astimezone(tz).replace(tzinfo=None) < wall:
        instant += timedelta(minutes=1)  # at most the length of the gap
    return instant


def hours(start_day: date, start_time: time, length: int, zone: str) -> Computed:
    """Hour to hour, never moved. Across a clock change, elapsed time and wall-clock time differ
    by an hour: both are computed from the earliest meaning of the start; the earlier end is kept.
    """
    tz = ZoneInfo(zone)
    starts = local_instants(start_day, start_time, zone)
    elapsed = min(starts) + timedelta(hours=length)
    wall_clock = first_showing(
        datetime.combine(start_day, start_time) + timedelta(hours=length), zone
    )
    end = min(elapsed, wall_clock).astimezone(tz)
    return Computed(end, (), end.date())


def compute(
    procedure: Procedure, start_day: date, start_time: time | None, calendar_key: str, zone: str
) -> Computed:
    """The deadline of a procedure (a value from rules/law) from its starting day and time.
    An unknown time counts from 00:00, the earliest reading."""
    length, counting = procedure["length"], procedure["counting"]
    if counting == "months_franc":
        return months_franc(start_day, length, calendar_key, zone)
    if counting == "days_franc":
        return days_franc(start_day, length, calendar_key, zone, procedure["extend"])
    if counting == "days":
        return plain_days(start_day, length, zone)
    if counting == "days_from_day_one":
        return days_from_day_one(start_day, length, zone)
    if counting == "hours":
        return hours(start_day, start_time or MIDNIGHT, length, zone)
    raise ValueError(f"unknown counting {counting!r}")
