"""Statutory public holidays at a court's seat, and the court's time zone.

Only holidays set by statute move a deadline (Code du travail L. 3133-1 for the eleven national
days, L. 3422-2 for the abolition of slavery overseas, L. 3134-13 for 26 December in
Alsace-Moselle).
The `holidays` package also lists days that are local custom, not statute (Good Friday in
Alsace-Moselle and Guadeloupe, Mi-Carême, 21 July, 28 May in Saint-Martin): they never extend a
deadline.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

SOURCE = "Code du travail L. 3133-1, L. 3422-2 et L. 3134-13"

# Holiday names the package uses for days that are not statutory.
NOT_STATUTORY = {"Good Friday", "Mi-Careme", "Victor Schoelcher Day"}

# Calendar key → the package's subdivision code.
SUBDIVISIONS = {
    "metropole": None,
    "alsace_moselle": "6AE",
    "guadeloupe": "971",
    "martinique": "972",
    "guyane": "973",
    "reunion": "974",
    "mayotte": "976",
    "saint_barthelemy": "BL",
    "saint_martin": "MF",
    "saint_pierre_et_miquelon": "PM",
}

# The courts of Saint-Barthélemy and Saint-Martin sit at Basse-Terre (Guadeloupe): a day moves a
# deadline only if it is a holiday both at the seat and in the territory.
SEATED_IN_GUADELOUPE = {"saint_barthelemy", "saint_martin"}

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
# Courts whose online filings may be time-stamped in Paris time (CAA Bordeaux 23BX00695).
WEST_OF_PARIS = {
    "guadeloupe",
    "martinique",
    "guyane",
    "saint_barthelemy",
    "saint_martin",
    "saint_pierre_et_miquelon",
}


# Saint-Martin's abolition of slavery: 27 May in the statute (C. trav. L. 3422-2), 28 May as
# observed locally and in the `holidays` package (LAW.md §4; warning `saint_martin_28_may`).
SAINT_MARTIN_STATUTORY = (5, 27)
SAINT_MARTIN_OBSERVED = (5, 28)


def local_statutory(calendar_key: str, year: int) -> dict[date, str]:
    days: dict[date, str] = {}
    for day, joined in holidays.France(subdiv=SUBDIVISIONS[calendar_key], years=year).items():
        # The package joins with "; " the names of two holidays that fall on the same day.
        names = [name for name in joined.split("; ") if name not in NOT_STATUTORY]
        if calendar_key == "saint_martin" and (day.month, day.day) == SAINT_MARTIN_OBSERVED:
            # The statute sets 27 May; the package follows the 28 May observed locally. Only
            # that name goes: Ascension (2071) or Whit Monday (2091) on 28 May still count.
            names = [name for name in names if name != "Abolition of Slavery"]
        if names:
            days[day] = "; ".join(names)
    if calendar_key == "saint_martin":
        days[date(year, *SAINT_MARTIN_STATUTORY)] = "Abolition of Slavery"
    return days


@cache
def statutory_holidays(calendar_key: str, year: int) -> dict[date, str]:
    """Statutory holidays that move a deadline at a court of this calendar, with English names."""
    days = local_statutory(calendar_key, year)
    if calendar_key in SEATED_IN_GUADELOUPE:
        seat = local_statutory("guadeloupe", year)
        days = {day: name for day, name in days.items() if day in seat}
    return days


def holiday_name(calendar_key: str, day: date) -> str | None:
    return statutory_holidays(calendar_key, day.year).get(day)


def is_working_day(calendar_key: str, day: date) -> bool:
    return day.weekday() < 5 and holiday_name(calendar_key, day) is None


def next_working_day(calendar_key: str, day: date) -> tuple[date, tuple[date, ...]]:
    """The first working day from `day` on, and the days skipped to reach it."""
    skipped = []
    while not is_working_day(calendar_key, day):
        skipped.append(day)
        day += timedelta(days=1)
    return day, tuple(skipped)


def holiday_label(calendar_key: str, day: date, language: str | None) -> str | None:
    """The holiday's name in the page's language, or None for a plain weekend day."""
    if holiday_name(calendar_key, day) is None:
        return None
    language = "fr" if (language or "fr").startswith("fr") else "en_US"
    # Saint-Martin's statutory 27 May is named as in Guadeloupe (the package observes 28 May).
    for key in (calendar_key, "guadeloupe"):
        names = holidays.France(subdiv=SUBDIVISIONS[key], years=day.year, language=language)
        if day in names:
            name: str = names[day]
            return name
    return None
