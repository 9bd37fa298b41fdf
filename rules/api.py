"""The JSON API: answers in, outcome out. Thin: parsing and the law live elsewhere."""

import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from rules import clock, errors
from rules.engine.answers import FieldError, InvalidAnswers, parse
from rules.engine.model import outcome_json
from rules.engine.outcome import evaluate
from rules.schema import openapi

NO_STORE = "no-store"


def json_response(data, status=200):
    # The outcome is about one person: never kept by a browser or a proxy.
    response = JsonResponse(
        data, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = NO_STORE
    return response


def errors_response(found):
    return json_response([errors.as_dict(error) for error in found], status=400)


@csrf_exempt  # A JSON API without cookies: no session to forge.
@require_POST
def outcome(request):
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):
        return errors_response([FieldError("", "invalid_json")])
    now = clock.now()
    try:
        answers = parse(data, now)
    except InvalidAnswers as invalid:
        return errors_response(invalid.errors)
    return json_response(outcome_json(evaluate(answers, now)))


@require_GET
def schema(request):
    return json_response(openapi())
