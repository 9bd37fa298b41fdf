"""Counting deadlines (LAW.md §4) and the worked examples of LAW.md §6, on the pure functions.

Every table gives both sides of the boundary it tests. Dates are written as `date(...)` and
instants as ISO strings with the court's UTC offset, compared to the minute and to the offset.
"""

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rules.engine import deadlines
from tests.helpers import non_working

PARIS = "Europe/Paris"
CALENDAR_KEYS = (
    "metropole",
    "alsace_moselle",
    "guadeloupe",
    "martinique",
    "guyane",
    "reunion",
    "mayotte",
    "saint_barthelemy",
    "saint_martin",
    "saint_pierre_et_miquelon",
)
TIME_ZONES = {
    "metropole": "Europe/Paris",
    "alsace_moselle": "Europe/Paris",
    "guadeloupe": "America/Guadeloupe",
    "martinique": "America/Martinique",
    "guyane": "America/Cayenne",
    "reunion": "Indian/Reunion",
    "mayotte": "Indian/Mayotte",
    "saint_barthelemy": "America/St_Barthelemy",
    "saint_martin": "America/Marigot",
    "saint_pierre_et_miquelon": "America/Miquelon",
}


def at(text):
    return datetime.fromisoformat(text)


def same_instant_and_offset(actual, expected):
    # Compared in UTC: Python never finds a time of the autumn overlap equal to one in another zone.
    return (
        actual.astimezone(UTC) == expected.astimezone(UTC)
        and actual.utcoffset() == expected.utcoffset()
    )


# --- Months, franc -------------------------------------------------------------------------------

