"""The calendar file (/outcome/deadline.ics): RFC 5545, read back with icalendar, for public cases
walked through the questionnaire; the dates are the JSON API's, in the court's time zone."""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from questionnaire.storage import COOKIE_NAME
from tests.helpers import CASES, api_deadline, api_outcome, case, walk

PARIS_FREE = case("OQTF 2025, free, Paris - one month, franc")
DETENTION = case("Detention centre - 48 hours to the minute, no extension on Sunday")
CLOCK_CHANGE = case("Detention centre across the autumn clock change - the earlier instant")
GUYANE = case("House arrest in Guyane - general law: 2 months, not suspensive, act now")
GUADELOUPE = next(c for c in CASES if c["name"].startswith("Guadeloupe, person free"))
LYON = case("House arrest in Lyon - 7 days, not extended on Christmas")
SUMMONED = case("Summoned before the expulsion board - the board's timetable")
OUT_OF_SCOPE = [
    case("Decision taken before May 2021 - outside what the app covers"),
    case("EU citizen - other rules, outside what the app covers"),
]
WITH_DEADLINE = [PARIS_FREE, DETENTION, CLOCK_CHANGE, GUYANE, GUADELOUPE, LYON]


def calendar_of(client, scenario, language_prefix=""):
    walk(client, scenario["answers"], language_prefix)
    response = client.get(f"{language_prefix}/outcome/deadline.ics")
    assert response.status_code == 200, response.get("Location")
    return response, Calendar.from_ical(response.content)


def events(calendar):
    return calendar.walk("VEVENT")


def offset_in(vtimezone, instant):
    """The UTC offset a calendar that reads only the VTIMEZONE gives at an instant (RFC 5545:
    each observance starts at its DTSTART, a local time in the offset in force before it)."""
    onsets = []
    for part in vtimezone.walk():
        if part.name in ("STANDARD", "DAYLIGHT"):
            before = part["TZOFFSETFROM"].td
            onset = part["DTSTART"].dt.replace(tzinfo=UTC) - before
            onsets.append((onset, part["TZOFFSETTO"].td))
    started = [(onset, after) for onset, after in onsets if onset <= instant]
    return max(started)[1]


@pytest.mark.parametrize("scenario", WITH_DEADLINE, ids=[c["name"] for c in WITH_DEADLINE])
def test_the_appeal_event_starts_at_the_apis_deadline_in_the_courts_time_zone(
    client, frozen_now, scenario
):
    _response, calendar = calendar_of(client, scenario)
    appeal = events(calendar)[0]
    expected = api_deadline(client, scenario["answers"])
    zone = api_outcome(client, scenario["answers"])["appeal"]["time_zone"]
    start = appeal["DTSTART"]
    assert start.dt == datetime.fromisoformat(expected)
    assert start.dt.isoformat() == expected
    assert start.params["TZID"] == zone
    assert appeal["DURATION"].dt == timedelta(minutes=1)


@pytest.mark.parametrize("scenario", WITH_DEADLINE, ids=[c["name"] for c in WITH_DEADLINE])
def test_the_calendar_carries_the_courts_time_zone_and_agrees_with_it_at_the_deadline(
    client, frozen_now, scenario
):
    _response, calendar = calendar_of(client, scenario)
    deadline = datetime.fromisoformat(api_deadline(client, scenario["answers"]))
    zone = api_outcome(client, scenario["answers"])["appeal"]["time_zone"]
    vtimezone = next(tz for tz in calendar.walk("VTIMEZONE") if tz["TZID"] == zone)
    assert offset_in(vtimezone, deadline.astimezone(UTC)) == deadline.utcoffset()


def test_the_time_zone_changes_its_offset_at_the_right_instants_around_the_clock_change(
    client, frozen_now
):
    _response, calendar = calendar_of(client, CLOCK_CHANGE)
    paris = calendar.walk("VTIMEZONE")[0]
    change = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert offset_in(paris, change - timedelta(seconds=1)) == timedelta(hours=2)
    assert offset_in(paris, change) == timedelta(hours=1)
    spring = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert offset_in(paris, spring - timedelta(seconds=1)) == timedelta(hours=1)
    assert offset_in(paris, spring) == timedelta(hours=2)


@pytest.mark.parametrize(
    ("scenario", "before"),
    [(PARIS_FREE, timedelta(days=1)), (LYON, timedelta(days=1)), (DETENTION, timedelta(hours=1))],
    ids=["a month: a day before", "7 days: a day before", "48 hours: an hour before"],
)
def test_the_reminder_comes_a_day_before_or_an_hour_before_a_deadline_in_hours(
    client, frozen_now, scenario, before
):
    _response, calendar = calendar_of(client, scenario)
    alarm = events(calendar)[0].walk("VALARM")[0]
    assert alarm["TRIGGER"].dt == -before
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm["DESCRIPTION"]
    expected = "-PT1H" if before == timedelta(hours=1) else "-P1D"
    assert f"TRIGGER:{expected}\r\n" in calendar.to_ical().decode()


