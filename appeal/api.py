"""POST /api/v1/appeal: the answers, the person and the boxes ticked in; the request out, as
structured JSON and as text. The same bad-input rules as /api/v1/outcome: a 400 with a list of
{field, code, message}. Nothing of it is kept."""

from __future__ import annotations

import json
import re

from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from appeal import document
from appeal.forms import AppealForm
from rules import clock, errors
from rules.api import errors_response, json_response
from rules.engine import appeal_request as rq
from rules.engine.answers import FieldError, InvalidAnswers, parse
from rules.engine.outcome import evaluate

PERSON_FIELDS = (
    "family_name",
    "given_name",
    "birth_date",
    "nationality",
    "address",
    "interpreter_language",
)
BODY_KEYS = {"answers", "person", "decisions", "grounds"}
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NO_DEADLINE = _("These answers give no deadline to appeal: there is no request to make.")


def error(field, code, message):
    return {"field": field, "code": code, "message": str(message)}


def body_errors(data):
    if not isinstance(data, dict):
        return [error("", "invalid_type", errors.MESSAGES[("invalid_type", "object")])]
    found = [
        error(str(key)[:100], "unknown_field", errors.MESSAGES[("unknown_field", None)])
        for key in data
        if key not in BODY_KEYS
    ]
    if not isinstance(data.get("person"), dict):
        found.append(error("person", "invalid_type", errors.MESSAGES[("invalid_type", "object")]))
    for key in ("decisions", "grounds"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            found.append(error(key, "invalid_type", errors.MESSAGES[("invalid_type", "list")]))
    return found


def form_data(data):
    """The API's body as the page's form would post it."""
    person = data["person"]
    posted = {
        name: person[name]
        for name in PERSON_FIELDS
        if name != "birth_date" and isinstance(person.get(name), str)
    }
    born = person.get("birth_date")
    match = ISO_DATE.fullmatch(born) if isinstance(born, str) else None
    if match:
        posted |= dict(
            zip(
                ("birth_date_year", "birth_date_month", "birth_date_day"),
                match.groups(),
                strict=True,
            )
        )
    elif born is not None:
        posted["birth_date_day"] = str(born)[:20]
    return posted, data.get("decisions", []), data.get("grounds", [])


def form_errors(form):
    return [
        error(
            name if name in ("decisions", "grounds") else f"person.{name}",
            problem.code or "invalid",
            problem.messages[0],
        )
        for name, problems in form.errors.as_data().items()
        for problem in problems
    ]


def request_json(made):
    return {
        "procedure": {
            "key": made.procedure.key,
            "article": made.procedure.article,
            "name": made.procedure.name,
            "grounds_later": made.procedure.grounds_later,
            "paper_copies": made.procedure.paper_copies,
            "sources": list(made.procedure.sources),
        },
        "court": made.outcome.appeal.court.name if made.outcome.appeal.court else None,
        "deadline": made.outcome.appeal.deadline.isoformat(timespec="seconds"),
        "documents": [
            {
                "kind": found.kind,
                "blocks": [{"kind": b.kind, "text": b.text} for b in found.blocks],
                "text": found.text(),
            }
            for found in document.documents(made)
        ],
        "exhibits": list(document.exhibits(made)),
    }


@csrf_exempt  # A JSON API without cookies: no session to forge.
@require_POST
def appeal(request):
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):
        return errors_response([FieldError("", "invalid_json")])
    found = body_errors(data)
    if found:
        return json_response(found, status=400)
    now = clock.now()
    try:
        answers = parse(data.get("answers"), now)
    except InvalidAnswers as invalid:
        listed = [errors.as_dict(e) for e in invalid.errors]
        return json_response(
            [{**e, "field": f"answers.{e['field']}".rstrip(".")} for e in listed], status=400
        )
    outcome = evaluate(answers, now)
    if rq.procedure(outcome) is None:
        return json_response([error("answers", "no_deadline", NO_DEADLINE)], status=400)
    posted, decisions, grounds = form_data(data)
    form = AppealForm(outcome, {**posted, "decisions": decisions, "grounds": grounds})
    if not form.is_valid():
        return json_response(form_errors(form), status=400)
    made = document.make_request(
        outcome, form.person(), form.cleaned_data["decisions"], form.cleaned_data["grounds"], now
    )
    return json_response(request_json(made))
