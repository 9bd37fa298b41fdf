"""From an Outcome to what the page says: formatted dates, plain words, notices with sources.

Pure over the outcome and the active language; the templates only lay these values out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from rules import texts
from rules.engine import calendar, law
from rules.engine.model import Outcome

TIME_FORMAT = "H:i"


def day_words(value: date, with_weekday: bool = True) -> str:
    """A day in the page's language, in the order and with the words that language writes it."""
    # Translators: a day with its weekday, in Django's date format codes: l weekday, j day,
    # F month, E month in the genitive (Russian), Y year; letters as text are escaped (\d\e).
    with_day = pgettext("date format", "l j F Y")
    # Translators: a day without its weekday, in the same codes as "l j F Y".
    without_day = pgettext("date format", "j F Y")
    style = with_day if with_weekday else without_day
    if value.day == 1 and get_language().startswith("fr"):
        # French writes the first of the month "1er".
        style = style.replace("j", r"j\e\r", 1)
    return formats.date_format(value, style)


@dataclass(frozen=True)
class Notice:
    id: str
    text: str
    source: str
    # One line for the top of the deadline block, the text then folded beneath it.
    headline: str = ""


@dataclass(frozen=True)
class Moment:
    """A deadline as the page shows it: in the court's time zone, in the page's language."""

    iso: str
    day: str
    time: str
    zone_name: str

    @classmethod
    def of(cls, value: datetime) -> Moment:
        return cls(
            iso=value.isoformat(timespec="seconds"),
            day=day_words(value),
            time=formats.date_format(value, TIME_FORMAT),
            zone_name=str(texts.TIME_ZONE_NAMES.get(str(value.tzinfo), value.tzinfo)),
        )


def day_text(value: date | None) -> str:
    return day_words(value) if value else ""


def time_left(outcome: Outcome) -> str:
    left = outcome.time_left
    if left is None or left.total_seconds() <= 0:
        return ""
    days, hours = left.days, left.seconds // 3600
    in_days = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    in_hours = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if days == 0:
        return _("%(hours)s left") % {"hours": in_hours}
    return _("%(days)s and %(hours)s left") % {"days": in_days, "hours": in_hours}


def skipped_days(outcome: Outcome) -> list[str]:
    """Each day the deadline was moved past, named: a weekend day or the holiday's name."""
    court = outcome.appeal.court
    named = []
    for day in outcome.appeal.extended_over:
        holiday = calendar.holiday_label(court.calendar, day, get_language())
        named.append(f"{day_text(day)} ({holiday})" if holiday else day_text(day))
    return named


def words_of(outcome: Outcome, warning: str) -> str:
    """The words a warning takes here: the June 2026 one never names a possible shortening
    longer than the deadline computed (LAW.md §7.1)."""
    if warning == "pact_2026" and not getattr(outcome.details, "pact_may_be_shorter", False):
        return "pact_2026_not_shorter"
    return warning


def of_the_decisions_day(outcome: Outcome, name: str) -> Any:
    """A value of rules/law/ on the day the decision was taken; for a day before the first rules
    (an out-of-scope decision, or none given), the first value."""
    parameter = law.parameter(name)
    day = outcome.answers.decided_on or outcome.now.date()
    return (parameter.in_force(day) or parameter.history[0]).value


def notice(outcome: Outcome, warning: str, sources: dict[str, str]) -> Notice:
    words = texts.WARNINGS[words_of(outcome, warning)]
    # The pact's other wordings are the same warning: its source.
    source = sources[warning.removesuffix("_asylum")]
    values = {
        "other_day": day_text(outcome.appeal.other_reading),
        "paris_time": paris_time_text(outcome),
        "local_time": local_time_of_paris_time(outcome),
        "pact_days": getattr(outcome.details, "pact_shortest_days", None),
        "hearing_days": outcome.comex and outcome.comex.hearing_days,
    }
    headline = texts.HEADLINES.get(words_of(outcome, warning), "")
    return Notice(warning, filled(words, values), source, filled(headline, values))


def filled(words: Any, values: dict[str, Any]) -> str:
    return str(words) % values if "%(" in str(words) else str(words)


def local_time_of_paris_time(outcome: Outcome) -> str:
    paris, court = outcome.appeal.paris_time, outcome.appeal.court
    if paris is None:
        return ""
    local = Moment.of(paris.astimezone(ZoneInfo(court.time_zone)))
    return _("%(day)s at %(time)s") % {"day": local.day, "time": local.time}


def paris_time_text(outcome: Outcome) -> str:
    paris = outcome.appeal.paris_time
    if paris is None:
        return ""
    moment = Moment.of(paris)
    return _("%(day)s at %(time)s") % {"day": moment.day, "time": moment.time}


def notices(outcome: Outcome) -> dict[str, list[Notice]]:
    """The warnings, grouped by where the page shows them (texts.HEADLINES, REMOVAL, ONLINE,
    SHOWN);
    the rest are folded into how the deadline was counted."""
    warnings = list(outcome.warnings)
    if "pact_2026" in warnings and getattr(outcome.details, "pact_prominent", False):
        warnings.insert(warnings.index("pact_2026") + 1, "pact_2026_asylum")
    sources = of_the_decisions_day(outcome, "warnings")
    every = [notice(outcome, w, sources) for w in warnings]
    return {
        "all": every,
        "headlines": [n for n in every if n.headline],
        "removal": [n for n in every if n.id in texts.REMOVAL],
        "online": [n for n in every if n.id in texts.ONLINE],
        "shown": [n for n in every if n.id in texts.SHOWN],
        "folded": [
            n
            for n in every
            if not n.headline and n.id not in texts.REMOVAL + texts.ONLINE + texts.SHOWN
        ],
    }


