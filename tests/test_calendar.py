"""Statutory holidays at the court's seat (LAW.md §4), built on the `holidays` package.

Only statutory days move a deadline: the eleven national days, 26 December in Alsace-Moselle and
the abolition of slavery overseas. The package's other days (Good Friday, Mi-Carême, 21 July,
Saint-Martin's 28 May) never do; nor does Saint-Barthélemy's 9 October, since its court sits at
Basse-Terre where it is a working day.
"""

from datetime import date, timedelta

import holidays
import pytest

from rules.engine import calendar
from tests.helpers import statutory_days

CALENDAR_KEYS = tuple(calendar.SUBDIVISIONS)

# fmt: off
NATIONAL_2026 = [
    pytest.param(date(2026, 1, 1), id="New Year's Day, Thu 1 Jan 2026"),
    pytest.param(date(2026, 4, 6), id="Easter Monday, 6 Apr 2026"),
    pytest.param(date(2026, 5, 1), id="Labour Day, Fri 1 May 2026"),
    pytest.param(date(2026, 5, 8), id="Victory in Europe Day, Fri 8 May 2026"),
    pytest.param(date(2026, 5, 14), id="Ascension, Thu 14 May 2026"),
    pytest.param(date(2026, 5, 25), id="Whit Monday, 25 May 2026"),
    pytest.param(date(2026, 7, 14), id="National Day, Tue 14 Jul 2026"),
    pytest.param(date(2026, 8, 15), id="Assumption, Sat 15 Aug 2026"),
    pytest.param(date(2026, 11, 1), id="All Saints' Day, Sun 1 Nov 2026"),
    pytest.param(date(2026, 11, 11), id="Armistice Day, Wed 11 Nov 2026"),
    pytest.param(date(2026, 12, 25), id="Christmas Day, Fri 25 Dec 2026"),
]
# fmt: on


@pytest.mark.parametrize("calendar_key", CALENDAR_KEYS)
@pytest.mark.parametrize("day", NATIONAL_2026)
def test_each_of_the_eleven_national_holidays_is_a_holiday_at_every_court(day, calendar_key):
    assert calendar.holiday_name(calendar_key, day) is not None
    assert not calendar.is_working_day(calendar_key, day)


@pytest.mark.parametrize("calendar_key", CALENDAR_KEYS)
@pytest.mark.parametrize("day", NATIONAL_2026)
def test_the_day_after_each_national_holiday_is_no_holiday_unless_listed(day, calendar_key):
    after = day + timedelta(days=1)
    assert (calendar.holiday_name(calendar_key, after) is None) == (
        after not in statutory_days(calendar_key, 2026)
    )


# fmt: off
LOCAL_DAYS = [
    # calendar, day, statutory there?
    pytest.param("alsace_moselle", date(2025, 12, 26), True,
        id="26 Dec 2025 (a Friday) is a holiday at the TA of Strasbourg"),
    pytest.param("metropole", date(2025, 12, 26), False,
        id="26 Dec 2025 is a working day in the rest of metropolitan France"),
    pytest.param("guadeloupe", date(2026, 5, 27), True,
        id="Guadeloupe: 27 May 2026, abolition of slavery, is a holiday"),
    pytest.param("guadeloupe", date(2026, 5, 26), False,
        id="Guadeloupe: 26 May 2026, the day before, is a working day"),
    pytest.param("martinique", date(2026, 5, 22), True,
        id="Martinique: 22 May 2026, abolition of slavery, is a holiday"),
    pytest.param("martinique", date(2026, 5, 27), False,
        id="Martinique: 27 May 2026 (Guadeloupe's day) is a working day"),
    pytest.param("guyane", date(2026, 6, 10), True,
        id="Guyane: 10 Jun 2026, abolition of slavery, is a holiday"),
    pytest.param("guyane", date(2026, 6, 11), False,
        id="Guyane: 11 Jun 2026, the day after, is a working day"),
    pytest.param("reunion", date(2027, 12, 20), True,
        id="La Réunion: Mon 20 Dec 2027, abolition of slavery, is a holiday"),
    pytest.param("reunion", date(2027, 12, 21), False,
        id="La Réunion: 21 Dec 2027, the day after, is a working day"),
    pytest.param("mayotte", date(2026, 4, 27), True,
        id="Mayotte: 27 Apr 2026, abolition of slavery, is a holiday"),
    pytest.param("mayotte", date(2026, 4, 28), False,
        id="Mayotte: 28 Apr 2026, the day after, is a working day"),
    pytest.param("saint_martin", date(2026, 5, 27), True,
        id="Saint-Martin: 27 May 2026, the statutory date, is a holiday (also at Basse-Terre)"),
    pytest.param("saint_martin", date(2026, 5, 28), False,
        id="Saint-Martin: 28 May 2026, the date observed locally, does not move a deadline"),
    pytest.param("saint_barthelemy", date(2026, 10, 9), False,
        id="Saint-Barthélemy: 9 Oct 2026 is not a holiday at Basse-Terre: it moves nothing"),
    pytest.param("saint_barthelemy", date(2026, 5, 27), False,
        id="Saint-Barthélemy: 27 May 2026, a holiday at Basse-Terre only, moves nothing"),
    pytest.param("metropole", date(2026, 5, 27), False,
        id="Metropolitan France: 27 May 2026 is a working day"),
    pytest.param("saint_pierre_et_miquelon", date(2026, 5, 27), False,
        id="Saint-Pierre-et-Miquelon has no abolition day: 27 May 2026 is a working day"),
]
# fmt: on


