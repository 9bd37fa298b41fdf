"""The outcome page, made from answers walked to the end: at its own address (pages.outcome), and
in place of the last question after an answer sent by htmx (wizard.py)."""

from __future__ import annotations

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from questionnaire.navigation import NOTICES, is_fragment, step_url, with_address
from questionnaire.summary import answer_rows
from rules import ics
from rules.engine.outcome import evaluate


def outcome_context(progress, now, url_of):
    """What the outcome page and its printed sheets show, in the active language."""
    outcome = evaluate(progress.answers, now)
    return {
        "outcome": outcome,
        "answer_rows": answer_rows(progress, url_of),
        "calendar_url": reverse("questionnaire:calendar") if ics.upcoming(outcome, now) else None,
    }


def outcome_page(request, storage, progress, now, shown_url=None):
    """The outcome when every question asked is answered; else, the first one to answer.

    The answers stay: the page can be reloaded, printed and changed. After the last answer sent
    by htmx, it comes in place of the question, at `shown_url`.
    """
    if not progress.complete:
        storage.set_notice("missing" if progress.cleaned else None)
        return redirect(step_url(progress.next_step))
    fragment = is_fragment(request)
    context = {
        **outcome_context(progress, now, step_url),
        "notice": NOTICES.get(storage.pop_notice()),
        "fragment": fragment,
    }
    name = "questionnaire/_outcome.html" if fragment else "questionnaire/outcome.html"
    return with_address(request, TemplateResponse(request, name, context), shown_url)
