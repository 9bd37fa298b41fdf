"""The map of the questions, read from questionnaire/question_map.json (generated from the
conditions of steps.py by `make question-map`): an outline a screen reader follows, a drawing
made here (no script, no library), and the same as JSON for `/api/v1/questions`."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from questionnaire import question_map
from questionnaire.steps import BY_NAME
from rules.engine.answers import UNKNOWN

OUTCOMES = {
    "outcome:oqtf": _("Result: the OQTF's deadline, court and protection"),
    "outcome:expulsion": _("Result: the expulsion order's deadline, court and protection"),
    "outcome:expulsion_board": _("Result: the expulsion board's dates"),
    "outcome:out_of_scope_eu_citizen": _("Result: other rules apply (EU citizen or family)"),
    "outcome:out_of_scope_before_2021": _("Result: decision taken before May 2021, not covered"),
    "outcome:out_of_scope_other_collectivity": _(
        "Result: a collectivity where the immigration code does not apply"
    ),
    "outcome:refused": _("The answers are checked again and one is sent back"),
}
# The drawing: one row per question, in the order asked, the outcomes below.
ROW, WIDTH, BOX = 26, 760, 300


def question_label(step: str) -> str:
    form = BY_NAME[step].form(prefix=step)
    return str(next(iter(form.fields.values())).label)


def answer_label(step: str, value: str) -> str:
    if value == UNKNOWN:
        return str(_("I don't know"))
    if value == "":
        return str(_("none ticked"))
    form = BY_NAME[step].form(prefix=step)
    choices = dict(getattr(next(iter(form.fields.values())), "choices", ()))
    return str(choices.get(value, value))


def node_label(node_id: str) -> str:
    return str(OUTCOMES.get(node_id, node_id)) if node_id.startswith("outcome:") else node_id


def outline(data: dict) -> list[dict]:
    """Each question, its answers, and where each leads (one answer may lead to several places,
    by the earlier answers)."""
    by_source: dict[str, dict[str, list[str]]] = {}
    for edge in data["edges"]:
        targets = by_source.setdefault(edge["from"], {}).setdefault(edge["answer"], [])
        targets.append(edge["to"])
    return [
        {
            "id": node["id"],
            "question": question_label(node["id"]),
            "answers": [
                {
                    "label": answer_label(node["id"], answer),
                    "targets": [
                        {"id": t, "label": question_label(t) if t in BY_NAME else node_label(t)}
                        for t in by_source.get(node["id"], {}).get(answer, [])
                    ],
                }
                for answer in node["answers"]
            ],
        }
        for node in data["nodes"]
        if node["kind"] == "question"
    ]


def drawing(data: dict) -> dict:
    """Boxes in the order asked; each link an arc on the right, wider the further it goes."""
    rows = {node["id"]: index for index, node in enumerate(data["nodes"])}
    boxes = [
        {"id": node["id"], "y": rows[node["id"]] * ROW + 4, "label": node_label(node["id"])}
        for node in data["nodes"]
    ]
    links: dict[tuple[str, str], list[str]] = {}
    for edge in data["edges"]:
        links.setdefault((edge["from"], edge["to"]), []).append(edge["answer"])
    arcs = []
    for (source, target), answers in links.items():
        y1, y2 = rows[source] * ROW + 14, rows[target] * ROW + 14
        bulge = BOX + 20 + 12 * abs(rows[target] - rows[source])
        arcs.append(
            {
                "path": f"M{BOX},{y1} C{min(bulge, WIDTH - 10)},{y1} "
                f"{min(bulge, WIDTH - 10)},{y2} {BOX},{y2}",
                "title": f"{source} → {target}: {', '.join(a or '–' for a in answers)}",
            }
        )
    return {"boxes": boxes, "arcs": arcs, "height": len(boxes) * ROW + 8, "width": WIDTH}


@require_safe
def page(request):
    data = question_map.stored()
    context = {"questions": outline(data), "drawing": drawing(data), "box": BOX}
    return render(request, "questionnaire/map.html", context)