@pytest.mark.parametrize(("calendar_key", "day", "statutory"), LOCAL_DAYS)
def test_local_statutory_days_move_a_deadline_only_where_the_law_says(calendar_key, day, statutory):
    assert day.weekday() < 5
    assert calendar.is_working_day(calendar_key, day) is not statutory


# The package lists these days; the law does not make them holidays (LAW.md §4).
# fmt: off
NOT_STATUTORY = [
    pytest.param("alsace_moselle", date(2026, 4, 3),
        id="Good Friday 2026 in Alsace-Moselle (only some communes) is a working day"),
    pytest.param("guadeloupe", date(2026, 4, 3),
        id="Good Friday 2026 in Guadeloupe is a working day"),
    pytest.param("guadeloupe", date(2026, 3, 12),
        id="Mi-Carême 2026 (Thu 12 Mar) in Guadeloupe is a working day"),
    pytest.param("guadeloupe", date(2026, 7, 21),
        id="21 July 2026 (Victor Schoelcher) in Guadeloupe is a working day"),
    pytest.param("martinique", date(2026, 7, 21),
        id="21 July 2026 (Victor Schoelcher) in Martinique is a working day"),
    pytest.param("saint_martin", date(2026, 7, 21),
        id="21 July 2026 (Victor Schoelcher) in Saint-Martin is a working day"),
    pytest.param("saint_martin", date(2026, 5, 28),
        id="28 May 2026 in Saint-Martin is a working day"),
    pytest.param("saint_barthelemy", date(2026, 10, 9),
        id="9 Oct 2026 in Saint-Barthélemy is a working day at its court, seated at Basse-Terre"),
]
# fmt: on


@pytest.mark.parametrize(("calendar_key", "day"), NOT_STATUTORY)
def test_days_the_package_lists_but_the_law_does_not_never_move_a_deadline(calendar_key, day):
    assert day in holidays.France(subdiv=calendar.SUBDIVISIONS[calendar_key], years=day.year)
    assert calendar.holiday_name(calendar_key, day) is None
    assert calendar.is_working_day(calendar_key, day)
    assert calendar.next_working_day(calendar_key, day) == (day, ())


@pytest.mark.parametrize("calendar_key", CALENDAR_KEYS)
def test_the_statutory_calendar_is_exactly_the_laws_list_every_year_to_2100(calendar_key):
    """Also the years where a statutory day falls on a day the package drops (Saint-Martin's
    28 May was Ascension in 2071, 2076 and 2082 and is Whit Monday in 2091)."""
    for year in range(2021, 2101):
        assert set(calendar.statutory_holidays(calendar_key, year)) == statutory_days(
            calendar_key, year
        ), year


# fmt: off
NEXT_WORKING_DAY = [
    # calendar, day, next working day, days skipped
    pytest.param("metropole", date(2026, 5, 27), date(2026, 5, 27), (),
        id="a working day is its own next working day"),
    pytest.param("metropole", date(2026, 5, 30), date(2026, 6, 1),
        (date(2026, 5, 30), date(2026, 5, 31)),
        id="Sat 30 May 2026 moves to Mon 1 Jun over the weekend"),
    pytest.param("metropole", date(2026, 5, 23), date(2026, 5, 26),
        (date(2026, 5, 23), date(2026, 5, 24), date(2026, 5, 25)),
        id="Sat 23 May 2026 moves over Whit Monday to Tue 26 May"),
    pytest.param("alsace_moselle", date(2026, 12, 25), date(2026, 12, 28),
        (date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 27)),
        id="Christmas 2026 in Strasbourg moves over 26 Dec and Sunday to Mon 28 Dec"),
    pytest.param("metropole", date(2028, 1, 1), date(2028, 1, 3),
        (date(2028, 1, 1), date(2028, 1, 2)),
        id="Sat 1 Jan 2028 moves across the new year to Mon 3 Jan"),
    pytest.param("guyane", date(2027, 6, 10), date(2027, 6, 11), (date(2027, 6, 10),),
        id="Guyane: Thu 10 Jun 2027 moves to Fri 11 Jun"),
    pytest.param("saint_martin", date(2026, 5, 27), date(2026, 5, 28), (date(2026, 5, 27),),
        id="Saint-Martin: Wed 27 May 2026 moves to Thu 28 May, not to Fri 29 May"),
]
# fmt: on


@pytest.mark.parametrize(("calendar_key", "day", "moved_to", "skipped"), NEXT_WORKING_DAY)
def test_next_working_day_names_the_days_it_skips(calendar_key, day, moved_to, skipped):
    assert calendar.next_working_day(calendar_key, day) == (moved_to, skipped)


@pytest.mark.parametrize("calendar_key", CALENDAR_KEYS)
def test_every_calendar_has_a_time_zone(calendar_key):
    assert calendar.TIME_ZONES[calendar_key]
