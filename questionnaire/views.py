"""The questionnaire's views: thin. The order and conditions are in steps.py, the walk through the
answers in progress.py, the law in rules/.

GET never changes an answer, so a step's address can be reloaded, bookmarked or reached with Back.
Every answered question keeps a "Change" link; changing one keeps every other answer that still
applies and goes on to the next unanswered question, or back to the outcome.
"""

from __future__ import annotations

from functools import lru_cache

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView

from questionnaire.fields import ListOfValues
from questionnaire.progress import POSITION, walk
from questionnaire.rendering import step_view
from questionnaire.steps import BY_NAME, FORM_LIST, STEPS
from questionnaire.storage import AnswersCookieStorage, delete_answers_cookie
from questionnaire.summary import answer_rows
from rules import clock, ics
from rules.engine.answers import UNKNOWN
from rules.engine.outcome import evaluate

DONE = "done"
# Browsers post short values; a longer one is junk, which would swell the answers cookie past
# the 4 KB browsers keep.
LONGEST_VALUE = 100
NOTICES = {
    "unreadable": _(
        "Your answers could not be read (they were changed, or come from an older version of "
        "this site), so you start again from the first question. Nothing was kept."
    ),
    "missing": _("An answer is missing. Please answer this question to see your result."),
    "answer_first": _("Please answer this question first."),
    "check": _("Please check this answer: it does not fit with your other answers."),
    "cleared": _("Your answers have been cleared."),
}
# Answers are cleared on the person's device too: htmx's history copy, if any, lives in storage.
CLEAR_SITE_DATA = '"storage"'
PREFIX = "questionnaire"
# The sheet for the court, then the one for the person.
PRINT_LANGUAGES = ("fr", "en")


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


def outcome_context(progress, now, url_of):
    """What the outcome page and its printed sheets show, in the active language."""
    outcome = evaluate(progress.answers, now)
    return {
        "outcome": outcome,
        "answer_rows": answer_rows(progress, url_of),
        "calendar_url": reverse("questionnaire:calendar") if ics.upcoming(outcome, now) else None,
    }


def no_link(step):
    return None


def step_url(step):
    return step_address(step, translation.get_language(), get_script_prefix())


@lru_cache(maxsize=128)
def step_address(step, language, script_prefix):
    """Every page links each answered question, and reverse() is slow: the few addresses are kept.
    `language` and `script_prefix`, which reverse() reads, are in the key."""
    if step == DONE:
        return reverse("questionnaire:outcome")
    return reverse("questionnaire:step", kwargs={"step": step})


def step_condition(name):
    def condition(wizard):
        return wizard.progress.may_be_asked(name)

    condition.__name__ = f"asked_{name}"
    return condition