# fmt: off
MONTHS_FRANC = [
    # notified, months, calendar, last day, days skipped, other reading
    pytest.param(date(2021, 1, 3), 2, "metropole", date(2021, 3, 4), (), None,
        id="LAW §4 example: notified 3 Jan 2021, 2 months: file by 4 Mar 2021"),
    pytest.param(date(2025, 3, 10), 1, "metropole", date(2025, 4, 11), (), None,
        id="LAW §6: notified Mon 10 Mar 2025, 1 month: nominal 10 Apr, last day Fri 11 Apr"),
    pytest.param(date(2026, 4, 30), 1, "metropole", date(2026, 6, 1), (date(2026, 5, 31),), None,
        id="LAW §6: notified Thu 30 Apr 2026: Sun 31 May moves to Mon 1 Jun"),
    pytest.param(date(2026, 4, 29), 1, "metropole", date(2026, 6, 1),
        (date(2026, 5, 30), date(2026, 5, 31)), None,
        id="notified Wed 29 Apr 2026: Sat 30 May moves over the weekend to Mon 1 Jun"),
    pytest.param(date(2026, 4, 27), 1, "metropole", date(2026, 5, 28), (), None,
        id="notified Mon 27 Apr 2026: Thu 28 May is a working day"),
    pytest.param(date(2026, 12, 18), 2, "guyane", date(2027, 2, 19), (), None,
        id="LAW §6: Cayenne, notified 18 Dec 2026, 2 months: 18 Feb + 1 = Fri 19 Feb 2027"),
    pytest.param(date(2025, 1, 31), 1, "metropole", date(2025, 3, 3),
        (date(2025, 3, 1), date(2025, 3, 2)), None,
        id="31 Jan 2025 + 1 month: both readings give Sat 1 Mar, moved to Mon 3 Mar"),
    pytest.param(date(2024, 1, 31), 1, "metropole", date(2024, 3, 1), (), None,
        id="31 Jan 2024 (leap year) + 1 month: both readings give Fri 1 Mar"),
    pytest.param(date(2025, 1, 30), 1, "metropole", date(2025, 2, 28), (), date(2025, 3, 3),
        id="30 Jan 2025 + 1 month: reading B (Fri 28 Feb) is earlier than A (Mon 3 Mar)"),
    pytest.param(date(2025, 1, 29), 1, "metropole", date(2025, 2, 28), (), date(2025, 3, 3),
        id="29 Jan 2025 + 1 month: reading B (Fri 28 Feb) is earlier than A (Mon 3 Mar)"),
    pytest.param(date(2025, 1, 28), 1, "metropole", date(2025, 2, 28), (), date(2025, 3, 3),
        id="28 Jan 2025 + 1 month: reading B (Fri 28 Feb) is earlier than A (Mon 3 Mar)"),
    pytest.param(date(2025, 1, 27), 1, "metropole", date(2025, 2, 28), (), None,
        id="27 Jan 2025 + 1 month: both readings give Fri 28 Feb"),
    pytest.param(date(2024, 1, 30), 1, "metropole", date(2024, 2, 29), (), date(2024, 3, 1),
        id="30 Jan 2024 (leap year) + 1 month: reading B (Thu 29 Feb) is earlier than A"),
    pytest.param(date(2024, 1, 29), 1, "metropole", date(2024, 2, 29), (), date(2024, 3, 1),
        id="29 Jan 2024 (leap year) + 1 month: reading B (Thu 29 Feb) is earlier than A"),
    pytest.param(date(2024, 1, 28), 1, "metropole", date(2024, 2, 29), (), None,
        id="28 Jan 2024 (leap year) + 1 month: both readings give Thu 29 Feb"),
    pytest.param(date(2023, 1, 30), 1, "metropole", date(2023, 2, 28), (), date(2023, 3, 1),
        id="30 Jan 2023 + 1 month: reading B (Tue 28 Feb) is earlier than A (Wed 1 Mar)"),
    pytest.param(date(2025, 12, 30), 2, "metropole", date(2026, 3, 2), (date(2026, 3, 1),), None,
        id="30 Dec 2025 + 2 months: both readings reach Mon 2 Mar; the days are A's"),
    pytest.param(date(2025, 3, 30), 1, "metropole", date(2025, 4, 30), (), date(2025, 5, 2),
        id="30 Mar 2025 + 1 month: reading B (Wed 30 Apr) is earlier than A (after 1 May)"),
    pytest.param(date(2025, 3, 31), 1, "metropole", date(2025, 5, 2), (date(2025, 5, 1),), None,
        id="31 Mar 2025 + 1 month: both readings give 1 May, moved to Fri 2 May"),
    pytest.param(date(2026, 3, 26), 2, "guadeloupe", date(2026, 5, 28), (date(2026, 5, 27),), None,
        id="Guadeloupe, 26 Mar 2026 + 2 months: Wed 27 May (abolition) moves to 28 May"),
    pytest.param(date(2026, 3, 26), 2, "metropole", date(2026, 5, 27), (), None,
        id="Metropole, 26 Mar 2026 + 2 months: Wed 27 May is a working day"),
    pytest.param(date(2026, 4, 13), 1, "metropole", date(2026, 5, 15), (date(2026, 5, 14),), None,
        id="13 Apr 2026 + 1 month: Ascension Thu 14 May moves to Fri 15 May"),
    pytest.param(date(2026, 4, 12), 1, "metropole", date(2026, 5, 13), (), None,
        id="12 Apr 2026 + 1 month: Wed 13 May, the day before Ascension, stays"),
    pytest.param(date(2026, 10, 1), 3, "saint_martin", date(2027, 1, 4),
        (date(2027, 1, 2), date(2027, 1, 3)), None,
        id="Saint-Martin, 1 Oct 2026 + 3 months: Sat 2 Jan 2027 moves to Mon 4 Jan"),
]
# fmt: on


@pytest.mark.parametrize(
    ("notified", "months", "calendar_key", "last_day", "extended_over", "other_reading"),
    MONTHS_FRANC,
)
def test_months_franc_gives_the_last_day_the_days_skipped_and_the_other_reading(
    notified, months, calendar_key, last_day, extended_over, other_reading
):
    zone = TIME_ZONES[calendar_key]
    computed = deadlines.months_franc(notified, months, calendar_key, zone)
    assert computed.end == datetime.combine(last_day, time(23, 59), tzinfo=ZoneInfo(zone))
    assert computed.extended_over == extended_over
    assert computed.other_reading == other_reading


# --- Days, franc ---------------------------------------------------------------------------------

