"""The help desk's page (/guichet/): every question of a case on one page, read from one posted
form, with the wizard's own forms, conditions and checks (steps.py) and the rules' parser.

Each field is named after its question, the API's answer id (`measure`, `decided_on_day`,
`notified_by`, …; the places: `departement` for the prefecture, then `former_place`, `centre` and
`held_in`), so that what a volunteer types and what a tool posts are one thing.

A question is shown when the answers given so far call for it. An unanswered question is read,
for what it shows only, as the most common answer (PRESUMED): a blank page shows the questions of
an OQTF to a person who is free, and the others appear as the answers ask for them. The outcome
never reads a presumed answer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache

from questionnaire.progress import Progress
from questionnaire.rules_data import rules_answers, step_of_error
from questionnaire.steps import STEPS
from rules import errors
from rules.engine.answers import Answers, InvalidAnswers

# For what is shown only: the answers most cases give, while the question is unanswered. Where
# two are common, the questions either calls for are shown: a restriction that began with the
# OQTF asks for the time of its notification, one that came later for the day it came.
PRESUMED = {
    "measure": ("oqtf",),
    "eu_citizen": (False,),
    "expulsion_stage": ("ordered",),
    "restriction": ("none",),
    "restriction_with_decision": (True, False),
}
# The decision's date, unanswered, is read as today's: the rules in force apply.
PRESUMED_TODAY = "decided_on"

# The questions in the order a volunteer reads a decision, by part of the page.
SECTIONS = (
    ("decision", ("measure", "eu_citizen", "expulsion_stage", "authority")),
    ("dates", ("decided_on", "summoned_on", "notified_by", "notified_on", "notified_at")),
    ("place", ("departement", "former_place")),
    (
        "situation",
        (
            "restriction",
            "centre",
            "held_in",
            "restriction_with_decision",
            "restriction_notified_on",
            "restriction_notified_at",
            "appeal_already_filed",
            "departure_period",
            "ground",
            "age_under_18",
            "ties",
            "marriage_years",
            "living_together",
            "spouse_still_french",
            "child_contribution",
            "conduct",
        ),
    ),
)
DISPLAY_ORDER = tuple(step for _section, steps in SECTIONS for step in steps)


@cache
def desk_form(step):
    """The step's form, its one field named after the step: `centre`, not `centre-departement`."""

    def add_prefix(self, field_name):
        return step.name

    return type(step.form.__name__, (step.form,), {"add_prefix": add_prefix})


def reader(values: dict):
    def answer(step, field=None):
        return values.get(step, {}).get(field or step)

    return answer


def missing_only(form) -> bool:
    """The form's only complaint is an answer not given."""
    found = form.errors.as_data()
    return bool(found) and all(
        error.code == "required" for problems in found.values() for error in problems
    )


@dataclass
class Desk:
    forms: dict = field(default_factory=dict)  # step → its form bound to the posted data, shown
    cleaned: dict = field(default_factory=dict)  # step → cleaned data, answers accepted
    missing: list = field(default_factory=list)  # steps shown and not answered
    answers: Answers | None = None  # the typed answers, when every question shown is answered

    @property
    def shown(self) -> list[str]:
        return [step for step in DISPLAY_ORDER if step in self.forms]

    @property
    def complete(self) -> bool:
        return self.answers is not None

    @property
    def layout(self) -> str:
        """What the questions look like (which are shown, their words and choices), in a few
        characters: the page swaps its questions in only when this changes."""
        parts = []
        for step in self.shown:
            for name, bound in self.forms[step].fields.items():
                choices = [str(value) for value, _label in getattr(bound, "choices", ())]
                parts.append(f"{step}:{name}:{bound.label}:{','.join(choices)}")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]

    def progress(self) -> Progress:
        """The answers as the outcome's pages read them (answer rows, printed sheets)."""
        forms = {step: self.forms[step] for step in self.cleaned}
        return Progress(cleaned=dict(self.cleaned), forms=forms, answers=self.answers)


def read(data, now) -> Desk:
    """The questions the posted answers call for, each checked against the answers before it."""
    desk = Desk()
    # The answers as the conditions read them: those accepted, and for each question unanswered
    # one of its presumed answers (one reading per combination).
    readings: list[dict] = [{}]
    for step in STEPS:
        if not any(step.asked(reader(seen), now) for seen in readings):
            continue
        form = desk_form(step)(data=data, answer=reader(desk.cleaned), now=now)
        desk.forms[step.name] = form
        if form.is_valid():
            desk.cleaned[step.name] = form.cleaned_data
            readings = [{**seen, step.name: form.cleaned_data} for seen in readings]
            continue
        if missing_only(form):
            desk.missing.append(step.name)
        readings = presumed(readings, step.name, now)
    if len(desk.cleaned) == len(desk.forms):
        check_with_rules(desk, now)
    return desk


def presumed(readings: list[dict], step: str, now) -> list[dict]:
    values = (now.date(),) if step == PRESUMED_TODAY else PRESUMED.get(step, (None,))
    return [{**seen, step: {step: value}} for seen in readings for value in values]


def check_with_rules(desk: Desk, now) -> None:
    """The rules' parser has the last word; its errors go next to the question they concern."""
    try:
        desk.answers = rules_answers(reader(desk.cleaned), now)
    except InvalidAnswers as invalid:
        answered = list(desk.cleaned)
        for error in invalid.errors:
            step = step_of_error(error, answered) or answered[-1]
            desk.forms[step].add_rules_errors([(error.field, errors.message(error))])


def quieten_missing(desk: Desk, keep: set[str]) -> None:
    """A question left blank is not an error on a page being filled in: it becomes one only when
    the result is asked for, and only for the questions that were on the page then (`keep`)."""
    for step in desk.missing:
        if step not in keep:
            form = desk.forms[step]
            for name in list(form.errors):
                del form.errors[name]
