"""The map of the questions, found from the questionnaire's own conditions and forms (steps.py),
never drawn by hand: each question, its possible answers, and where each answer leads.

How it is found. A walk from the first question tries, at each question, a few representative
answers: every choice of a choice question; for a place, the first place of each territory the
list offers (and "abroad" where offered); for a date, the days the rules changed
(rules/law/regimes.yaml) and the day before the first, or the date of the decision for a later
date, and "I don't know" where allowed; for a time, noon and "I don't know"; for boxes to tick,
none and each box alone; for years, 0 and 5. Each answer goes through the step's own form, as the
wizard checks it; then the next question is the first later step whose condition holds, as
progress.walk decides, or, when none is left, the outcome the rules give (an outcome, or "out of
scope" and why).

Two partial walks are the same from there on when they agree on every answer the later
conditions and forms read: the walk records what each step's condition and form read, merges on
it, and starts again until what is read stops growing. Every edge keeps the first answers that
reached it, so that a test walks it through the real wizard.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from django.utils import translation
from django.utils.datastructures import MultiValueDict

from questionnaire import fields as kinds
from questionnaire.places import territory_of
from questionnaire.rules_data import rules_answers
from questionnaire.steps import PAGE_OF, STEPS
from rules import clock
from rules.engine import law
from rules.engine.answers import UNKNOWN, InvalidAnswers
from rules.engine.outcome import evaluate

POSITION = {step.name: index for index, step in enumerate(STEPS)}
NOON = "12:00"


class Recorder:
    """`answer(step, field=None)` over the answers so far, noting each step read."""

    def __init__(self, cleaned: dict):
        self.cleaned = cleaned
        self.read: set[str] = set()

    def __call__(self, step, field=None):
        self.read.add(step)
        return self.cleaned.get(step, {}).get(field or step)


@dataclass
class Edge:
    source: str
    answer: str  # the value posted, as the form's choice or the date typed
    target: str  # a step's name, or "outcome:<kind>"
    witness: tuple[tuple[str, tuple[str, ...]], ...]  # (step, values posted), from the first


@dataclass
class QuestionMap:
    answers: dict[str, list[str]] = field(default_factory=dict)  # step → answers tried, in order
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    outcomes: list[str] = field(default_factory=list)


def representative_days() -> list[date]:
    starts = [dated.start for dated in law.parameter("regimes").history]
    return [starts[0] - timedelta(days=1), *starts]


def representatives(form, step: str, cleaned: dict) -> list[list[str]]:
    """The answers tried at `step`, each as the values a person posts."""
    question = next(iter(form.fields.values()))
    if isinstance(question, kinds.DateField):
        earlier = [v for v in (cleaned.get("decided_on", {}).get("decided_on"),) if v]
        days = [earlier[0]] if earlier else representative_days()
        values = [[day.isoformat()] for day in days]
        return values + ([[UNKNOWN]] if question.allows_unknown else [])
    if isinstance(question, kinds.TimeOrUnknownField):
        return [[NOON], [UNKNOWN]]
    if isinstance(question, kinds.YearsField):
        return [["0"], ["5"]]
    choices = [str(value) for value, _label in question.choices if value != ""]
    if isinstance(question, kinds.CheckboxesField):
        alone = [[choice] for choice in choices]
        return alone if question.required else [[], *alone]
    if isinstance(question, kinds.PlaceField):
        return [[code] for code in one_per_territory(choices)]
    return [[choice] for choice in choices]


# The territories whose rules differ (LAW.md §2.6, §3.5): metropolitan France, an overseas
# département under general law, Mayotte, Saint-Martin, and a collectivity the code does not cover.
TERRITORIES = ("metropole", "guyane", "mayotte", "saint_martin", "other_collectivity")


def one_per_territory(codes: list[str]) -> list[str]:
    """The first place of each territory of TERRITORIES in the list, and the places that are none
    ("abroad", "another centre"); a list of one territory only keeps its first place."""
    chosen: dict[str, str] = {}
    for code in codes:
        chosen.setdefault(territory_of(code) or code, code)
    kept = [code for kind, code in chosen.items() if kind in TERRITORIES or kind == code]
    return kept or list(chosen.values())[:1]


def posted(step: str, form, values: list[str]) -> MultiValueDict:
    name = next(iter(form.fields))
    return MultiValueDict({form.add_prefix(name): values})


def outcome_kind(cleaned: dict, now: datetime) -> str:
    """What the walk ends on: the rules' outcome for these answers, by measure, or why it is out
    of scope; or the rules' refusal (an answer the rules send back)."""
    try:
        answers = rules_answers(Recorder(cleaned), now)
    except InvalidAnswers:
        return "outcome:refused"
    outcome = evaluate(answers, now)
    if outcome.out_of_scope_reason:
        return f"outcome:out_of_scope_{outcome.out_of_scope_reason}"
    if outcome.comex is not None and answers.expulsion_stage == "summoned":
        return "outcome:expulsion_board"
    return f"outcome:{answers.measure}"


