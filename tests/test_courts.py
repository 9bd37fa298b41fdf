"""Which court: département, detention centre and territory lookups, checked against the CSVs."""

import csv
from pathlib import Path

import pytest

from rules.engine import courts

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"


def read(name):
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


DEPARTEMENT_ROWS = read("courts.csv")
CRA_ROWS = read("cra.csv")

# The two detention centres that do not depend on their département's court (CESEDA R. 922-4).
EXCEPTIONS = {
    "metz": ("Tribunal administratif de Nancy", "Tribunal administratif de Strasbourg"),
    "mesnil-amelot-3": ("Tribunal administratif de Montreuil", "Tribunal administratif de Melun"),
}

# Where each court sits, written out by hand to check the seat rule the module derives from data.
SEAT_DEPARTEMENT = {
    "Amiens": "80",
    "Bastia": "2B",
    "Besançon": "25",
    "Bordeaux": "33",
    "Caen": "14",
    "Cergy-Pontoise": "95",
    "Châlons-en-Champagne": "51",
    "Clermont-Ferrand": "63",
    "Dijon": "21",
    "Grenoble": "38",
    "Lille": "59",
    "Limoges": "87",
    "Lyon": "69",
    "Marseille": "13",
    "Melun": "77",
    "Montpellier": "34",
    "Montreuil": "93",
    "Nancy": "54",
    "Nantes": "44",
    "Nice": "06",
    "Nîmes": "30",
    "Orléans": "45",
    "Paris": "75",
    "Pau": "64",
    "Poitiers": "86",
    "Rennes": "35",
    "Rouen": "76",
    "Strasbourg": "67",
    "Toulon": "83",
    "Toulouse": "31",
    "Versailles": "78",
    "Basse-Terre": "971",
    "Schœlcher": "972",
    "Cayenne": "973",
    "Saint-Denis": "974",
    "Mamoudzou": "976",
    "Saint-Pierre": "PM",
    "Mata-Utu": "WF",
    "Papeete": "PF",
    "Nouméa": "NC",
}
# Seated at Basse-Terre, yet their holidays are looked up under their own key (LAW.md §4).
OWN_CALENDAR_AWAY_FROM_SEAT = {"BL": "saint_barthelemy", "MF": "saint_martin"}

OVERSEAS = [
    # code, court, calendar, time zone
    ("971", "Tribunal administratif de la Guadeloupe", "guadeloupe", "America/Guadeloupe"),
    ("972", "Tribunal administratif de la Martinique", "martinique", "America/Martinique"),
    ("973", "Tribunal administratif de la Guyane", "guyane", "America/Cayenne"),
    ("974", "Tribunal administratif de La Réunion", "reunion", "Indian/Reunion"),
    ("976", "Tribunal administratif de Mayotte", "mayotte", "Indian/Mayotte"),
    (
        "BL",
        "Tribunal administratif de Saint-Barthélemy",
        "saint_barthelemy",
        "America/St_Barthelemy",
    ),
    ("MF", "Tribunal administratif de Saint-Martin", "saint_martin", "America/Marigot"),
    (
        "PM",
        "Tribunal administratif de Saint-Pierre-et-Miquelon",
        "saint_pierre_et_miquelon",
        "America/Miquelon",
    ),
]


def every_court():
    return {courts.court_for_departement(row["code"]) for row in DEPARTEMENT_ROWS}


@pytest.mark.parametrize("row", DEPARTEMENT_ROWS, ids=lambda row: f"{row['code']} {row['name']}")
def test_each_departement_reaches_the_court_named_in_the_csv(row):
    court = courts.court_for_departement(row["code"])
    assert court.name == row["tribunal_administratif"]
    assert court.seat_city == row["seat_city"]
    assert court.appeal_court == row["cour_administrative_d_appel"]
    assert court.code == row["code"]
    assert court.source == f"CJA R. 221-3 — {row['source_url']}"
    assert not court.generic


def test_departements_lists_every_row_of_the_csv_in_file_order():
    assert courts.departements() == [(row["code"], row["name"]) for row in DEPARTEMENT_ROWS]


@pytest.mark.parametrize("row", CRA_ROWS, ids=lambda row: row["code"])
def test_each_detention_centre_reaches_the_court_named_in_the_csv(row):
    court = courts.court_for_cra(row["code"])
    assert court.name == row["tribunal_administratif"]
    assert court.code == row["code"]
    assert court.source == f"CESEDA R. 922-4 — {row['source_url']}"


def test_detention_centres_lists_every_row_of_the_csv():
    expected = [(row["code"], row["name"], row["departement"]) for row in CRA_ROWS]
    assert courts.detention_centres() == expected


@pytest.mark.parametrize("row", CRA_ROWS, ids=lambda row: row["code"])
def test_a_detention_centre_depends_on_its_departements_court_unless_an_exception(row):
    own = courts.court_for_cra(row["code"]).name
    local = courts.court_for_departement(row["departement"]).name
    if row["code"] in EXCEPTIONS:
        assert (own, local) == EXCEPTIONS[row["code"]]
    else:
        assert own == local


