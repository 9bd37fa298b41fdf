"""The help desk's pages: every question on one page, the outcome under it, its printed sheet in
two languages. The whole state is in the posted form: no answers cookie, nothing stored, nothing
cached, no answer in an address (desk.py reads the form).
"""

from __future__ import annotations

from datetime import date

from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from questionnaire import desk as desk_walk
from questionnaire.navigation import is_fragment
from questionnaire.outcome import outcome_context
from questionnaire.pages import printed_parts
from questionnaire.rendering import anchor, page_view
from rules import clock

SECTION_TITLES = {
    "decision": _("The decision"),
    "dates": _("Its dates, and how it was received"),
    "place": _("The place"),
    "situation": _("The person's situation"),
}
# "result": the outcome is asked for (the default button, and Enter); "update": the questions
# the answers call for (the other button without JavaScript; each change with it).
RESULT = "result"


def posted(request):
    return request.POST if request.method == "POST" else QueryDict()


def sections(desk, questions) -> list[dict]:
    by_step = dict(zip(desk.shown, questions, strict=True))
    return [
        {
            "id": name,
            "title": SECTION_TITLES[name],
            "questions": [by_step[step] for step in steps if step in by_step],
        }
        for name, steps in desk_walk.SECTIONS
        if any(step in by_step for step in steps)
    ]


def hidden_answers(desk) -> list[tuple[str, str]]:
    """The accepted answers as fields to post again (the sheet in two languages): dates as
    YYYY-MM-DD, yes and no as true and false."""
    fields = []
    for step, data in desk.cleaned.items():
        for value in data.values():
            values = value if isinstance(value, list) else [value]
            for item in values:
                if isinstance(item, bool):
                    item = "true" if item else "false"
                elif isinstance(item, date):
                    item = item.isoformat()
                fields.append((step, str(item)))
    return fields


@never_cache
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "HEAD", "POST"])
def desk(request):
    data, now = posted(request), clock.now()
    found = desk_walk.read(data, now)
    asking = data.get("action") == RESULT
    desk_walk.quieten_missing(found, set(data.getlist("asked")) if asking else set())
    view = page_view([found.forms[step] for step in found.shown])
    anchors = {
        step: "#" + anchor(q) for step, q in zip(found.shown, view["questions"], strict=True)
    }
    context = {
        "desk": found,
        "view": view,
        "sections": sections(found, view["questions"]),
        "asking": asking,
        "fragment": is_fragment(request),
        # The form's questions come in again only when they change, or to show their errors.
        "new_questions": asking or data.get("layout") != found.layout,
    }
    if found.complete:
        context.update(outcome_context(found.progress(), now, anchors.get))
        context.update(calendar_url=None, hidden_answers=hidden_answers(found))
    name = "questionnaire/_desk_response.html" if context["fragment"] else "questionnaire/desk.html"
    return render(request, name, context)


@never_cache
@require_POST
def desk_print(request):
    """The outcome of the posted answers in French, then in the page's language (English from a
    French page): for the court, the person."""
    now = clock.now()
    found = desk_walk.read(request.POST, now)
    if not found.complete:
        return redirect("questionnaire:desk")
    parts = printed_parts(request, found.progress(), now)
    return render(request, "questionnaire/print_both.html", {"parts": parts, "from_desk": True})