# fmt: off
DAYS_FRANC = [
    # notified, days, calendar, extended?, last day, days skipped
    pytest.param(date(2021, 3, 1), 30, "metropole", True, date(2021, 4, 1), (),
        id="LAW §4 example: notified Mon 1 Mar 2021, 30 days: last day Thu 1 Apr 2021"),
    pytest.param(date(2023, 5, 3), 30, "alsace_moselle", True, date(2023, 6, 5),
        (date(2023, 6, 3), date(2023, 6, 4)),
        id="LAW §6: Strasbourg, notified Wed 3 May 2023, 30 days: Sat 3 Jun to Mon 5 Jun"),
    pytest.param(date(2023, 5, 2), 30, "alsace_moselle", True, date(2023, 6, 2), (),
        id="Strasbourg, notified a day earlier: Fri 2 Jun 2023 stays"),
    pytest.param(date(2023, 4, 27), 30, "alsace_moselle", True, date(2023, 5, 30),
        (date(2023, 5, 28), date(2023, 5, 29)),
        id="30 days ending Sun 28 May 2023 move over Whit Monday to Tue 30 May"),
    pytest.param(date(2026, 6, 12), 30, "metropole", True, date(2026, 7, 13), (),
        id="30 days ending Mon 13 Jul 2026, the day before the national holiday, stay"),
    pytest.param(date(2026, 6, 13), 30, "metropole", True, date(2026, 7, 15), (date(2026, 7, 14),),
        id="30 days ending Tue 14 Jul 2026 move to Wed 15 Jul"),
    pytest.param(date(2025, 11, 24), 30, "metropole", True, date(2025, 12, 26),
        (date(2025, 12, 25),),
        id="30 days ending Thu 25 Dec 2025 in Paris move to Fri 26 Dec"),
    pytest.param(date(2025, 11, 24), 30, "alsace_moselle", True, date(2025, 12, 29),
        (date(2025, 12, 25), date(2025, 12, 26), date(2025, 12, 27), date(2025, 12, 28)),
        id="30 days ending Thu 25 Dec 2025 in Strasbourg move over 26 Dec and the weekend"),
    pytest.param(date(2026, 3, 2), 30, "alsace_moselle", True, date(2026, 4, 2), (),
        id="30 days ending Thu 2 Apr 2026 in Strasbourg, the day before Good Friday, stay"),
    pytest.param(date(2026, 3, 3), 30, "alsace_moselle", True, date(2026, 4, 3), (),
        id="30 days ending on Good Friday 2026 in Strasbourg are not extended"),
    pytest.param(date(2026, 3, 3), 30, "guadeloupe", True, date(2026, 4, 3), (),
        id="30 days ending on Good Friday 2026 in Guadeloupe are not extended"),
    pytest.param(date(2026, 3, 4), 30, "metropole", True, date(2026, 4, 7),
        (date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6)),
        id="30 days ending Sat 4 Apr 2026 move over Easter Monday to Tue 7 Apr"),
    pytest.param(date(2023, 9, 4), 15, "metropole", False, date(2023, 9, 20), (),
        id="15 days: notified Mon 4 Sep 2023, last day Wed 20 Sep (D + 16)"),
    pytest.param(date(2023, 9, 1), 15, "metropole", False, date(2023, 9, 17), (),
        id="15 days ending Sun 17 Sep 2023 are never extended"),
    pytest.param(date(2026, 7, 30), 15, "metropole", False, date(2026, 8, 15), (),
        id="15 days ending on Sat 15 Aug 2026 (a holiday and a Saturday) are never extended"),
    pytest.param(date(2026, 12, 9), 15, "alsace_moselle", False, date(2026, 12, 25), (),
        id="15 days ending on Christmas 2026 in Strasbourg are never extended"),
]
# fmt: on


@pytest.mark.parametrize(
    ("notified", "days", "calendar_key", "extend", "last_day", "extended_over"), DAYS_FRANC
)
def test_days_franc_end_on_d_plus_n_plus_one_moved_only_when_extended(
    notified, days, calendar_key, extend, last_day, extended_over
):
    zone = TIME_ZONES[calendar_key]
    computed = deadlines.days_franc(notified, days, calendar_key, zone, extend)
    assert computed.end == datetime.combine(last_day, time(23, 59), tzinfo=ZoneInfo(zone))
    assert computed.extended_over == extended_over
    assert computed.unextended_day == notified + timedelta(days=days + 1)


