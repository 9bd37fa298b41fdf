"""The questions: a django-formtools wizard over the steps of steps.py, walked through the stored
answers by progress.py. The questions always asked together share a page (steps.GROUPS): a page is
answered at once, each of its steps checked in order against the answers before it, those of the
same page included.

GET never changes an answer, so a step's address can be reloaded, bookmarked or reached with Back.
Every answered question keeps a "Change" link; changing one keeps every other answer that still
applies and goes on to the next unanswered question, or to the outcome (pages.py).
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.decorators.vary import vary_on_headers
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import NamedUrlWizardView

from questionnaire.navigation import DONE, NOTICES, PREFIX, is_fragment, step_url, with_address
from questionnaire.outcome import outcome_page
from questionnaire.progress import POSITION, Reader, Unsettled, walk
from questionnaire.rendering import page_view
from questionnaire.steps import BY_NAME, FORM_LIST, PAGE_OF, PAGES, STEPS
from questionnaire.summary import answer_rows
from rules import clock


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
    # The forms of the page shown, in order.
    page_forms: list | None = None

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

    def onwards(self, notice=None):
        """To the next question to answer, or to the outcome when none is left.

        An answer sent by htmx gets the next page in the same response, with its address for the
        address bar: one round trip per answer, not two, on a slow phone. A form posted without
        JavaScript is redirected, so that reloading the page posts nothing again.
        """
        self.storage.set_notice(notice)
        page = PAGE_OF.get(self.progress.next_step) or DONE
        if is_fragment(self.request) and self.request.method == "POST":
            self.shown_url = step_url(page)
            return self.show(page)
        return redirect(step_url(page))

    def show(self, page):
        if page == DONE:
            return outcome_page(self.request, self.storage, self.progress, self.now, self.shown_url)
        self.storage.current_step = page
        forms = []
        for step in self.progress.shown(page):
            form = self.get_form(step, data=self.storage.get_step_data(step))
            form.add_rules_errors(self.progress.rules_errors.get(step, ()))
            forms.append(form)
        return self.render_page(forms)

    def render_page(self, forms):
        self.page_forms = forms
        return self.render(forms[0])

    def posted_forms(self, page, data):
        """The page's forms bound to what was posted, each step checked against the answers before
        it, those just given on the page included; a step the earlier answers rule out is left
        out (its answer is forgotten by the walk that follows)."""
        first = POSITION[PAGES[page][0]]
        cleaned = {
            name: value for name, value in self.progress.cleaned.items() if POSITION[name] < first
        }
        refused: set[str] = set()
        forms = []
        for step in (BY_NAME[name] for name in PAGES[page]):
            answer = Reader(cleaned, refused)
            try:
                asked = step.asked(answer, self.now)
            except Unsettled:
                # It reads an answer of this page that was refused: asked until it is corrected.
                asked = True
            if not asked:
                continue
            form = step.form(data=data, prefix=step.name, answer=answer.lenient(), now=self.now)
            if form.is_valid():
                cleaned[step.name] = form.cleaned_data
            else:
                refused.add(step.name)
            forms.append(form)
        return forms

    def restart(self):
        self.storage.start_again()
        self.forget_progress()
        return self.onwards()

    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if self.storage.rejected:
            return self.restart()
        if step == DONE:
            return self.show(step)
        page = PAGE_OF.get(step)
        if page is None or not self.progress.page_reachable(page):
            waiting = step in self.progress.unsettled and self.progress.cleaned
            return self.onwards("answer_first" if waiting else None)
        if page != step:
            # A question asked on a page with others: the page's own address.
            return redirect(step_url(page))
        return self.show(page)

    def post(self, request, *args, **kwargs):
        if self.storage.rejected:
            return self.restart()
        management = ManagementForm(request.POST, prefix=self.prefix)
        step = management.cleaned_data["current_step"] if management.is_valid() else None
        page = PAGE_OF.get(step or kwargs.get("step"))
        if page is None or not self.progress.page_reachable(page):
            return self.onwards("answer_first")
        self.storage.current_step = page
        forms = self.posted_forms(page, request.POST)
        if not forms:
            return self.onwards("answer_first")
        if not all(form.is_valid() for form in forms):
            return self.render_page(forms)
        for form in forms:
            self.storage.keep_answer(form.prefix, form)
        self.answer_changed(page)
        self.storage.keep_only(BY_NAME.keys() - self.progress.dropped)
        return self.onwards()

    def get_template_names(self):
        if is_fragment(self.request):
            return ["questionnaire/_region.html"]
        if self.kwargs.get("page") == "start":
            return ["questionnaire/start.html"]
        return ["questionnaire/step.html"]

    def notice(self, forms):
        """A notice left by the last page, else one for this page: answers just cleared, or a
        stored answer shown again because it no longer fits (never after a submit, whose errors
        are the person's own and shown by each field)."""
        notice = NOTICES.get(self.storage.pop_notice())
        if not notice and "cleared" in self.request.GET:
            notice = NOTICES["cleared"]
        waiting = [form for form in forms if form.prefix == self.progress.next_step]
        if not notice and self.request.method == "GET" and waiting and waiting[0].is_bound:
            notice = NOTICES["check"]
        return notice

    def get_context_data(self, form, **kwargs):
        forms = self.page_forms or [form]
        notice = self.notice(forms)
        context = super().get_context_data(form=form, **kwargs)
        page, progress = self.steps.current, self.progress
        rows = answer_rows(progress, step_url)
        first, last = POSITION[PAGES[page][0]], POSITION[PAGES[page][-1]]
        context.update(
            step=page,
            step_url=step_url(page),
            view=page_view(forms),
            rows_before=[row for row in rows if POSITION[row["step"]] < first],
            rows_after=[row for row in rows if POSITION[row["step"]] > last],
            changing=any(step in progress.cleaned for step in PAGES[page]),
            notice=notice,
            fragment=is_fragment(self.request),
            resume_url=step_url(progress.next_step or DONE) if rows else None,
        )
        return context

    def render(self, form=None, **kwargs):
        return with_address(self.request, super().render(form, **kwargs), self.shown_url)


questions = QuestionnaireWizard.as_view(url_name="questionnaire:step", done_step_name=DONE)