@method_decorator([never_cache, vary_on_headers("HX-Request")], name="dispatch")
class QuestionnaireWizard(NamedUrlWizardView):
    storage_name = "questionnaire.storage.AnswersCookieStorage"
    form_list = FORM_LIST
    condition_dict = {step.name: step_condition(step.name) for step in STEPS}

    # The address of the page an htmx answer is followed by, when it comes in the same response.
    shown_url = None

    def get_prefix(self, request, *args, **kwargs):
        return PREFIX

    @cached_property
    def now(self):
        return clock.now()

    @cached_property
    def progress(self):
        return walk(self.storage.get_step_data, self.now)

    def forget_progress(self):
        self.__dict__.pop("progress", None)
        # formtools caches the resolved step list; the conditions depend on the answers.
        self.__dict__.pop("_resolved_form_list", None)

    def answer_changed(self, step):
        """The steps before the one answered stand as they were: only the rest is walked again."""
        earlier = self.progress
        self.forget_progress()
        self.__dict__["progress"] = walk(self.storage.get_step_data, self.now, earlier, step)

    def get_form_kwargs(self, step=None):
        return {"answer": self.progress.answer(), "now": self.now}

    def get_step_url(self, step):
        return step_url(step)

    def onwards(self, notice=None):
        """To the next question to answer, or to the outcome when none is left.

        An answer sent by htmx gets the next page in the same response, with its address for the
        address bar: one round trip per answer, not two, on a slow phone. A form posted without
        JavaScript is redirected, so that reloading the page posts nothing again.
        """
        if notice:
            self.storage.extra_data["notice"] = notice
        step = self.progress.next_step or DONE
        if self.is_fragment() and self.request.method == "POST":
            self.shown_url = self.get_step_url(step)
            return self.show(step)
        return redirect(self.get_step_url(step))

    def show(self, step):
        if step == DONE:
            return self.render_done(None)
        self.storage.current_step = step
        return self.render(self.get_form(step, data=self.storage.get_step_data(step)))

    def restart(self):
        self.storage.reset()
        self.forget_progress()
        return self.onwards("unreadable")

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if self.storage.rejected:
            return self.restart()
        if step == DONE:
            return self.show(step)
        if step not in BY_NAME or not self.progress.reachable(step):
            waiting = step in self.progress.unsettled and self.progress.cleaned
            return self.onwards("answer_first" if waiting else None)
        return self.show(step)

    def post(self, request, *args, **kwargs):
        if self.storage.rejected:
            return self.restart()
        management = ManagementForm(request.POST, prefix=self.prefix)
        step = management.cleaned_data["current_step"] if management.is_valid() else None
        step = step or kwargs.get("step")
        if step not in BY_NAME or not self.progress.reachable(step):
            return self.onwards("answer_first")
        self.storage.current_step = step
        form = self.get_form(step, data=request.POST)
        if not form.is_valid():
            return self.render(form)
        self.storage.set_step_data(step, self.process_step(form))
        self.answer_changed(step)
        self.drop_answers_no_longer_asked()
        return self.onwards()

    def process_step(self, form):
        """Only this step's own values are kept: no token, no other field, no duplicates."""
        return {form.add_prefix(name): self.kept_values(form, name) for name in form.fields}

    def kept_values(self, form, name):
        """The values the field reads, each short: a list of boxes all its values; a date or a time
        its first typed value and its "I don't know" box; any other field its last value."""
        field = form.fields[name]
        posted = form.data.getlist(form.add_prefix(name))
        posted = [value for value in dict.fromkeys(posted) if len(value) <= LONGEST_VALUE]
        if isinstance(field.widget, ListOfValues):
            typed = [value for value in posted if value.strip() not in ("", UNKNOWN)][:1]
            unknown = [value for value in posted if value.strip() == UNKNOWN][:1]
            return [value for value in posted if value in typed or value in unknown]
        if getattr(field.widget, "allow_multiple_selected", False):
            return posted
        return posted[-1:]

    def drop_answers_no_longer_asked(self):
        for name in list(self.storage.data["step_data"]):
            if name not in BY_NAME or name in self.progress.dropped:
                self.storage.forget_step(name)

    def pop_notice(self):
        code = self.storage.extra_data.pop("notice", None)
        return NOTICES.get(code)

    def is_fragment(self):
        htmx = self.request.htmx
        return bool(htmx) and not htmx.history_restore_request

    def get_template_names(self):
        if self.is_fragment():
            return ["questionnaire/_region.html"]
        if self.kwargs.get("page") == "start":
            return ["questionnaire/start.html"]
        return ["questionnaire/step.html"]

    def get_context_data(self, form, **kwargs):
        notice = self.pop_notice()
        if not notice and "cleared" in self.request.GET:
            notice = NOTICES["cleared"]
        context = super().get_context_data(form=form, **kwargs)
        step, progress = self.steps.current, self.progress
        if step in progress.rules_errors and form.is_valid():
            for _field, message in progress.rules_errors[step]:
                form.add_error(next(iter(form.fields)), message)
        if not notice and step == progress.next_step and form.is_bound:
            notice = NOTICES["check"]
        rows = answer_rows(progress, self.get_step_url)
        position = POSITION[step]
        before = [row for row in rows if POSITION[row["step"]] < position]
        context.update(
            step=step,
            step_url=self.get_step_url(step),
            view=step_view(form),
            rows_before=before,
            rows_after=[row for row in rows if POSITION[row["step"]] > position],
            changing=step in progress.cleaned,
            notice=notice,
            fragment=self.is_fragment(),
            page_path=self.shown_url,
            resume_url=self.get_step_url(progress.next_step or DONE) if rows else None,
        )
        return context

    def render(self, form=None, **kwargs):
        response = super().render(form, **kwargs)
        return self.with_address(response)

    def with_address(self, response):
        """htmx follows our redirects, or gets the next page in place: the address bar then shows
        the page the person is on. A refused answer stays on its own address."""
        if not self.is_fragment():
            return response
        if self.request.method == "GET":
            response["HX-Push-Url"] = self.request.path
        elif self.shown_url:
            response["HX-Push-Url"] = self.shown_url
        return response

    def render_done(self, form, **kwargs):
        progress = self.progress
        if not progress.complete:
            return self.onwards("missing" if progress.cleaned else None)
        return self.done([], **kwargs)

    def done(self, form_list, **kwargs):
        """The outcome page. The answers stay: it can be reloaded, printed and changed."""
        context = {
            **outcome_context(self.progress, self.now, self.get_step_url),
            "notice": self.pop_notice(),
            "fragment": self.is_fragment(),
            "page_path": self.shown_url,
        }
        name = "questionnaire/_outcome.html" if self.is_fragment() else "questionnaire/outcome.html"
        return self.with_address(TemplateResponse(self.request, name, context))


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


@never_cache
def print_both(request):
    """The outcome in French, then in English, on one document: for the court and the person."""
    now = clock.now()
    progress = stored_progress(request, now)
    if progress is None:
        return redirect("questionnaire:outcome")
    parts = []
    for language in PRINT_LANGUAGES:
        with translation.override(language):
            context = {
                **outcome_context(progress, now, no_link),
                "calendar_url": None,
                # Both parts are on one page: their headings' ids must differ.
                "id_suffix": f"-{language}",
            }
            html = render_to_string("questionnaire/print_part.html", context, request)
        parts.append({"language": language, "html": html})
    return render(request, "questionnaire/print_both.html", {"parts": parts})


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
