"""Where a person stands: the questions answered, the next one to answer, the ones to forget.

One walk through the steps in order, re-validating each stored answer against the earlier ones.
The first question asked but unanswered (or no longer valid) is the "next" one. Beyond it, a
question whose condition cannot be decided yet is "unsettled": its stored answer is kept, because
it may be asked again. A question whose condition is false is "dropped": its answer goes.

Conditions and forms read only earlier answers: after one answer changes, the walk can take the
steps before it as an earlier walk left them and go on from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from questionnaire.rules_data import rules_answers, step_of_error
from questionnaire.steps import PAGES, STEPS
from rules import errors
from rules.engine.answers import Answers, InvalidAnswers

POSITION = {step.name: index for index, step in enumerate(STEPS)}


class Unsettled(Exception):
    """A condition read an answer that is not known yet."""


class Reader:
    """`answer(step, field=None)`: a step's cleaned value, None when the question is not asked."""

    def __init__(self, cleaned: dict, unsettled: set, strict: bool = True):
        self.cleaned, self.unsettled, self.strict = cleaned, unsettled, strict

    def __call__(self, step, field=None):
        if step in self.unsettled and self.strict:
            raise Unsettled(step)
        return self.cleaned.get(step, {}).get(field or step)

    def lenient(self):
        return Reader(self.cleaned, self.unsettled, strict=False)


@dataclass
class Progress:
    cleaned: dict = field(default_factory=dict)  # step → cleaned data, answered steps in order
    forms: dict = field(default_factory=dict)  # step → its valid form (labels and choices as asked)
    next_step: str | None = None
    next_form: object = None  # the next step's form bound to its stored data, when invalid
    unsettled: set = field(default_factory=set)
    dropped: set = field(default_factory=set)
    answers: Answers | None = None  # typed answers, once every question asked is answered
    rules_errors: dict = field(default_factory=dict)  # step → [(field, message)]

    @property
    def answered(self) -> list[str]:
        return list(self.cleaned)

    @property
    def complete(self) -> bool:
        return self.next_step is None

    def answer(self):
        return Reader(self.cleaned, self.unsettled, strict=False)

    def reachable(self, step) -> bool:
        return step in self.cleaned or step == self.next_step

    def may_be_asked(self, step) -> bool:
        return step not in self.dropped

    def page_reachable(self, page) -> bool:
        return any(self.reachable(step) for step in PAGES.get(page, ()))

    def shown(self, page) -> list[str]:
        """The steps a page asks: those not known to be irrelevant. A step whose condition reads
        an answer of the same page is shown until that answer says otherwise."""
        return [step for step in PAGES[page] if step not in self.dropped]


def walk(stored, now, earlier: Progress | None = None, changed: str | None = None) -> Progress:
    """`stored(step)` gives a step's stored form data, or None when never answered.

    With `earlier` and `changed` (a step whose answer changed since that walk), the steps before
    `changed` are taken from `earlier` instead of being checked again.
    """
    progress, start = resumed(earlier, changed)
    answer = Reader(progress.cleaned, progress.unsettled)
    for step in STEPS[start:]:
        try:
            asked = step.asked(answer, now)
        except Unsettled:
            progress.unsettled.add(step.name)
            continue
        if not asked:
            progress.dropped.add(step.name)
        elif progress.next_step is not None:
            progress.unsettled.add(step.name)
        else:
            check_stored(progress, step, stored(step.name), answer.lenient(), now)
    if progress.complete:
        check_with_rules(progress, now)
    return progress


def resumed(earlier: Progress | None, changed: str | None) -> tuple[Progress, int]:
    """A walk's start: the steps an earlier walk settled before `changed`, and where to go on."""
    progress = Progress()
    start = settled_steps(earlier, changed)
    if start:
        kept = {step.name for step in STEPS[:start]}
        progress.cleaned = {name: data for name, data in earlier.cleaned.items() if name in kept}
        progress.forms = {name: earlier.forms[name] for name in progress.cleaned}
        progress.dropped = earlier.dropped & kept
    return progress, start


def check_stored(progress: Progress, step, data, answer, now) -> None:
    """A stored answer its form accepts is kept; else the step is the next one to answer."""
    form = None
    if data is not None:
        form = step.form(data=data, prefix=step.name, answer=answer, now=now)
    if form is None or not form.is_valid():
        progress.next_step, progress.next_form = step.name, form
        progress.unsettled.add(step.name)
        return
    progress.cleaned[step.name] = form.cleaned_data
    progress.forms[step.name] = form


def settled_steps(earlier: Progress | None, changed: str | None) -> int:
    """How many steps, from the first, an earlier walk settled before `changed` (0: none)."""
    if earlier is None or changed not in POSITION:
        return 0
    before = [step.name for step in STEPS[: POSITION[changed]]]
    if all(name in earlier.cleaned or name in earlier.dropped for name in before):
        return len(before)
    return 0


def check_with_rules(progress: Progress, now) -> None:
    """The rules' parser has the last word; its errors go back to the step that holds the field."""
    try:
        progress.answers = rules_answers(progress.answer(), now)
    except InvalidAnswers as invalid:
        for error in invalid.errors:
            step = step_of_error(error, progress.answered) or progress.answered[-1]
            progress.rules_errors.setdefault(step, []).append((error.field, errors.message(error)))
        first = next(name for name in progress.answered if name in progress.rules_errors)
        progress.next_step = first
        progress.cleaned = {name: data for name, data in progress.cleaned.items() if name != first}
        progress.forms.pop(first, None)
