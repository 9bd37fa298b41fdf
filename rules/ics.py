"""The outcome's dates as an iCalendar file (RFC 5545), for the person's own calendar.

One event per date to act on: the last moment to appeal, the last moment to challenge a placement
in a detention centre, the earliest day of a hearing before the expulsion board. Nothing the person
typed goes in beyond these dates and the court. The words follow the active language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from rules import texts
from rules.engine.model import PARIS, Outcome
from rules.presentation import Moment, day_text

PRODID = "-//Eloignement//Removal from France: deadlines//EN"
# A deadline is an instant: the event only marks it.
DURATION = timedelta(minutes=1)
# Time zones are written out from the year before the first date to the year after the last,
# for calendars that read them rather than their own copy of the IANA database.
ZONE_YEARS_AROUND = 1


@dataclass(frozen=True)
class Entry:
    key: str  # stable per date: the same deadline downloaded twice is one event
    start: datetime | date  # an aware instant, or a whole day
    summary: str
    description: str
    alarm: timedelta  # before the start

    @property
    def whole_day(self) -> bool:
        return not isinstance(self.start, datetime)


def alarm_before(counting: str | None) -> timedelta:
    """An hour before a deadline counted in hours; a day before any other."""
    return timedelta(hours=1) if counting == "hours" else timedelta(days=1)


def in_zone(instant: datetime, name: str | None) -> datetime:
    return instant.astimezone(ZoneInfo(name)) if name else instant


def zone_of(instant: datetime) -> str | None:
    return getattr(instant.tzinfo, "key", None)


def by_text(instant: datetime) -> dict:
    moment = Moment.of(instant)
    return {"day": moment.day, "time": moment.time, "zone": moment.zone_name}


def appeal_entry(outcome: Outcome) -> Entry | None:
    appeal = outcome.appeal
    if appeal.deadline is None or appeal.already_filed:
        return None
    court = appeal.court
    start = in_zone(appeal.deadline, court.time_zone if court else zone_of(appeal.deadline))
    court_name = court.name if court else ""
    lines = [
        _("File your appeal by %(day)s at %(time)s at the latest (%(zone)s).") % by_text(start),
        _("Rule: %(rule)s. %(counting)s")
        % {"rule": texts.RULES[appeal.rule], "counting": texts.COUNTINGS[appeal.counting]},
        _("Court: %(court)s.") % {"court": court_name},
        _(
            "If the part of your decision on how and when to appeal gives you more time, that "
            "longer time applies."
        ),
        _("This is information, not legal advice."),
    ]
    return Entry(
        key=f"appeal|{start.isoformat()}|{court.code if court else ''}",
        start=start,
        summary=_("Last moment to file the appeal — %(court)s") % {"court": court_name},
        description="\n".join(lines),
        alarm=alarm_before(appeal.counting),
    )


def remedy_entries(outcome: Outcome) -> list[Entry]:
    entries = []
    for name, remedy in outcome.other_remedies.items():
        if name != "cra_placement":
            continue
        court = str(texts.COURT_OF_JUDICIAL_JUDGE)
        lines = [
            _(
                "Ask %(court)s to end your detention by %(day)s at %(time)s at the latest "
                "(%(zone)s)."
            )
            % {"court": court, **by_text(remedy.deadline)},
            _("Rule: %(rule)s. %(counting)s")
            % {"rule": texts.RULES[remedy.rule], "counting": texts.COUNTINGS[remedy.counting]},
            _("This is information, not legal advice."),
        ]
        entries.append(
            Entry(
                key=f"{name}|{remedy.deadline.isoformat()}",
                start=remedy.deadline,
                summary=_("Last moment to challenge the detention — %(court)s") % {"court": court},
                description="\n".join(lines),
                alarm=alarm_before(remedy.counting),
            )
        )
    return entries


def comex_entry(outcome: Outcome) -> Entry | None:
    board = outcome.comex
    if board is None or board.hearing_not_before is None:
        return None
    description = _(
        "The hearing before the expulsion board cannot take place before this day: at least "
        "%(days)s days after the summons. The board must give its opinion by %(day)s."
    ) % {
        "days": board.hearing_days,
        "day": day_text(board.opinion_by),
    }
    return Entry(
        key=f"comex_hearing|{board.hearing_not_before.isoformat()}",
        start=board.hearing_not_before,
        summary=_("Earliest day of the hearing before the expulsion board (COMEX)"),
        description="\n".join([description, _("This is information, not legal advice.")]),
        alarm=timedelta(days=1),
    )


def entries(outcome: Outcome) -> list[Entry]:
    """The dates to put in a calendar, most urgent first; none when there is no date to act on."""
    found = [appeal_entry(outcome), *remedy_entries(outcome), comex_entry(outcome)]
    return [entry for entry in found if entry is not None]


def upcoming(outcome: Outcome, now: datetime) -> bool:
    """Whether one of the dates is still to come: only then is the calendar worth offering."""
    today = now.astimezone(PARIS).date()
    return any(
        entry.start >= today if entry.whole_day else entry.start > now for entry in entries(outcome)
    )


def offset_at(zone: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset()


def transitions(zone: ZoneInfo, start: datetime, end: datetime):
    """(instant, offset before, offset after) of each change of the zone's offset in a range."""
    day = timedelta(days=1)
    moment = start
    while moment < end:
        later = moment + day
        before, after = offset_at(zone, moment), offset_at(zone, later)
        if before != after:
            low, high = int(moment.timestamp()), int(later.timestamp())
            while high - low > 1:
                middle = (low + high) // 2
                if offset_at(zone, datetime.fromtimestamp(middle, UTC)) == after:
                    high = middle
                else:
                    low = middle
            yield datetime.fromtimestamp(high, UTC), before, after
        moment = later


