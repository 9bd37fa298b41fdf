"""The outcome's parts, as plain frozen dataclasses (no logic beyond derived values)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TypedDict
from zoneinfo import ZoneInfo

from rules.engine import law
from rules.engine.answers import Answers
from rules.engine.courts import Court

PARIS = ZoneInfo("Europe/Paris")
FIRST_DAY = date(2021, 5, 1)  # the first day of the rules in rules/law/
# Every warning an outcome may carry (product spec), each defined in LAW.md and shown in words.
WARNING_IDS = (
    "pact_2026",
    "seven_days_disputed",
    "time_unknown",
    "overseas_act_now",
    "mayotte_special",
    "house_arrest_7_days",
    "month_end_conservative",
    "paris_timestamp",
    "restriction_after_oqtf",
    "post_48h_not_opposable",
    "weekend_extension_possible",
    "eu_citizen",
    "good_friday_local",
    "saint_martin_28_may",
    "no_deadline_stated",
    "expulsion_act_now",
    "notified_on_unknown",
    "date_after_today",
    "summoned_on_unknown",
    "former_territory_unknown",
)


@dataclass(frozen=True)
class Appeal:
    rule: str = "none"
    counting: str | None = None
    deadline: datetime | None = None
    extended_over: tuple[date, ...] = ()
    suspensive: bool | None = None
    court: Court | None = None
    decides_within: str | None = None
    # When the clock started (the notification, or the restriction for a shorter deadline).
    starts_on: date | None = None
    # Reading A's later day when the earlier month-end reading is shown.
    other_reading: date | None = None
    already_filed: bool = False
    appeal_court_rule: str | None = None
    appeal_court_source: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def paris_time(self) -> datetime | None:
        """The deadline's clock time read in Paris. Online filings may be time-stamped in Paris
        time: for a court west of Paris, filing before this instant is safe however the stamp is
        read. Never later than the deadline itself."""
        if self.deadline is None:
            return None
        return min(self.deadline, self.deadline.replace(tzinfo=PARIS), key=instant)


@dataclass(frozen=True)
class Remedy:
    rule: str
    counting: str
    deadline: datetime
    court: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Protection:
    status: str = "unknown"
    level: str = "none"
    categories: tuple[str, ...] = ()
    # The categories that give the level stated (the others met give a weaker protection).
    strongest: tuple[str, ...] = ()
    # The categories met whose protection is set aside, and what sets it aside.
    lifted_categories: tuple[str, ...] = ()
    lifted_by: tuple[str, ...] = ()
    # Under current OQTF law: ties that are points to raise in the appeal, not protections.
    arguments: tuple[str, ...] = ()
    # Categories whose conditions could not be checked (a follow-up answer is missing).
    undetermined: tuple[str, ...] = ()
    # Facts ticked that do not lift the relative protection left, but that the authority may
    # invoke to show an imperative necessity (expulsion, L. 631-2).
    necessity_facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comex:
    """The board's timetable; no date when the day of the summons is not known."""

    hearing_days: int  # the summons is handed at least this many days before the hearing
    opinion_months: int  # the board gives its opinion within this many months of the summons
    postponement_months: int  # at most this many more, from its decision to postpone
    sources: tuple[str, ...]
    summoned_on: date | None = None
    hearing_not_before: date | None = None
    opinion_by: date | None = None


@dataclass(frozen=True)
class ReentryBan:
    """The longest ban on returning (years) that can go with an OQTF, by situation."""

    without_period: int
    stayed_beyond_period: int
    with_period: int
    serious_threat: int


@dataclass(frozen=True)
class OqtfDetails:
    """What the "what happens next" part of an OQTF's outcome needs, from rules/law/."""

    general_law: bool  # overseas territories where the special procedures do not apply
    reentry_ban: ReentryBan
    enforceable_years: int | None
    asylum_pending: bool
    departure_days: int
    reporting_per_week: int
    # The day from which only minors are protected (None while other categories protect too).
    only_minors_since: date | None
    # The June 2026 decrees (LAW.md §7.1): whether they may leave less time than computed.
    pact_may_be_shorter: bool = False
    pact_prominent: bool = False
    pact_shortest_days: int | None = None


@dataclass(frozen=True)
class Repeal:
    """Asking for an expulsion order to be repealed (L. 632-3 to L. 632-6)."""

    window_months: int
    silence_means_refusal_months: int
    board_after_years: int
    review_every_years: int
    review_silence_months: int
    # The last day of the window, or None when a request is possible at any time.
    until: date | None = None
    later_if_long_house_arrest: bool = False


@dataclass(frozen=True)
class ExpulsionDetails:
    """What the "what happens next" part of an expulsion's outcome needs, from rules/law/."""

    stage: str
    reporting_failure_prison_years: int
    repeal: Repeal | None = None
    authority: str | None = None
    # Before 2024, offences against family lifted protection only when against spouse or
    # children, and only for the two family categories: said when that conduct is ticked.
    family_offences_spouse_or_children_only: bool = False