@pytest.mark.parametrize(
    ("cra", "court"),
    [
        ("metz", "Tribunal administratif de Nancy"),
        ("mesnil-amelot-3", "Tribunal administratif de Montreuil"),
        ("mesnil-amelot-2", "Tribunal administratif de Melun"),
    ],
    ids=[
        "the CRA of Metz goes to Nancy",
        "the CRA n° 3 of Le Mesnil-Amelot goes to Montreuil",
        "the CRA n° 2 of Le Mesnil-Amelot stays with Melun",
    ],
)
def test_the_two_detention_exceptions_are_applied(cra, court):
    assert courts.court_for_cra(cra).name == court


@pytest.mark.parametrize("code", ["57", "67", "68"], ids=["Moselle", "Bas-Rhin", "Haut-Rhin"])
def test_alsace_moselle_departements_go_to_strasbourg_on_the_local_calendar(code):
    court = courts.court_for_departement(code)
    assert courts.place_territory(code) == "alsace_moselle"
    assert court.name == "Tribunal administratif de Strasbourg"
    assert court.calendar == "alsace_moselle"
    assert court.time_zone == "Europe/Paris"


def test_the_cra_of_metz_is_in_alsace_moselle_but_its_court_is_not():
    assert courts.place_territory("metz") == "alsace_moselle"
    assert courts.court_for_cra("metz").calendar == "metropole"


@pytest.mark.parametrize(
    ("code", "calendar", "time_zone"),
    [
        ("BL", "saint_barthelemy", "America/St_Barthelemy"),
        ("MF", "saint_martin", "America/Marigot"),
    ],
    ids=["Saint-Barthélemy", "Saint-Martin"],
)
def test_the_northern_islands_courts_sit_at_basse_terre_with_their_own_calendar(
    code, calendar, time_zone
):
    court = courts.court_for_departement(code)
    assert court.seat_city == "Basse-Terre"
    assert court.calendar == calendar
    assert court.time_zone == time_zone


@pytest.mark.parametrize(
    ("code", "court"),
    [
        ("57", "Tribunal administratif de Nancy"),
        ("77", "Tribunal administratif de Melun"),
        ("69", "Tribunal administratif de Lyon"),
        ("01", "Tribunal administratif de Lyon"),
    ],
    ids=[
        "Moselle: its only CRA goes to Nancy",
        "Seine-et-Marne: two CRAs, two courts, so the département's court",
        "Rhône: two CRAs, one court",
        "Ain: no CRA, so the département's court",
    ],
)
def test_detention_in_a_departement_names_the_court_of_its_centres(code, court):
    found = courts.court_for_detention_in_departement(code)
    assert found.name == court
    assert found.code == code


def test_detention_in_moselle_keeps_nancys_calendar():
    assert courts.court_for_detention_in_departement("57").calendar == "metropole"


@pytest.mark.parametrize(
    ("code", "name", "calendar", "time_zone"), OVERSEAS, ids=[row[0] for row in OVERSEAS]
)
def test_each_overseas_court_has_its_own_calendar_and_time_zone(code, name, calendar, time_zone):
    court = courts.court_for_departement(code)
    assert (court.name, court.calendar, court.time_zone) == (name, calendar, time_zone)


@pytest.mark.parametrize(
    ("code", "time_zone"),
    [("NC", "Pacific/Noumea"), ("PF", "Pacific/Tahiti"), ("WF", "Pacific/Wallis")],
    ids=["Nouvelle-Calédonie", "Polynésie française", "Wallis-et-Futuna"],
)
def test_pacific_courts_are_outside_ceseda_but_keep_their_clock(code, time_zone):
    court = courts.court_for_departement(code)
    assert courts.place_territory(code) == "other_collectivity"
    assert court.calendar == "other_collectivity"
    assert court.time_zone == time_zone


def test_the_taaf_go_to_la_reunion_on_its_calendar():
    court = courts.court_for_departement("TF")
    assert courts.place_territory("TF") == "other_collectivity"
    assert (court.name, court.calendar) == ("Tribunal administratif de La Réunion", "reunion")


def test_the_hand_written_seat_table_covers_every_seat_of_the_csv():
    assert {row["seat_city"] for row in DEPARTEMENT_ROWS} == set(SEAT_DEPARTEMENT)


@pytest.mark.parametrize(
    "row", DEPARTEMENT_ROWS, ids=lambda row: f"{row['code']} {row['seat_city']}"
)
def test_a_courts_calendar_is_that_of_the_departement_where_it_sits(row):
    seat = SEAT_DEPARTEMENT[row["seat_city"]]
    expected = OWN_CALENDAR_AWAY_FROM_SEAT.get(row["code"]) or courts.place_territory(seat)
    assert courts.court_for_departement(row["code"]).calendar == expected


