"""The pages made from the answers: the outcome, its printed sheets and calendar file; and the two
ways out, "finish and clear" and "leave quickly". None of them changes an answer (one posted to
the outcome's address goes to the wizard, as at any question's).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from questionnaire.navigation import DONE, PREFIX, no_link, step_url
from questionnaire.outcome import outcome_context, outcome_page
from questionnaire.progress import walk
from questionnaire.steps import FIRST
from questionnaire.storage import AnswersCookieStorage, delete_answers_cookie
from questionnaire.wizard import questions
from rules import clock, ics
from rules.engine.outcome import evaluate

# Answers are cleared on the person's device too: htmx's history copy, if any, lives in storage.
CLEAR_SITE_DATA = '"storage"'
# The sheet is printed for the court in French, then for the person in the page's language; from
# a French page, in English, the one other language its readers may share with a volunteer.
SECOND_PRINT_LANGUAGE = "en"


@never_cache
@vary_on_headers("HX-Request")
def outcome(request):
    """The outcome page, from the answers cookie. An answer posted to its address is the wizard's,
    as at any question's."""
    if request.method not in ("GET", "HEAD"):
        return questions(request, step=DONE)
    storage = AnswersCookieStorage(PREFIX, request)
    now = clock.now()
    if storage.rejected:
        storage.start_again()
        response = redirect(step_url(FIRST))
    else:
        response = outcome_page(request, storage, walk(storage.get_step_data, now), now)
    storage.update_response(response)
    return response


def stored_progress(request, now):
    """The answers in the cookie, walked as the wizard walks them; None when there is no outcome.

    For the pages made from the outcome (print, calendar): they never change the answers, and
    send the person back to the outcome page, which knows what to ask, when there is none.
    """
    storage = AnswersCookieStorage(PREFIX, request)
    if storage.rejected:
        return None
    progress = walk(storage.get_step_data, now)
    return progress if progress.complete else None


@never_cache
def print_both(request):
    """The outcome in French, then in the page's language (English from a French page), on one
    document: for the court and the person."""
    now = clock.now()
    progress = stored_progress(request, now)
    if progress is None:
        return redirect("questionnaire:outcome")
    return render(
        request, "questionnaire/print_both.html", {"parts": printed_parts(request, progress, now)}
    )


def print_languages():
    """French for the court, then the page's language for the person."""
    current = translation.get_language()
    return ("fr", SECOND_PRINT_LANGUAGE if current == "fr" else current)


def printed_parts(request, progress, now):
    """The outcome of these answers in each language of the printed sheet, French first."""
    parts = []
    for language in print_languages():
        with translation.override(language):
            context = {
                **outcome_context(progress, now, no_link),
                "calendar_url": None,
                # Both parts are on one page: their headings' ids must differ.
                "id_suffix": f"-{language}",
            }
            html = render_to_string("questionnaire/print_part.html", context, request)
        direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
        parts.append({"language": language, "direction": direction, "html": html})
    return parts


@never_cache
def calendar_file(request):
    """The dates to act on as an .ics file; without any, back to the outcome."""
    now = clock.now()
    progress = stored_progress(request, now)
    outcome = evaluate(progress.answers, now) if progress else None
    if outcome is None or not ics.entries(outcome):
        return redirect("questionnaire:outcome")
    response = HttpResponse(ics.calendar(outcome, now), content_type="text/calendar; charset=utf-8")
    # Translators: the name of the downloaded calendar file, without extension: ASCII letters,
    # digits and hyphens only.
    name = str(_("appeal-deadline"))
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.ics")
    return response


def forget_answers(response):
    delete_answers_cookie(response)
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@require_POST
@never_cache
def clear(request):
    """Finish and clear my answers: nothing is left, and the next person starts afresh."""
    return forget_answers(redirect(reverse("questionnaire:start") + "?cleared=1"))


@never_cache
def leave(request):
    """Leave quickly: a neutral page that says nothing of this site's topic."""
    return forget_answers(render(request, "questionnaire/exit.html"))
