"""Which tribunal administratif hears the appeal: by département, detention centre or territory.

The data lives beside this module in rules/data/ (sources and caveats in its README.md).
"""

import csv
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import cast

from rules.engine.calendar import TIME_ZONES

# The court data lives beside the law, in rules/data/ (sources in its README).
DATA = Path(__file__).resolve().parent.parent / "data"

# The minister's expulsion orders go to the TA of Paris (LAW.md §3.5).
PARIS_DEPARTEMENT = "75"

# Metropolitan France, Alsace-Moselle included: one territory for the rules, two calendars.
METROPOLITAN = frozenset({"metropole", "alsace_moselle"})

TERRITORIES = (
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
    "other_collectivity",
)

# Every département not listed here is "metropole". The Pacific collectivities, the TAAF and
# Clipperton are in courts.csv because CJA R. 221-3 lists them, but CESEDA does not apply there.
_TERRITORY_OF_CODE = {
    "57": "alsace_moselle",
    "67": "alsace_moselle",
    "68": "alsace_moselle",
    "971": "guadeloupe",
    "972": "martinique",
    "973": "guyane",
    "974": "reunion",
    "976": "mayotte",
    "BL": "saint_barthelemy",
    "MF": "saint_martin",
    "PM": "saint_pierre_et_miquelon",
    "NC": "other_collectivity",
    "PF": "other_collectivity",
    "WF": "other_collectivity",
    "TF": "other_collectivity",
    "CP": "other_collectivity",
}

# The three Pacific courts share the key "other_collectivity" but not a clock: keyed by seat.
_PACIFIC_TIME_ZONES = {
    "Nouméa": "Pacific/Noumea",
    "Papeete": "Pacific/Tahiti",
    "Mata-Utu": "Pacific/Wallis",
}

# The "court" when only "metropolitan France" is known: the person must look up the TA of the
# prefecture that decided, so the link goes to the Conseil d'État's map of courts.
_COURTS_MAP_URL = (
    "https://conseil-etat.fr/en/le-conseil-d-etat/qui-sommes-nous/les-tribunaux-et-cours/"
    "la-carte-des-juridictions-administratives"
)


@dataclass(frozen=True)
class Court:
    name: str  # "Tribunal administratif de Lyon"
    seat_city: str  # "Lyon"
    appeal_court: str  # "Cour administrative d'appel de Lyon"
    code: str  # the département, CRA or territory key that named it: "69", "metz", "guadeloupe"
    calendar: str  # holiday calendar key of the court's seat: a key of TERRITORIES
    time_zone: str  # IANA zone of the court's seat
    directory_url: str  # the court's official site, or the map of all courts if generic
    source: str  # the article and the URL the row comes from
    generic: bool = False  # True when no specific court could be named


_GENERIC_METROPOLE = Court(
    name="Tribunal administratif du lieu de la préfecture qui a pris la décision",
    seat_city="",
    appeal_court="Cour administrative d'appel dont dépend ce tribunal",
    code="metropole",
    calendar="metropole",
    time_zone="Europe/Paris",
    directory_url=_COURTS_MAP_URL,
    source=f"CJA R. 221-3 — {_COURTS_MAP_URL}",
    generic=True,
)


# The "court" of a person now abroad who did not say where they lived (LAW.md §8.15).
FORMER_RESIDENCE = "former_residence"


def former_residence_court(counted_with: Court) -> Court:
    """Named only as the court of the former residence; the calendar and time zone are those of
    the court whose deadline ends first, the one the deadline was counted with."""
    return replace(
        counted_with,
        name="Tribunal administratif du lieu de votre dernière résidence en France",
        seat_city="",
        appeal_court="Cour administrative d'appel dont dépend ce tribunal",
        code=FORMER_RESIDENCE,
        directory_url=_COURTS_MAP_URL,
        source=f"CJA R. 421-7 ; CESEDA R*632-2 — {_COURTS_MAP_URL}",
        generic=True,
    )


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@cache
def _departement_rows() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _read("courts.csv")}


@cache
def _cra_rows() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _read("cra.csv")}


