"""The JSON API: answers in, outcome out. Thin: parsing and the law live elsewhere."""

import hashlib
import json

from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from rules import clock, errors, lawbook
from rules.engine.answers import FieldError, InvalidAnswers, parse
from rules.engine.model import outcome_json
from rules.engine.outcome import evaluate
from rules.schema import openapi

NO_STORE = "no-store"
# The law and the map of the questions hold no answer: any cache may keep them for a day.
A_DAY = "public, max-age=86400"


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


def cacheable_json(request, data):
    """The same data always gives the same bytes and ETag: a reviewer or a cache asks again with
    If-None-Match and gets 304 until a release changes it."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = A_DAY
    return get_conditional_response(request, etag=etag, response=response)


@require_GET
def law(request):
    return cacheable_json(request, lawbook.as_json())