# --- Days, not franc (7 days) and days from day one (4 days) -------------------------------------

# fmt: off
PLAIN_DAYS = [
    # notified, days, zone, last instant
    pytest.param(date(2026, 12, 18), 7, PARIS, "2026-12-25T23:59:00+01:00",
        id="LAW §6: house arrest in Lyon, notified Fri 18 Dec 2026: Fri 25 Dec, not moved"),
    pytest.param(date(2026, 12, 17), 7, PARIS, "2026-12-24T23:59:00+01:00",
        id="7 days from Thu 17 Dec 2026: Thu 24 Dec, the day before Christmas"),
    pytest.param(date(2026, 2, 2), 7, PARIS, "2026-02-09T23:59:00+01:00",
        id="7 days from Mon 2 Feb 2026: Mon 9 Feb"),
    pytest.param(date(2026, 10, 24), 7, PARIS, "2026-10-31T23:59:00+01:00",
        id="7 days from Sat 24 Oct 2026 end Sat 31 Oct, not moved, in winter time"),
    pytest.param(date(2026, 7, 7), 7, PARIS, "2026-07-14T23:59:00+02:00",
        id="7 days ending on 14 July 2026 are not moved"),
    pytest.param(date(2026, 5, 20), 7, "America/Guadeloupe", "2026-05-27T23:59:00-04:00",
        id="7 days ending on 27 May 2026 in Guadeloupe are not moved"),
]
# fmt: on


@pytest.mark.parametrize(("notified", "days", "zone", "end"), PLAIN_DAYS)
def test_plain_days_end_on_d_plus_n_and_never_move(notified, days, zone, end):
    computed = deadlines.plain_days(notified, days, zone)
    assert same_instant_and_offset(computed.end, at(end))
    assert computed.extended_over == ()


# fmt: off
DAYS_FROM_DAY_ONE = [
    # notified, days, zone, last instant
    pytest.param(date(2026, 11, 20), 4, PARIS, "2026-11-23T23:59:00+01:00",
        id="CRA placement notified Fri 20 Nov 2026: the 4th day is Mon 23 Nov (D + 3)"),
    pytest.param(date(2026, 11, 19), 4, PARIS, "2026-11-22T23:59:00+01:00",
        id="CRA placement notified Thu 19 Nov 2026: Sun 22 Nov is not moved"),
    pytest.param(date(2026, 12, 22), 4, PARIS, "2026-12-25T23:59:00+01:00",
        id="CRA placement notified Tue 22 Dec 2026: Christmas is not moved"),
    pytest.param(date(2026, 10, 23), 4, PARIS, "2026-10-26T23:59:00+01:00",
        id="CRA placement notified Fri 23 Oct 2026 in summer time: Mon 26 Oct, winter time"),
]
# fmt: on


@pytest.mark.parametrize(("notified", "days", "zone", "end"), DAYS_FROM_DAY_ONE)
def test_days_from_day_one_end_on_d_plus_n_minus_one_and_never_move(notified, days, zone, end):
    computed = deadlines.days_from_day_one(notified, days, zone)
    assert same_instant_and_offset(computed.end, at(end))
    assert computed.extended_over == ()


# --- Hours ---------------------------------------------------------------------------------------