def observance(zone: ZoneInfo, instant: datetime, before: timedelta, after: timedelta):
    """One STANDARD or DAYLIGHT part: its onset in the local time in force before it (RFC 5545)."""
    local = instant.astimezone(zone)
    part = TimezoneDaylight() if local.dst() else TimezoneStandard()
    part.add("dtstart", (instant + before).replace(tzinfo=None))
    part.add("tzoffsetfrom", before)
    part.add("tzoffsetto", after)
    part.add("tzname", local.tzname())
    return part


def vtimezone(name: str, instants: list[datetime]) -> Timezone:
    zone = ZoneInfo(name)
    start = datetime(min(instants).year - ZONE_YEARS_AROUND, 1, 1, tzinfo=UTC)
    end = datetime(max(instants).year + ZONE_YEARS_AROUND + 1, 1, 1, tzinfo=UTC)
    component = Timezone()
    component.add("tzid", name)
    offset = start.astimezone(zone).utcoffset()
    component.add_component(observance(zone, start, offset, offset))
    for instant, before, after in transitions(zone, start, end):
        component.add_component(observance(zone, instant, before, after))
    return component


def event(entry: Entry, now: datetime) -> Event:
    item = Event()
    item.add("uid", f"{uuid5(NAMESPACE_URL, entry.key)}@eloignement")
    item.add("dtstamp", now.astimezone(UTC))
    item.add("dtstart", entry.start)
    item.add("duration", timedelta(days=1) if entry.whole_day else DURATION)
    item.add("summary", entry.summary)
    item.add("description", entry.description)
    item.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", entry.summary)
    alarm.add("trigger", -entry.alarm)
    item.add_component(alarm)
    return item


def calendar(outcome: Outcome, now: datetime) -> bytes:
    found = entries(outcome)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    zones: dict[str, list[datetime]] = {}
    for entry in found:
        if not entry.whole_day and zone_of(entry.start):
            zones.setdefault(zone_of(entry.start), []).append(entry.start)
    for name, instants in zones.items():
        cal.add_component(vtimezone(name, instants))
    for entry in found:
        cal.add_component(event(entry, now))
    return cal.to_ical()
