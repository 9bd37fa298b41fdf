"""What the tests share, so that no test module imports another: the public cases, the JSON API
asked for an outcome, the questionnaire answered as a person would (with the test client, or
walked from stored answers), the answers cookie, the rules' outcome of a set of answers, the
statutory holidays written out, and the browser the browser tests drive.
"""

import base64
import binascii
import contextlib
import json
import re
import shutil
import time
import zlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml
from dateutil.easter import easter
from django.conf import settings
from django.utils.datastructures import MultiValueDict

from questionnaire.progress import walk as walk_stored
from questionnaire.sealing import open_sealed, seal
from questionnaire.steps import PAGE_OF, PAGES
from questionnaire.storage import COOKIE_NAME
from rules.engine.answers import parse
from rules.engine.model import outcome_json
from rules.engine.outcome import evaluate

BASE_DIR = Path(__file__).resolve().parent.parent
# After every date of the public cases and of the tables (with the API's 31 days of margin), so
# that none of them is "after today".
NOW = datetime(2026, 12, 20, 12, 0, tzinfo=UTC)

# Each page language and the address prefix of its pages: French, the default, has none.
PREFIXES = {
    code: "" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES
}
RIGHT_TO_LEFT = ("ar", "fa", "ps")
# The six languages after French and English.
NEW_LANGUAGES = tuple(code for code in PREFIXES if code not in ("fr", "en"))

# --- The shared public cases ----------------------------------------------------------------------

CASES = yaml.safe_load((BASE_DIR / "tests" / "scenarios" / "public.yaml").read_text())


def case(name):
    return next(c for c in CASES if c["name"] == name)


def to_json(value):
    """YAML reads unquoted dates as dates; the API takes them as YYYY-MM-DD."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(item) for item in value]
    return value


def lookup(outcome, dotted_key):
    for part in dotted_key.split("."):
        outcome = outcome[part]
    return outcome


def assert_same_minute(actual, expected):
    actual, expected = datetime.fromisoformat(actual), datetime.fromisoformat(expected)
    assert actual == expected
    assert actual.utcoffset() == expected.utcoffset()


# --- The JSON API ---------------------------------------------------------------------------------


def post_answers(client, answers):
    body = json.dumps({key: to_json(value) for key, value in answers.items()})
    return client.post("/api/v1/outcome", body, content_type="application/json")


def api_outcome(client, answers):
    return post_answers(client, answers).json()


def api_deadline(client, answers):
    return api_outcome(client, answers)["appeal"]["deadline"]


# --- The questionnaire, answered as a person would ------------------------------------------------

MANAGEMENT = "questionnaire-current_step"
# The place questions ask for a département (or a detention centre); the cases give a territory.
PREFECTURE_OF = {
    "metropole": "75",
    "alsace_moselle": "67",
    "guadeloupe": "971",
    "martinique": "972",
    "guyane": "973",
    "reunion": "974",
    "mayotte": "976",
    "saint_barthelemy": "BL",
    "saint_martin": "MF",
    "saint_pierre_et_miquelon": "PM",
    "other_collectivity": "NC",
    "abroad": "abroad",
}
CENTRE_OF = {
    "metropole": "paris-1",
    "alsace_moselle": "strasbourg-geispolsheim",
    "guadeloupe": "guadeloupe",
    "guyane": "guyane",
    "reunion": "reunion",
    "mayotte": "mayotte",
}
PLACE_STEPS = {"departement", "former_place", "centre", "held_in"}


def field_name(step):
    return f"{step}-departement" if step in PLACE_STEPS else f"{step}-{step}"


# The answer of the case each place step reads.
PLACE_ANSWER = {
    "departement": "territory",
    "former_place": "former_territory",
    "centre": "territory",
    "held_in": "territory",
}


def has_answer(step, answers):
    return PLACE_ANSWER.get(step, step) in answers


def posted_values(step, answers):
    """The values a person would enter on `step` for a case's answers."""
    if step == "departement":
        return [answers.get("departement") or PREFECTURE_OF[answers["territory"]]]
    if step == "former_place":
        return [PREFECTURE_OF[answers["former_territory"]]]
    if step == "centre":
        return [CENTRE_OF[answers["territory"]]]
    if step == "held_in":
        return [PREFECTURE_OF[answers["territory"]]]
    value = answers[step]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, date):
        return [value.isoformat()]
    if isinstance(value, list):
        return value
    return [str(value)]


DATE_STEPS = {"decided_on", "summoned_on", "notified_on", "restriction_notified_on"}


def date_parts(text):
    """The day, month and year a person types for a date written YYYY-MM-DD (as numbers, 10 3
    2025) or DD/MM/YYYY (as written); anything else in the day's box."""
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return [str(int(iso[3])), str(int(iso[2])), iso[1]]
    if text.count("/") == 2:
        return text.split("/")
    return [text, "", ""] if text else ["", "", ""]