class Explorer:
    def __init__(self, steps, now: datetime):
        self.steps, self.now = steps, now
        self.reads: dict[str, set[str]] = {step.name: set() for step in steps}
        self.grew = False

    def later_reads(self, index: int) -> set[str]:
        return set().union(*(self.reads[step.name] for step in self.steps[index:]))

    def next_step(self, cleaned: dict, after: int) -> int | None:
        for index in range(after, len(self.steps)):
            step = self.steps[index]
            answer = Recorder(cleaned)
            asked = step.asked(answer, self.now)
            self.note(step.name, answer.read)
            if asked:
                return index
        return None

    def note(self, name: str, read: set[str]) -> None:
        if not read <= self.reads[name]:
            self.reads[name] |= read
            self.grew = True

    def run(self) -> QuestionMap:
        found = QuestionMap()
        # The first question is always asked.
        pending: list[tuple[dict, int, tuple]] = [({}, self.next_step({}, 0) or 0, ())]
        seen: set = set()
        while pending:
            cleaned, index, witness = pending.pop()
            step = self.steps[index]
            for values, after in self.answers_at(step, cleaned):
                found.answers.setdefault(step.name, [])
                label = values[0] if values else ""
                if label not in found.answers[step.name]:
                    found.answers[step.name].append(label)
                following = self.next_step(after, index + 1)
                path = (*witness, (step.name, tuple(values)))
                target = (
                    self.steps[following].name
                    if following is not None
                    else outcome_kind(after, self.now)
                )
                key = (step.name, label, target)
                found.edges.setdefault(key, Edge(step.name, label, target, path))
                if following is None:
                    if target not in found.outcomes:
                        found.outcomes.append(target)
                    continue
                reads = self.later_reads(following)
                state = (following, tuple(sorted((s, repr(after[s])) for s in reads if s in after)))
                if state not in seen:
                    seen.add(state)
                    pending.append((after, following, path))
        return found

    def answers_at(self, step, cleaned: dict):
        """Each representative answer the step's form accepts, with the answers after it."""
        answer = Recorder(cleaned)
        blank = step.form(prefix=step.name, answer=answer, now=self.now)
        for values in representatives(blank, step.name, cleaned):
            form = step.form(
                data=posted(step.name, blank, values), prefix=step.name, answer=answer, now=self.now
            )
            if form.is_valid():
                yield values, {**cleaned, step.name: form.cleaned_data}
        self.note(step.name, answer.read)


def explore(now: datetime, steps=STEPS) -> QuestionMap:
    """The map, walked again until what the conditions and forms read stops growing."""
    explorer = Explorer(steps, now)
    while True:
        explorer.grew = False
        found = explorer.run()
        if not explorer.grew:
            return found


def as_json(found: QuestionMap, steps=STEPS) -> dict:
    """The map as data, in a stable order (the steps' order, then the answers'), to diff between
    releases; each edge with the answers that first reached it."""
    nodes = [
        {
            "id": step.name,
            "kind": "question",
            "page": PAGE_OF[step.name],
            "answers": found.answers.get(step.name, []),
        }
        for step in steps
        if step.name in found.answers
    ] + [{"id": outcome, "kind": "outcome"} for outcome in sorted(found.outcomes)]
    order = {node["id"]: index for index, node in enumerate(nodes)}

    def rank(edge: Edge):
        return (
            order[edge.source],
            found.answers[edge.source].index(edge.answer),
            order[edge.target],
        )

    edges = [
        {
            "from": e.source,
            "answer": e.answer,
            "to": e.target,
            "witness": [[step, list(values)] for step, values in e.witness],
        }
        for e in sorted(found.edges.values(), key=rank)
    ]
    return {"nodes": nodes, "edges": edges}


MAP_FILE = Path(__file__).resolve().parent / "question_map.json"


def generate() -> str:
    """The file `make question-map` writes: the map as the questionnaire's conditions give it."""
    with translation.override("en"):
        data = as_json(explore(clock.now()))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@lru_cache(maxsize=1)
def stored() -> dict:
    """The map as generated at build time (the walk takes about a minute)."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))
