"""The lists of places the questionnaire offers, read from rules.engine.courts.

A person held or under house arrest is offered only places in the same territory as the
prefecture that decided (metropolitan France counts as one, Alsace-Moselle included): the rules
take one territory per case, and the other cases are too rare to guess at.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rules.engine import courts
from rules.engine.answers import LATEST_OFFSET
from rules.engine.calendar import TIME_ZONES

# Values of the place questions that are not place codes.
ABROAD = "abroad"
OTHER_CENTRE = "other"
METROPOLITAN = frozenset({"metropole", "alsace_moselle"})


def territory_of(code: str | None) -> str | None:
    if code == ABROAD:
        return ABROAD
    return courts.place_territory(code) if code else None


def time_zone(code: str | None) -> tzinfo:
    """Where the day is counted for a place: its own zone; abroad or not known yet, the zone
    where the day begins first, so that no real date is refused."""
    zone = TIME_ZONES.get(territory_of(code) or "")
    return ZoneInfo(zone) if zone else LATEST_OFFSET


def same_group(territory: str | None, other: str | None) -> bool:
    if territory in METROPOLITAN and other in METROPOLITAN:
        return True
    return territory == other


# The lists are built for each form, on every request: a few kept per territory.
@lru_cache(maxsize=64)
def departement_choices(same_territory_as: str | None = None) -> tuple[tuple[str, str], ...]:
    """(code, "code – name"): typing the number or the name's first letters finds it."""
    wanted = territory_of(same_territory_as)
    return tuple(
        (code, f"{code} – {name}")
        for code, name in courts.departements()
        if same_territory_as is None or same_group(courts.place_territory(code), wanted)
    )


# The notes in brackets after a centre's name in cra.csv, in the page's language. A note that is
# only the name of a place stays as it is; any other note must be here (a test reads cra.csv).
CENTRE_NOTES = {
    "caserne d'Auvare": _("Auvare barracks"),
    "Le Canet, 14e arr.": _("Le Canet, 14th district"),
    "commissariat central": _("central police station"),
    "ouvert en février 2024": _("opened in February 2024"),
    "aéroport": _("airport"),
    "aéroport, ouvert en 2022": _("airport, opened in 2022"),
    "dit « de Vincennes » - bois de Vincennes, Paris 12e": _(
        "called “Vincennes”, in the Bois de Vincennes, Paris 12th district"
    ),
    "quai de l'Horloge, Paris 1er ; femmes ; statut actuel non vérifié": _(
        "quai de l'Horloge, Paris 1st district; for women; we could not check that it is still open"
    ),
}
PLACE_NOTES = frozenset(
    {
        "Saint-Jacques-de-la-Lande",
        "Metz-Queuleu",
        "Morne-Vergain",
        "Rochambeau",
        "Le Chaudron, Sainte-Clotilde",
        "Petite-Terre",
    }
)
NOTE = re.compile(r"^(?P<name>.*?) \((?P<note>.*)\)$")


def centre_note(name: str) -> str | None:
    """The note in brackets after a centre's name, if any."""
    found = NOTE.match(name)
    return found["note"] if found else None


def centre_label(name: str) -> str:
    """A centre's name as cra.csv gives it, its note in the page's language."""
    found = NOTE.match(name)
    if not found or found["note"] not in CENTRE_NOTES:
        return name
    return f"{found['name']} ({CENTRE_NOTES[found['note']]})"


def centre_choices(prefecture: str | None) -> tuple[tuple[str, str], ...]:
    return language_centre_choices(prefecture, translation.get_language())


@lru_cache(maxsize=64)
def language_centre_choices(prefecture: str | None, language) -> tuple[tuple[str, str], ...]:
    """The centres of the prefecture's territory, their notes in `language`, the active one."""
    wanted = territory_of(prefecture)
    return tuple(
        (code, f"{centre_label(name)} – {departement}")
        for code, name, departement in courts.detention_centres()
        if same_group(courts.place_territory(code), wanted)
    )


def departement_label(code: str) -> str | None:
    for departement, name in courts.departements():
        if departement == code:
            return f"{code} – {name}"
    return None


def abroad_choice():
    return (ABROAD, _("I now live outside France"))


def other_centre_choice():
    return (OTHER_CENTRE, _("Another place, not in this list"))


def abroad_allowed(answer) -> bool:
    """Only a person with an expulsion order may already be outside France."""
    return answer("measure") == "expulsion" and answer("expulsion_stage") == "ordered"
