"""When the time of a notification matters: only when a deadline it starts counts in hours.

The rules say which times the outcome depends on (rules.engine.outcome.times_that_matter); this
reads them for a provisional set of answers, built from the steps answered so far, as they stand
at `now`, the time of the walk.
"""

from __future__ import annotations

from questionnaire.rules_data import rules_answers
from rules.engine import outcome
from rules.engine.answers import UNKNOWN, InvalidAnswers


def times_that_matter(answer, now) -> set[str]:
    try:
        answers = rules_answers(answer, now)
    except InvalidAnswers:
        return set()
    return outcome.times_that_matter(answers)


def notification_time_matters(answer, now) -> bool:
    if answer("notified_on") in (None, UNKNOWN):
        return False
    return "notified_at" in times_that_matter(answer, now)


def restriction_time_matters(answer, now) -> bool:
    if answer("restriction_notified_on") in (None, UNKNOWN):
        return False
    return "restriction_notified_at" in times_that_matter(answer, now)