def test_a_summons_gives_an_all_day_event_on_the_earliest_day_of_the_hearing(client, frozen_now):
    _response, calendar = calendar_of(client, SUMMONED)
    (hearing,) = events(calendar)
    assert hearing["DTSTART"].dt == date(2026, 12, 1)
    assert not isinstance(hearing["DTSTART"].dt, datetime)
    assert hearing["DTSTART"].params.get("VALUE") == "DATE"
    assert hearing["DURATION"].dt == timedelta(days=1)
    assert hearing.walk("VALARM")[0]["TRIGGER"].dt == -timedelta(days=1)
    assert calendar.walk("VTIMEZONE") == []


def test_in_a_detention_centre_the_placement_challenge_has_its_own_event(client, frozen_now):
    _response, calendar = calendar_of(client, DETENTION)
    appeal, placement = events(calendar)
    expected = api_outcome(client, DETENTION["answers"])["other_remedies"]["cra_placement"]
    assert placement["DTSTART"].dt.isoformat() == expected["deadline"]
    assert placement["DTSTART"].params["TZID"] == "Europe/Paris"
    assert placement["UID"] != appeal["UID"]
    assert placement.walk("VALARM")[0]["TRIGGER"].dt == -timedelta(days=1)


def test_the_words_follow_the_page_language_and_name_the_court(client, frozen_now):
    _response, calendar = calendar_of(client, PARIS_FREE, "/en")
    appeal = events(calendar)[0]
    assert appeal["SUMMARY"] == "Last moment to file the appeal — Tribunal administratif de Paris"
    description = str(appeal["DESCRIPTION"])
    assert "File your appeal by Friday 11 April 2025 at 23:59 at the latest (Paris time)." in (
        description
    )
    assert "1 month" in description
    assert "Court: Tribunal administratif de Paris." in description


def test_the_file_holds_no_answer_beyond_the_dates_to_act_on_and_the_court(client, frozen_now):
    _response, calendar = calendar_of(client, PARIS_FREE, "/en")
    text = calendar.to_ical().decode().replace("\r\n ", "")
    # The notification and decision date (10 March 2025) and the other answers are not in it.
    for answer in ("20250310", "2025-03-10", "10 March", "permit", "residence", "OQTF"):
        assert answer not in text


def test_the_uid_is_stable_and_the_stamp_is_the_apps_now(client, frozen_now):
    _response, first = calendar_of(client, PARIS_FREE)
    second = Calendar.from_ical(client.get("/outcome/deadline.ics").content)
    assert events(first)[0]["UID"] == events(second)[0]["UID"]
    assert events(first)[0]["DTSTAMP"].dt == datetime(2026, 12, 20, 12, 0, tzinfo=UTC)


def test_the_file_is_a_calendar_attachment_never_cached(client, frozen_now):
    response, calendar = calendar_of(client, PARIS_FREE)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    assert "no-store" in response["Cache-Control"]
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert response.content.endswith(b"END:VCALENDAR\r\n")
    assert COOKIE_NAME not in response.cookies


def test_the_file_is_at_the_same_address_under_en(client, frozen_now):
    response, calendar = calendar_of(client, PARIS_FREE, "/en")
    assert response["Content-Language"] == "en"
    assert events(calendar)


@pytest.mark.parametrize("scenario", OUT_OF_SCOPE, ids=[c["name"] for c in OUT_OF_SCOPE])
@pytest.mark.parametrize("language_prefix", ["", "/en"], ids=["in French", "in English"])
def test_without_a_date_to_act_on_there_is_no_link_and_the_file_goes_to_the_outcome(
    client, frozen_now, scenario, language_prefix
):
    _steps, outcome = walk(client, scenario["answers"], language_prefix)
    assert "deadline.ics" not in outcome.content.decode()
    response = client.get(f"{language_prefix}/outcome/deadline.ics")
    assert response.status_code == 302
    assert response["Location"] == f"{language_prefix}/outcome/"


def test_without_answers_the_file_goes_to_the_outcome_which_asks_the_questions(client, frozen_now):
    response = client.get("/outcome/deadline.ics")
    assert response["Location"] == "/outcome/"
    assert client.get(response["Location"])["Location"] == "/questions/measure/"


def test_after_finish_and_clear_there_is_no_file(client, frozen_now):
    walk(client, PARIS_FREE["answers"])
    client.post("/clear/")
    assert client.get("/outcome/deadline.ics").status_code == 302


def test_the_outcome_links_to_the_calendar_next_to_a_deadline_still_to_come(client, frozen_now):
    frozen_now.set(datetime(2025, 3, 12, 9, 0, tzinfo=UTC))
    _steps, outcome = walk(client, PARIS_FREE["answers"], "/en")
    html = outcome.content.decode()
    link = html.index('href="/en/outcome/deadline.ics"')
    assert html.index('id="deadline-title"') < link < html.index('id="protection-title"')
    assert "Add to my calendar" in html


def test_a_passed_deadline_gets_no_calendar_link(client, frozen_now):
    _steps, outcome = walk(client, PARIS_FREE["answers"])
    assert "deadline.ics" not in outcome.content.decode()


def test_a_summons_links_to_the_calendar_before_the_hearing(client, frozen_now):
    frozen_now.set(datetime(2026, 11, 17, 9, 0, tzinfo=UTC))
    _steps, outcome = walk(client, SUMMONED["answers"])
    html = outcome.content.decode()
    assert html.index('id="comex-title"') < html.index('href="/outcome/deadline.ics"')