def posted_fields(step, values):
    """The form fields a person fills in on `step` to answer `values`: for a date, the day, month
    and year of the first typed, and the "I don't know" box."""
    name = field_name(step)
    if step not in DATE_STEPS:
        return {name: values}
    typed = [value for value in values if value != "unknown"]
    fields = {}
    if typed:
        boxes = (f"{name}_day", f"{name}_month", f"{name}_year")
        parts = zip(boxes, date_parts(typed[0]), strict=False)
        fields = {key: [value] for key, value in parts}
    if "unknown" in values:
        fields[name] = ["unknown"]
    return fields


def page_fields(steps, answers):
    """The form fields of the questions of a page, for those the case answers."""
    fields = {}
    for step in steps:
        if has_answer(step, answers):
            fields.update(posted_fields(step, posted_values(step, answers)))
    return fields


def step_of(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def shown_steps(html):
    """The questions a page asks, in order, read from its fields' names (step-field)."""
    form = re.search(r'<form class="step".*?</form>', html, re.DOTALL)
    names = re.findall(r'name="([a-z0-9_]+)-[a-z0-9_]+"', form.group(0) if form else "")
    return [name for name in dict.fromkeys(names) if name != "questionnaire"]


def answer_page(client, url, values_by_step, **headers):
    """Answer the questions of the page at `url`: {step: values}."""
    data = {MANAGEMENT: step_of(url)}
    for step, values in values_by_step.items():
        data.update(posted_fields(step, values))
    return client.post(url, data, **headers)


def answer_step(client, url, values, **headers):
    """Answer the one question of the page at `url`."""
    return answer_page(client, url, {step_of(url): values}, **headers)


def change_answer(client, answers, step, values, language_prefix="", **headers):
    """Change the answer of `step` on its page, as a person would: the page's other questions
    keep the case's answers. Returns the response."""
    page = PAGE_OF[step]
    data = {MANAGEMENT: page, **page_fields(PAGES[page], answers), **posted_fields(step, values)}
    return client.post(f"{language_prefix}/questions/{page}/", data, **headers)


def walk_pages(client, answers, language_prefix=""):
    """Answer every page the wizard shows, from the first, as a person would: each page read, then
    its questions answered together. Returns the pages (a list of the steps each shows) and the
    outcome."""
    url, pages = f"{language_prefix}/questions/measure/", []
    while not url.endswith("/outcome/"):
        page = client.get(url)
        assert page.status_code == 200, url
        shown = shown_steps(page.content.decode())
        assert shown, f"no question at {url}"
        assert all(step not in asked for asked in pages for step in shown), f"asked {shown} twice"
        pages.append(shown)
        data = {MANAGEMENT: step_of(url), **page_fields(shown, answers)}
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()
        url = response["Location"]
    return pages, client.get(url)


def walk(client, answers, language_prefix=""):
    """Answer every question the wizard asks, from the first; returns the steps and the outcome."""
    pages, outcome = walk_pages(client, answers, language_prefix)
    return [step for shown in pages for step in shown], outcome


# --- The answers cookie ---------------------------------------------------------------------------


def stored(client):
    """The steps kept in the answers cookie, with their posted values."""
    cookie = client.cookies.get(COOKIE_NAME)
    if cookie is None or not cookie.value:
        return {}
    return stored_from_value(cookie.value)


def stored_from_value(value):
    """The steps kept in an answers cookie's value, opened with the site's key."""
    return json.loads(open_sealed(value).text)["step_data"]


def every_reading(value):
    """What anyone can make of a cookie's value without the key: as is, base64-decoded (any
    alphabet, any offset), and each of those zlib-inflated where it inflates."""
    readings = [value.encode("latin-1", "replace")]
    for start in range(4):
        chunk = value[start:]
        chunk += "=" * (-len(chunk) % 4)
        for decode in (base64.urlsafe_b64decode, base64.b64decode):
            with contextlib.suppress(binascii.Error, ValueError):
                readings.append(decode(chunk))
    for raw in list(readings):
        for offset in range(len(raw)):
            with contextlib.suppress(zlib.error):
                readings.append(zlib.decompressobj().decompress(raw[offset:]))
    return readings


def answer_texts(answers):
    """The answers of a case as they would be stored, long enough to mean something."""
    texts = set()
    for value in answers.values():
        for item in value if isinstance(value, list) else [to_json(value)]:
            if isinstance(item, str) and len(item) >= 4:
                texts.add(item.encode())
    return texts


def sealed(data, at=None):
    """A cookie value sealed as the site seals it, by default now (`at`: seconds since the epoch,
    the time of the last answer)."""
    return seal(json.dumps(data), int(time.time() if at is None else at))


# --- The walk through stored answers, without a request -------------------------------------------

# An expulsion order signed by a prefect, for a free person in Paris, as the steps store it.
EXPULSION_BY_PREFECT = {
    "measure": "expulsion",
    "eu_citizen": "false",
    "expulsion_stage": "ordered",
    "authority": "prefect",
    "departement": "75",
    "decided_on": "2025-01-31",
    "restriction": "none",
    "notified_by": "hand",
    "notified_on": "2025-02-03",
    "age_under_18": "false",
    "ties": [],
    "conduct": ["none_of_these"],
}


def stored_from(values):
    """`stored(step)` for the walk: each step's value (or list of values) as posted."""

    def stored_step(step):
        if step not in values:
            return None
        value = values[step]
        return MultiValueDict({field_name(step): value if isinstance(value, list) else [value]})

    return stored_step


def progress_of(values):
    return walk_stored(stored_from(values), NOW)


# --- The rules' outcome of a set of answers -------------------------------------------------------

OQTF = {
    "measure": "oqtf",
    "eu_citizen": False,
    "territory": "metropole",
    "notified_by": "hand",
    "age_under_18": False,
    "ties": [],
}
EXPULSION = {
    "measure": "expulsion",
    "eu_citizen": False,
    "territory": "metropole",
    "notified_by": "hand",
    "expulsion_stage": "ordered",
    "authority": "prefect",
    "restriction": "none",
    "age_under_18": False,
    "ties": [],
    "conduct": ["none_of_these"],
}


def evaluated(base, answers, now=NOW):
    """The Outcome of the base answers overridden by `answers` (a None value removes the key)."""
    merged = {key: value for key, value in {**base, **answers}.items() if value is not None}
    return evaluate(parse(merged, now), now)


def outcome(base, answers, now=NOW):
    """The outcome as the JSON API returns it."""
    return outcome_json(evaluated(base, answers, now))


def assert_outcome(found, expected):
    """Each dotted key has the value given; the `warnings` given must all be present and the
    `absent` ones must all be missing."""
    for key, value in expected.items():
        if key == "warnings":
            assert set(value) <= set(found["warnings"]), found["warnings"]
        elif key == "absent":
            assert not set(value) & set(found["warnings"]), found["warnings"]
        else:
            assert lookup(found, key) == value, (key, lookup(found, key))


# --- Statutory holidays ---------------------------------------------------------------------------

# LAW.md §4: the abolition of slavery, where it is a statutory holiday at the court's seat.
ABOLITION = {
    "guadeloupe": (5, 27),
    "martinique": (5, 22),
    "guyane": (6, 10),
    "reunion": (12, 20),
    "mayotte": (4, 27),
    "saint_martin": (5, 27),
}


def statutory_days(calendar_key, year):
    """The statutory holidays of LAW.md §4, written out independently of the `holidays` package.
    Saint-Barthélemy's 9 October is left out: the court's seat, Basse-Terre, works that day."""
    sunday = easter(year)
    days = {
        date(year, 1, 1),
        sunday + timedelta(days=1),  # Easter Monday
        date(year, 5, 1),
        date(year, 5, 8),
        sunday + timedelta(days=39),  # Ascension
        sunday + timedelta(days=50),  # Whit Monday
        date(year, 7, 14),
        date(year, 8, 15),
        date(year, 11, 1),
        date(year, 11, 11),
        date(year, 12, 25),
    }
    if calendar_key == "alsace_moselle":
        days.add(date(year, 12, 26))
    if calendar_key in ABOLITION:
        days.add(date(year, *ABOLITION[calendar_key]))
    return days


def non_working(calendar_key, day):
    return day.weekday() >= 5 or day in statutory_days(calendar_key, day.year)


# --- The browser the browser tests drive ----------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these, chromium keeps trying to reach Google's services from a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# A common phone screen, in CSS pixels.
PHONE = {"width": 390, "height": 844}


def assert_no_axe_violations(axe, page):
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


# --- The help desk's page (/guichet/), answered as a volunteer would ------------------------------


def desk_fields(step, values):
    """The fields of /guichet/ that answer `step`: named after the question, a date in three
    boxes (`decided_on_day`…), "I don't know" under the question's own name."""
    fields = posted_fields(step, values)
    own = field_name(step)
    return {key.replace(own, step, 1): value for key, value in fields.items()}


def offered(form, values):
    """A volunteer can only pick what a list or a set of choices offers."""
    field = next(iter(form.fields.values()))
    choices = getattr(field, "choices", None)
    if not choices:
        return True
    allowed = {str(value) for value, _label in choices}
    return all(value in allowed for value in values if value != "unknown")


def walk_desk(client, answers, language_prefix="", most=6):
    """Fill in every question /guichet/ shows that the case answers, and ask for the result, until
    the outcome comes. Returns the number of submissions and the last response."""
    url = f"{language_prefix}/guichet/"
    response = client.get(url)
    for submissions in range(1, most + 1):
        desk = response.context["desk"]
        data = {"action": "result", "asked": desk.shown}
        for step in desk.shown:
            if has_answer(step, answers):
                values = posted_values(step, answers)
                if offered(desk.forms[step], values):
                    data.update(desk_fields(step, values))
        response = client.post(url, data)
        assert response.status_code == 200, response.content.decode()
        if response.context.get("outcome") is not None:
            return submissions, response
    raise AssertionError(f"no outcome after {most} submissions")


def with_place(answers):
    """A case's answers with the place a volunteer picks for it (the cases give a territory): the
    département of the prefecture, or the detention centre, as an NGO tool would post it."""
    territory = answers.get("territory")
    if territory in (None, "abroad"):
        return answers
    if answers.get("restriction") == "detention_centre":
        return {**answers, "departement": CENTRE_OF[territory]}
    return {**answers, "departement": PREFECTURE_OF[territory]}
