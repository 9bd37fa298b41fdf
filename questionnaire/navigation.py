"""Where a page sends the person, and what it tells them on arrival: shared by the questions
(wizard.py) and the pages made from the answers (pages.py).

An htmx request gets a fragment of the page in place of the whole page; the address bar then
follows the page shown (`HX-Push-Url`).
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from questionnaire.steps import PAGE_OF

# The step name of the outcome, for the wizard.
DONE = "done"
# The prefix of the step forms' fields, hence of the management field `questionnaire-current_step`.
PREFIX = "questionnaire"
NOTICES = {
    "unreadable": _(
        "Your answers could not be read (they were changed, or come from an older version of "
        "this site), so you start again from the first question. Nothing was kept."
    ),
    "paused": _(
        "Your answers were cleared after a long pause, so that nobody else using this device can "
        "read them. You start again from the first question."
    ),
    "missing": _("An answer is missing. Please answer this question to see your result."),
    "answer_first": _("Please answer this question first."),
    "check": _("Please check this answer: it does not fit with your other answers."),
    "cleared": _("Your answers have been cleared."),
}


def no_link(step):
    return None


def step_url(step):
    """The address of the page that asks `step` (a step, a page, or DONE)."""
    return step_address(step, translation.get_language(), get_script_prefix())


@lru_cache(maxsize=128)
def step_address(step, language, script_prefix):
    """Every page links each answered question, and reverse() is slow: the few addresses are kept.
    `language` and `script_prefix`, which reverse() reads, are in the key."""
    if step == DONE:
        return reverse("questionnaire:outcome")
    return reverse("questionnaire:step", kwargs={"step": PAGE_OF.get(step, step)})


def is_fragment(request) -> bool:
    htmx = request.htmx
    return bool(htmx) and not htmx.history_restore_request


def with_address(request, response, shown_url=None):
    """htmx follows our redirects, or gets the next page in place (`shown_url`): the address bar
    then shows the page the person is on. A refused answer stays on its own address."""
    if not is_fragment(request):
        return response
    if request.method == "GET":
        response["HX-Push-Url"] = request.path
    elif shown_url:
        response["HX-Push-Url"] = shown_url
    return response