def protection(outcome: Outcome) -> dict:
    found = outcome.protection
    return {
        "status": found.status,
        "status_text": texts.PROTECTION_STATUS[found.status],
        "level_text": texts.PROTECTION_LEVEL[found.level],
        "strongest": [texts.CATEGORIES[c] for c in found.strongest],
        "weaker": [
            texts.CATEGORIES[c]
            for c in found.categories
            if c not in found.lifted_categories and c not in found.strongest
        ],
        "lifted_categories": [texts.CATEGORIES[c] for c in found.lifted_categories],
        "lifted_by": [texts.CONDUCTS[c] for c in found.lifted_by],
        "necessity_facts": [texts.CONDUCTS[c] for c in found.necessity_facts],
        "arguments": [texts.CATEGORIES[c] for c in found.arguments],
        "undetermined": [texts.CATEGORIES[c] for c in found.undetermined],
    }


def deadline(outcome: Outcome) -> dict | None:
    appeal = outcome.appeal
    if appeal.deadline is None:
        return None
    return {
        "moment": Moment.of(appeal.deadline),
        "rule": texts.RULES[appeal.rule],
        "counting": texts.COUNTINGS[appeal.counting],
        "starts_on": day_text(appeal.starts_on),
        "skipped": skipped_days(outcome),
        "time_left": time_left(outcome),
        "expired": outcome.expired,
        "decides_within": texts.JUDGE_TIMES.get(appeal.decides_within, ""),
        "appeal_court_rule": texts.RULES.get(appeal.appeal_court_rule, ""),
        "appeal_court_source": appeal.appeal_court_source,
    }


def other_remedies(outcome: Outcome) -> list[dict]:
    return [
        {
            "id": name,
            "moment": Moment.of(remedy.deadline),
            "rule": texts.RULES[remedy.rule],
            "counting": texts.COUNTINGS[remedy.counting],
            "court": texts.COURT_OF_JUDICIAL_JUDGE,
            "source": " ; ".join(remedy.sources),
        }
        for name, remedy in outcome.other_remedies.items()
    ]


def comex(outcome: Outcome) -> dict | None:
    board = outcome.comex
    if board is None:
        return None
    dated = board.summoned_on is not None
    return {
        "dated": dated,
        "summoned_on": day_text(board.summoned_on),
        "hearing_not_before": day_text(board.hearing_not_before),
        "opinion_by": day_text(board.opinion_by),
        "hearing_iso": board.hearing_not_before.isoformat() if dated else "",
        "opinion_iso": board.opinion_by.isoformat() if dated else "",
        "hearing_days": board.hearing_days,
        "opinion_months": board.opinion_months,
        "postponement_months": board.postponement_months,
        "source": " ; ".join(board.sources),
    }


# A service-public.fr page cited with the day it was read: one entry per page, its days together.
DATED_PAGE = re.compile(r"^(service-public\.fr F\d+)(?:,\s*|\s*\()((?:vérifiée|modifiée)[^)]*)\)?$")


def distinct_sources(cited: list[str]) -> list[str]:
    """Each source once: a line citing several ("A ; B") split, a page read on several days
    given once with its days."""
    days: dict[str, list[str]] = {}
    for part in (p.strip() for line in cited for p in line.split(" ; ")):
        if not part:
            continue
        match = DATED_PAGE.match(part)
        page, day = (match.group(1), match.group(2)) if match else (part, None)
        days.setdefault(page, [])
        if day and day not in days[page]:
            days[page].append(day)
    return [f"{page} ({' ; '.join(read)})" if read else page for page, read in days.items()]


def sources(outcome: Outcome, shown: list[Notice]) -> list[str]:
    return distinct_sources(list(outcome.sources) + [n.source for n in shown])


def regime_text(outcome: Outcome) -> str:
    """The rules applied, named by the first and last days of rules/law/regimes.yaml they cover."""
    measure = outcome.answers.measure
    history = law.parameter("regimes").history
    days = [
        (dated.start, following.start if following else None)
        for dated, following in zip(history, [*history[1:], None], strict=True)
        if dated.value and dated.value[measure] == outcome.regime
    ]
    if not days:
        return ""
    start, end = days[0][0], days[-1][1]
    words = texts.REGIMES[measure]
    if end is None:
        return str(words["since"]) % {"start": since(start)}
    return str(words["between"]) % {"start": since(start), "end": since(end - timedelta(days=1))}


def since(value: date | None) -> str:
    return day_words(value, with_weekday=False) if value else ""


def present(outcome: Outcome) -> dict:
    grouped = notices(outcome)
    repeal = getattr(outcome.details, "repeal", None)
    return {
        "outcome": outcome,
        "measure": outcome.answers.measure,
        "regime_text": regime_text(outcome),
        "out_of_scope_text": texts.OUT_OF_SCOPE.get(outcome.out_of_scope_reason, ""),
        "notices": grouped,
        "deadline": deadline(outcome),
        "other_remedies": other_remedies(outcome),
        "protection": protection(outcome),
        "comex": comex(outcome),
        "court": outcome.appeal.court,
        "departure_until": day_text(outcome.departure_until),
        "details": outcome.details,
        "repeal_until": day_text(repeal.until) if repeal else "",
        "only_minors_since": since(getattr(outcome.details, "only_minors_since", None)),
        # The article or decision behind each fixed statement of the page (rules/law/).
        "cite": of_the_decisions_day(outcome, "statements"),
        "sources": sources(outcome, grouped["all"]),
        "rules_checked_on": day_text(outcome.rules_checked_on),
    }