@dataclass(frozen=True)
class Outcome:
    answers: Answers
    now: datetime
    regime: str
    out_of_scope_reason: str | None = None
    protection: Protection = field(default_factory=Protection)
    appeal: Appeal = field(default_factory=Appeal)
    other_remedies: dict[str, Remedy] = field(default_factory=dict)
    departure_until: date | None = None
    comex: Comex | None = None
    # Measure-specific facts for the "what happens next" part (re-entry ban, repeal, review...).
    details: OqtfDetails | ExpulsionDetails | None = None
    warnings: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    rules_checked_on: date = field(default_factory=lambda: law.value("checked_on", FIRST_DAY))

    @property
    def expired(self) -> bool:
        return self.appeal.deadline is not None and self.appeal.deadline < self.now

    @property
    def time_left(self) -> timedelta | None:
        return self.appeal.deadline - self.now if self.appeal.deadline else None


class OutcomeParts(TypedDict, total=False):
    """What the rules of a measure (oqtf.evaluate, expulsion.evaluate) give for its outcome: the
    fields of Outcome past the answers, the moment and the regime, each by its name."""

    protection: Protection
    appeal: Appeal
    other_remedies: dict[str, Remedy]
    departure_until: date | None
    comex: Comex | None
    details: OqtfDetails | ExpulsionDetails | None
    warnings: tuple[str, ...]
    sources: tuple[str, ...]


def instant(value: datetime) -> datetime:
    # Aware datetimes of one zone compare on the wall clock; compare the instants.
    return value.astimezone(UTC)


# The outcome as JSON: objects with string keys.
JsonObject = dict[str, object]


def iso(value: date | None) -> str | None:
    """A day, or an instant (a datetime is a date) to the second; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def court_json(court: Court | None) -> JsonObject:
    if court is None:
        return {"court": None, "court_code": None, "appeal_court": None, "time_zone": None}
    return {
        "court": court.name,
        "court_code": court.code,
        "appeal_court": court.appeal_court,
        "time_zone": court.time_zone,
    }


def protection_json(protection: Protection) -> JsonObject:
    return {
        "status": protection.status,
        "level": protection.level,
        "categories": list(protection.categories),
        "strongest": list(protection.strongest),
        "lifted_categories": list(protection.lifted_categories),
        "lifted_by": list(protection.lifted_by),
        "arguments": list(protection.arguments),
        "undetermined": list(protection.undetermined),
        "necessity_facts": list(protection.necessity_facts),
    }


def appeal_json(appeal: Appeal, expired: bool) -> JsonObject:
    return {
        "deadline": iso(appeal.deadline),
        "rule": appeal.rule,
        "counting": appeal.counting,
        "extended_over": [iso(day) for day in appeal.extended_over],
        "suspensive": appeal.suspensive,
        **court_json(appeal.court),
        "decides_within": appeal.decides_within,
        "paris_time": iso(appeal.paris_time),
        "starts_on": iso(appeal.starts_on),
        "other_reading": iso(appeal.other_reading),
        "already_filed": appeal.already_filed,
        "appeal_court_rule": appeal.appeal_court_rule,
        "appeal_court_source": appeal.appeal_court_source,
        "expired": expired,
    }


def remedy_json(remedy: Remedy) -> JsonObject:
    return {
        "deadline": iso(remedy.deadline),
        "rule": remedy.rule,
        "counting": remedy.counting,
        "court": remedy.court,
    }


def comex_json(comex: Comex | None) -> JsonObject:
    """The board's dates: None without a board (an order, an OQTF) or without the summons' date."""
    if comex is None:
        return {"summoned_on": None, "hearing_not_before": None, "opinion_by": None}
    return {
        "summoned_on": iso(comex.summoned_on),
        "hearing_not_before": iso(comex.hearing_not_before),
        "opinion_by": iso(comex.opinion_by),
    }


def outcome_json(outcome: Outcome) -> JsonObject:
    """The outcome as the JSON API returns it (keys of the product spec, then more)."""
    return {
        "regime": outcome.regime,
        "out_of_scope_reason": outcome.out_of_scope_reason,
        "protection": protection_json(outcome.protection),
        "appeal": appeal_json(outcome.appeal, outcome.expired),
        "other_remedies": {
            name: remedy_json(remedy) for name, remedy in outcome.other_remedies.items()
        },
        "departure": {"until": iso(outcome.departure_until)},
        "comex": comex_json(outcome.comex),
        "warnings": list(outcome.warnings),
        "sources": list(outcome.sources),
        "rules_checked_on": iso(outcome.rules_checked_on),
    }