COURTS_AT_HOME = sorted(
    {(row["tribunal_administratif"], row["seat_city"]) for row in DEPARTEMENT_ROWS}
    - {("Tribunal administratif de Saint-Barthélemy", "Basse-Terre")}
    - {("Tribunal administratif de Saint-Martin", "Basse-Terre")}
)


@pytest.mark.parametrize(("court", "seat"), COURTS_AT_HOME, ids=[c for c, _ in COURTS_AT_HOME])
def test_a_court_sits_in_one_of_the_departements_it_serves(court, seat):
    # The module reads the seat's territory off the court's own area: this is what makes it right.
    served = {row["code"] for row in DEPARTEMENT_ROWS if row["tribunal_administratif"] == court}
    assert SEAT_DEPARTEMENT[seat] in served


def test_each_court_has_one_seat_and_one_appeal_court_in_the_csv():
    facts = {}
    for row in DEPARTEMENT_ROWS:
        fact = (row["seat_city"], row["cour_administrative_d_appel"])
        assert facts.setdefault(row["tribunal_administratif"], fact) == fact


def test_every_court_links_to_its_own_official_site():
    urls = {court.name: court.directory_url for court in every_court()}
    assert len(urls) == 42
    assert len(set(urls.values())) == 42
    for url in urls.values():
        assert url.startswith("https://")
        assert url.endswith(".tribunal-administratif.fr/")


def test_every_calendar_and_territory_is_a_known_key():
    assert {court.calendar for court in every_court()} <= set(courts.TERRITORIES)
    assert {courts.place_territory(row["code"]) for row in DEPARTEMENT_ROWS} == set(
        courts.TERRITORIES
    )


def test_the_paris_departement_is_the_tribunal_administratif_de_paris():
    assert courts.court_for_departement(courts.PARIS_DEPARTEMENT).name == (
        "Tribunal administratif de Paris"
    )


@pytest.mark.parametrize(
    ("code", "territory"),
    [("13", "metropole"), ("2A", "metropole"), ("971", "guadeloupe"), ("mayotte", "mayotte")],
    ids=["Bouches-du-Rhône", "Corse-du-Sud", "Guadeloupe", "the CRA of Mayotte"],
)
def test_place_territory_reads_departements_and_detention_centres(code, territory):
    assert courts.place_territory(code) == territory


SINGLE_COURT_TERRITORIES = [
    ("alsace_moselle", "57", "Tribunal administratif de Strasbourg"),
    ("guadeloupe", "971", "Tribunal administratif de la Guadeloupe"),
    ("martinique", "972", "Tribunal administratif de la Martinique"),
    ("guyane", "973", "Tribunal administratif de la Guyane"),
    ("reunion", "974", "Tribunal administratif de La Réunion"),
    ("mayotte", "976", "Tribunal administratif de Mayotte"),
    ("saint_barthelemy", "BL", "Tribunal administratif de Saint-Barthélemy"),
    ("saint_martin", "MF", "Tribunal administratif de Saint-Martin"),
    ("saint_pierre_et_miquelon", "PM", "Tribunal administratif de Saint-Pierre-et-Miquelon"),
]


@pytest.mark.parametrize(
    ("territory", "code", "name"),
    SINGLE_COURT_TERRITORIES,
    ids=[territory for territory, _, _ in SINGLE_COURT_TERRITORIES],
)
def test_a_territory_with_a_single_court_names_it(territory, code, name):
    court = courts.court_for_territory(territory)
    expected = courts.court_for_departement(code)
    assert court.name == name
    assert (court.calendar, court.time_zone) == (expected.calendar, expected.time_zone)
    assert court.code == territory
    assert not court.generic


def test_metropolitan_france_alone_gets_a_generic_court():
    court = courts.court_for_territory("metropole")
    assert court.generic
    assert court.name == "Tribunal administratif du lieu de la préfecture qui a pris la décision"
    assert court.appeal_court == "Cour administrative d'appel dont dépend ce tribunal"
    assert (court.code, court.calendar, court.time_zone) == (
        "metropole",
        "metropole",
        "Europe/Paris",
    )
    assert court.directory_url.startswith("https://conseil-etat.fr/")


@pytest.mark.parametrize("code", ["99", "", "975", "2a", "METZ", "vincennes"])
def test_an_unknown_code_has_no_territory(code):
    assert courts.place_territory(code) is None


@pytest.mark.parametrize(
    ("lookup", "code"),
    [
        (courts.court_for_departement, "99"),
        (courts.court_for_departement, "metz"),
        (courts.court_for_cra, "vincennes"),
        (courts.court_for_cra, "57"),
        (courts.court_for_detention_in_departement, "99"),
        (courts.court_for_territory, "france"),
        (courts.court_for_territory, "other_collectivity"),
    ],
    ids=lambda value: value if isinstance(value, str) else value.__name__,
)
def test_an_unknown_code_raises_key_error(lookup, code):
    with pytest.raises(KeyError):
        lookup(code)