# LAW.md §4: "Across a daylight-saving change the elapsed-time and wall-clock readings differ by an
# hour: compute both (in UTC and in local wall time) and take the earlier."
# fmt: off
HOURS = [
    # notified day, time, hours, zone, last instant
    pytest.param(date(2026, 11, 20), time(16, 10), 48, PARIS, "2026-11-22T16:10:00+01:00",
        id="LAW §6: CRA near Paris, notified Fri 20 Nov 2026 16:10: Sun 22 Nov 16:10"),
    pytest.param(date(2026, 10, 23), time(10, 0), 48, PARIS, "2026-10-25T09:00:00+01:00",
        id="LAW §6: autumn change, notified Fri 23 Oct 2026 10:00: 48 h elapsed end 09:00"),
    pytest.param(date(2026, 10, 22), time(10, 0), 48, PARIS, "2026-10-24T10:00:00+02:00",
        id="ending the day before the autumn change: both readings agree, 10:00"),
    pytest.param(date(2026, 10, 25), time(10, 0), 48, PARIS, "2026-10-27T10:00:00+01:00",
        id="notified after the autumn change: both readings agree on Tue 27 Oct 10:00"),
    pytest.param(date(2026, 3, 27), time(10, 0), 48, PARIS, "2026-03-29T10:00:00+02:00",
        id="spring change, notified Fri 27 Mar 2026 10:00: the wall clock's 10:00 is earlier"),
    pytest.param(date(2026, 3, 26), time(10, 0), 48, PARIS, "2026-03-28T10:00:00+01:00",
        id="ending the day before the spring change: both readings agree, 10:00"),
    pytest.param(date(2026, 3, 29), time(2, 30), 48, PARIS, "2026-03-31T02:30:00+02:00",
        id="notified at 02:30 inside the spring gap: from its earliest meaning (+02:00)"),
    pytest.param(date(2026, 10, 25), time(2, 30), 48, PARIS, "2026-10-27T01:30:00+01:00",
        id="notified at 02:30 inside the autumn overlap: from the first 02:30 (+02:00)"),
    pytest.param(date(2026, 3, 27), time(1, 59), 48, PARIS, "2026-03-29T01:59:00+01:00",
        id="ending at 01:59 on the spring-change night, just before the gap"),
    pytest.param(date(2026, 3, 27), time(2, 0), 48, PARIS, "2026-03-29T03:00:00+02:00",
        id="wall-clock end 02:00 is in the spring gap: the clocks pass it at the jump"),
    pytest.param(date(2026, 3, 27), time(2, 30), 48, PARIS, "2026-03-29T03:00:00+02:00",
        id="wall-clock end 02:30 is in the spring gap: the clocks pass it at the jump"),
    pytest.param(date(2026, 3, 27), time(3, 0), 48, PARIS, "2026-03-29T03:00:00+02:00",
        id="wall-clock end 03:00, just after the spring gap"),
    pytest.param(date(2026, 10, 23), time(2, 30), 48, PARIS, "2026-10-25T02:30:00+02:00",
        id="ending inside the autumn overlap: the first 02:30 (+02:00), not the second"),
    pytest.param(date(2026, 10, 30), time(10, 0), 48, "America/Miquelon",
        "2026-11-01T09:00:00-03:00",
        id="Saint-Pierre-et-Miquelon turns clocks back on 1 Nov 2026: 48 h elapsed, 09:00"),
    pytest.param(date(2026, 3, 6), time(10, 0), 48, "America/Miquelon",
        "2026-03-08T10:00:00-02:00",
        id="Saint-Pierre-et-Miquelon springs forward on 8 Mar 2026: the wall clock's 10:00"),
    pytest.param(date(2026, 10, 23), time(10, 0), 48, "America/Guadeloupe",
        "2026-10-25T10:00:00-04:00",
        id="Guadeloupe has no clock change: 48 hours to the minute"),
    pytest.param(date(2026, 3, 5), time(0, 0), 48, PARIS, "2026-03-07T00:00:00+01:00",
        id="time unknown is read as 00:00 on the day: Sat 7 Mar 2026 00:00"),
    pytest.param(date(2026, 12, 31), time(23, 59), 48, PARIS, "2027-01-02T23:59:00+01:00",
        id="48 hours across New Year, to the minute"),
]
# fmt: on


@pytest.mark.parametrize(("day", "clock", "length", "zone", "end"), HOURS)
def test_hours_keep_the_earlier_of_elapsed_and_wall_clock_time(day, clock, length, zone, end):
    computed = deadlines.hours(day, clock, length, zone)
    assert same_instant_and_offset(computed.end, at(end))
    assert computed.extended_over == ()


