"""The outcome: what the person must know, most urgent first. `evaluate(answers, now)` builds it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rules.engine import expulsion, oqtf, oqtf_procedure, regimes
from rules.engine.answers import Answers, after_today
from rules.engine.model import Outcome


def evaluate(answers: Answers, now: datetime) -> Outcome:
    reason = regimes.out_of_scope_reason(answers)
    if reason:
        warnings = ("eu_citizen",) if reason == "eu_citizen" else ()
        return Outcome(answers, now, regimes.OUT_OF_SCOPE, reason, warnings=warnings)
    regime = regimes.regime_id(answers)
    build = oqtf.evaluate if answers.measure == "oqtf" else expulsion.evaluate
    parts = build(answers, regime, now)
    parts["sources"] = unique(regimes.regime_sources(answers.decided) + parts.get("sources", ()))
    if after_today(answers, now):
        parts["warnings"] = ("date_after_today", *parts.get("warnings", ()))
    return Outcome(answers, now, regime, **parts)


def unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def times_that_matter(answers: Answers) -> set[str]:
    """The notification times the outcome depends on (a questionnaire asks only these): those
    that start a deadline counted in hours."""
    regime = regimes.regime_id(answers)
    if regime == regimes.OUT_OF_SCOPE:
        return set()
    if answers.measure == "expulsion":
        return expulsion.times_that_matter(answers)
    return oqtf_procedure.times_that_matter(answers, regime)