@cache
def _courts() -> dict[str, Court]:
    """Every tribunal administratif of courts.csv by name; code and source are set per lookup."""
    sites = {
        row["tribunal_administratif"]: row["directory_url"] for row in _read("court_sites.csv")
    }
    served: dict[str, list[dict[str, str]]] = {}
    for row in _departement_rows().values():
        served.setdefault(row["tribunal_administratif"], []).append(row)
    courts = {}
    for name, rows in served.items():
        (seat,) = {row["seat_city"] for row in rows}
        (appeal,) = {row["cour_administrative_d_appel"] for row in rows}
        calendar = _court_territory(name, rows)
        time_zone = _PACIFIC_TIME_ZONES.get(seat) or TIME_ZONES[calendar]
        courts[name] = Court(name, seat, appeal, "", calendar, time_zone, sites[name], "")
    return courts


def _court_territory(name: str, rows: list[dict[str, str]]) -> str:
    """The territory of the court's seat, read from the départements it serves.

    A court sits inside the area it serves (CJA R. 221-3), so that area's territory is the
    seat's. Two deliberate exceptions: the TAs of Saint-Barthélemy and Saint-Martin sit at
    Basse-Terre but keep their own key, as the calendar module intersects their holidays with
    Guadeloupe's (LAW.md §4); and the TAAF, which have no court of their own, are left out of
    the TA of La Réunion's area, which sits at Saint-Denis de La Réunion.
    """
    # Every code of courts.csv is a known place: its territory is never None.
    territories = {cast(str, place_territory(row["code"])) for row in rows}
    if len(territories) > 1:
        territories.discard("other_collectivity")
    if len(territories) != 1:
        raise ValueError(f"{name} serves several territories: {sorted(territories)}")
    return territories.pop()


def departements() -> list[tuple[str, str]]:
    """(code, name) of every row of courts.csv, in file order."""
    return [(code, row["name"]) for code, row in _departement_rows().items()]


def detention_centres() -> list[tuple[str, str, str]]:
    """(code, name, département) of every detention centre (CRA) of cra.csv."""
    return [(code, row["name"], row["departement"]) for code, row in _cra_rows().items()]


def place_territory(code: str) -> str | None:
    """Territory key of a département or CRA code; None if the code is unknown."""
    if code in _cra_rows():
        code = _cra_rows()[code]["departement"]
    if code not in _departement_rows():
        return None
    return _TERRITORY_OF_CODE.get(code, "metropole")


def court_for_departement(code: str) -> Court:
    """The TA of a département (CJA R. 221-3). KeyError if the code is unknown."""
    row = _departement_rows()[code]
    court = _courts()[row["tribunal_administratif"]]
    return replace(court, code=code, source=f"CJA R. 221-3 — {row['source_url']}")


def court_for_cra(code: str) -> Court:
    """The TA of a detention centre (CESEDA R. 922-4), exceptions included. KeyError if unknown.

    The calendar and time zone are those of the court, not of the centre: the CRA of Metz is
    in Moselle but its court, the TA of Nancy, is not in Alsace-Moselle.
    """
    row = _cra_rows()[code]
    court = _courts()[row["tribunal_administratif"]]
    return replace(court, code=code, source=f"CESEDA R. 922-4 — {row['source_url']}")


def court_for_detention_in_departement(code: str) -> Court:
    """The court of someone held in a CRA who gave only its département.

    When every CRA of the département depends on the same court, that court ("57": TA Nancy);
    otherwise, or when the département has no CRA, the département's court.
    """
    rows = [row for row in _cra_rows().values() if row["departement"] == code]
    if len({row["tribunal_administratif"] for row in rows}) == 1:
        return replace(court_for_cra(rows[0]["code"]), code=code)
    return court_for_departement(code)


def court_for_territory(territory: str) -> Court:
    """The court when only a territory is known.

    Overseas and Alsace-Moselle have a single TA; metropolitan France gets a generic court.
    KeyError for an unknown key and for "other_collectivity", which has several courts and
    where CESEDA does not apply.
    """
    if territory not in TERRITORIES:
        raise KeyError(territory)
    if territory == "metropole":
        return _GENERIC_METROPOLE
    codes = [code for code in _departement_rows() if place_territory(code) == territory]
    names = {_departement_rows()[code]["tribunal_administratif"] for code in codes}
    if len(names) != 1:
        raise KeyError(f"{territory} has no single court: {sorted(names)}")
    return replace(court_for_departement(codes[0]), code=territory)