def test_an_unknown_time_counts_from_midnight():
    procedure = {"length": 48, "counting": "hours"}
    computed = deadlines.compute(procedure, date(2026, 3, 5), None, "metropole", PARIS)
    assert same_instant_and_offset(computed.end, at("2026-03-07T00:00:00+01:00"))


# fmt: off
COMPUTE = [
    # procedure, notified, last instant
    pytest.param({"length": 1, "counting": "months_franc"}, date(2025, 3, 10),
        "2025-04-11T23:59:00+02:00", id="months_franc counts months"),
    pytest.param({"length": 30, "counting": "days_franc", "extend": True}, date(2023, 5, 3),
        "2023-06-05T23:59:00+02:00", id="days_franc with extend moves past the weekend"),
    pytest.param({"length": 15, "counting": "days_franc", "extend": False}, date(2023, 9, 1),
        "2023-09-17T23:59:00+02:00", id="days_franc without extend stays on Sunday"),
    pytest.param({"length": 7, "counting": "days"}, date(2026, 12, 18),
        "2026-12-25T23:59:00+01:00", id="days counts plain days"),
    pytest.param({"length": 4, "counting": "days_from_day_one"}, date(2026, 11, 20),
        "2026-11-23T23:59:00+01:00", id="days_from_day_one counts the first day as day 1"),
]
# fmt: on


@pytest.mark.parametrize(("procedure", "notified", "end"), COMPUTE)
def test_compute_follows_the_counting_of_the_procedure(procedure, notified, end):
    computed = deadlines.compute(procedure, notified, None, "metropole", PARIS)
    assert same_instant_and_offset(computed.end, at(end))


def test_an_unknown_counting_is_refused():
    with pytest.raises(ValueError, match="unknown counting"):
        deadlines.compute(
            {"length": 1, "counting": "fortnights"}, date(2025, 1, 1), None, "x", PARIS
        )


# --- Properties ----------------------------------------------------------------------------------

days_in_scope = st.dates(min_value=date(2021, 5, 1), max_value=date(2099, 12, 31))
calendar_keys = st.sampled_from(CALENDAR_KEYS)
clock_times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
hour_zones = st.sampled_from(sorted(set(TIME_ZONES.values())))
FRANC_CASES = st.one_of(
    st.tuples(st.just("months_franc"), st.sampled_from([1, 2, 3, 4])),
    st.tuples(st.just("days_franc"), st.sampled_from([15, 30])),
)


def franc(counting, length, start, calendar_key, extend=True):
    zone = TIME_ZONES[calendar_key]
    if counting == "months_franc":
        return deadlines.months_franc(start, length, calendar_key, zone)
    return deadlines.days_franc(start, length, calendar_key, zone, extend)


@settings(max_examples=300, deadline=None)
@given(case=FRANC_CASES, start=days_in_scope, calendar_key=calendar_keys)
def test_an_extended_franc_deadline_never_ends_on_a_weekend_or_statutory_holiday(
    case, start, calendar_key
):
    counting, length = case
    last_day = franc(counting, length, start, calendar_key).end.date()
    assert not non_working(calendar_key, last_day)


@settings(max_examples=300, deadline=None)
@given(case=FRANC_CASES, start=days_in_scope, calendar_key=calendar_keys)
def test_the_days_skipped_are_non_working_and_lead_without_gap_to_the_last_day(
    case, start, calendar_key
):
    counting, length = case
    computed = franc(counting, length, start, calendar_key)
    skipped = computed.extended_over
    if skipped:
        assert skipped[0] == computed.unextended_day
    expected = [computed.end.date() - timedelta(days=len(skipped) - i) for i in range(len(skipped))]
    assert list(skipped) == expected
    assert all(non_working(calendar_key, day) for day in skipped)


@settings(max_examples=300, deadline=None)
@given(months=st.integers(min_value=1, max_value=4), start=days_in_scope, key=calendar_keys)
def test_a_months_franc_deadline_is_never_before_the_nominal_end(months, start, key):
    computed = deadlines.months_franc(start, months, key, TIME_ZONES[key])
    assert computed.end.date() >= start + relativedelta(months=months)
    if computed.other_reading is not None:
        assert computed.other_reading > computed.end.date()


@settings(max_examples=300, deadline=None)
@given(
    counting=st.sampled_from(["months_franc", "days_franc", "days", "days_from_day_one"]),
    length=st.integers(min_value=1, max_value=31),
    start=days_in_scope,
    later_by=st.integers(min_value=1, max_value=40),
    calendar_key=calendar_keys,
)
def test_a_later_notification_day_never_gives_an_earlier_deadline(
    counting, length, start, later_by, calendar_key
):
    if counting == "months_franc":
        length = length % 4 + 1
    procedure = {"length": length, "counting": counting, "extend": True}
    zone = TIME_ZONES[calendar_key]
    earlier = deadlines.compute(procedure, start, None, calendar_key, zone)
    later = deadlines.compute(procedure, start + timedelta(days=later_by), None, calendar_key, zone)
    assert later.end.astimezone(UTC) >= earlier.end.astimezone(UTC)


def earliest_meaning(day, clock, zone):
    """The earliest instant a local date and time can mean (two in the autumn overlap; in the
    spring gap, read with either offset)."""
    naive = datetime.combine(day, clock)
    return min(naive.replace(tzinfo=ZoneInfo(zone), fold=f).astimezone(UTC) for f in (0, 1))


@cache
def clock_changes(zone, year):
    """The days on which the zone's clocks change in a year (none for most overseas zones)."""
    tz, day, changes = ZoneInfo(zone), date(year, 1, 1), []
    while day.year == year:
        today = datetime.combine(day, time(0), tzinfo=tz).utcoffset()
        tomorrow = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).utcoffset()
        if today != tomorrow:
            changes.append(day)
        day += timedelta(days=1)
    return changes


@st.composite
def near_clock_change(draw):
    """A zone with clock changes and a day and time a few days before one of them, where
    elapsed and wall-clock hours differ and the end may fall in the spring gap or autumn overlap."""
    zone = draw(st.sampled_from([PARIS, "America/Miquelon"]))
    change = draw(st.sampled_from(clock_changes(zone, draw(st.integers(2021, 2040)))))
    day = change - timedelta(days=draw(st.sampled_from([0, 1, 2, 4, 6, -1])))
    clock = time(draw(st.integers(min_value=0, max_value=4)), draw(st.integers(0, 59)))
    return day, draw(st.one_of(st.just(clock), clock_times)), zone


anywhere = st.tuples(days_in_scope, clock_times, hour_zones)
hour_starts = st.one_of(near_clock_change(), anywhere)


@settings(max_examples=300, deadline=None)
@given(start=hour_starts, length=st.sampled_from([1, 2, 24, 47, 48, 72, 96, 144]))
def test_an_hour_deadline_is_never_later_than_n_elapsed_hours_from_the_earliest_meaning(
    start, length
):
    day, clock, zone = start
    end = deadlines.hours(day, clock, length, zone).end
    notified = earliest_meaning(day, clock, zone)
    assert end <= notified + timedelta(hours=length)
    # A clock change moves it by one hour at most.
    assert end >= notified + timedelta(hours=length - 1)


@settings(max_examples=300, deadline=None)
@given(
    start=hour_starts,
    later_by=st.integers(min_value=1, max_value=6 * 60),
    length=st.sampled_from([1, 24, 48, 96]),
)
# Notified at 01:50 and 02:10 on the Friday before the spring change: the 02:10 one used to end at
# 01:10 (+01:00), before the 01:50 one, an hour before either reading.
@example(start=(date(2026, 3, 27), time(1, 50), PARIS), later_by=20, length=48)
def test_a_later_notification_time_never_gives_an_earlier_hour_deadline(start, later_by, length):
    day, clock, zone = start
    first = datetime.combine(day, clock)
    second = first + timedelta(minutes=later_by)
    earlier = deadlines.hours(first.date(), first.time(), length, zone).end
    later = deadlines.hours(second.date(), second.time(), length, zone).end
    # In UTC: two times of one zone are compared on the wall clock, fold ignored.
    assert later.astimezone(UTC) >= earlier.astimezone(UTC)
