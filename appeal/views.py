"""The appeal's pages: the questions it needs, then the request in French with what to do with it,
and the same request as a .docx. Made from the answers cookie, as the outcome; what the person
types is posted, used for the response and forgotten: never stored, never in an address."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from appeal import document, texts, word
from appeal.forms import AppealForm, initial
from questionnaire.pages import stored_progress
from rules import clock, presentation
from rules.engine import appeal_request as rq
from rules.engine import courts, law
from rules.engine.outcome import evaluate

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HELD = ("detention_centre", "prison")
POSTED = (
    "family_name",
    "given_name",
    "birth_date_day",
    "birth_date_month",
    "birth_date_year",
    "nationality",
    "address",
    "interpreter_language",
)


def statement(outcome, name):
    return law.value("statements", outcome.answers.decided)[name]


def appealable_outcome(request, now):
    """The outcome of the stored answers when it has a deadline to appeal; else None."""
    progress = stored_progress(request, now)
    if progress is None:
        return None
    outcome = evaluate(progress.answers, now)
    return outcome if rq.procedure(outcome) else None


def centre_name(outcome):
    if outcome.answers.restriction != "detention_centre":
        return None
    names = {code: name for code, name, _dep in courts.detention_centres()}
    return names.get(outcome.answers.departement or "")


def choices(form, name, words):
    """The boxes of a field of choices, ticked as posted or as the answers say, with their gloss."""
    ticked = set(form[name].value() or [])
    return [
        {"value": value, "label": label, "hint": words(value), "checked": value in ticked}
        for value, label in form.fields[name].choices
    ]


def form_page(request, outcome, form, status=200):
    procedure = rq.procedure(outcome)
    context = {
        "form": form,
        "outcome": outcome,
        "deadline": presentation.deadline(outcome),
        "procedure": procedure,
        "decision_boxes": choices(form, "decisions", lambda value: ""),
        "ground_boxes": choices(form, "grounds", lambda value: texts.GROUNDS[value][1]),
        "grounds_by_kind": grounds_by_kind(form, outcome),
        "birth_parts": birth_parts(form),
    }
    return render(request, "appeal/form.html", context, status=status)


def grounds_by_kind(form, outcome):
    boxes = {box["value"]: box for box in choices(form, "grounds", lambda v: texts.GROUNDS[v][1])}
    return [
        {
            "title": texts.LEGALITY[kind],
            "boxes": [boxes[c.id] for c in rq.grounds_offered(outcome) if c.legality == kind],
        }
        for kind in (rq.EXTERNAL, rq.INTERNAL)
    ]


def birth_parts(form):
    value = form["birth_date"].value()
    if isinstance(value, dict):
        typed = value.get("parts") or ["", "", ""]
    elif value:
        typed = [str(value.day), str(value.month), str(value.year)]
    else:
        typed = ["", "", ""]
    labels = (_("Day"), _("Month"), _("Year"))
    sizes = ("short", "short", "year")
    return [
        {"name": f"birth_date_{key}", "label": label, "value": text or "", "size": size}
        for key, label, text, size in zip(
            ("day", "month", "year"), labels, typed, sizes, strict=True
        )
    ]


def made_request(form, outcome, now):
    return document.make_request(
        outcome,
        form.person(),
        form.cleaned_data["decisions"],
        form.cleaned_data["grounds"],
        now,
    )


def posted_again(form):
    """The answers of the page, for the .docx button: posted once more, never stored."""
    fields = [(name, form.data.get(name, "")) for name in POSTED]
    for name in ("decisions", "grounds"):
        fields += [(name, value) for value in form.cleaned_data[name]]
    return fields


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def appeal(request):
    now = clock.now()
    outcome = appealable_outcome(request, now)
    if outcome is None:
        return redirect("questionnaire:outcome")
    if request.method != "POST":
        form = AppealForm(outcome, initial=initial(outcome, centre_name(outcome)))
        return form_page(request, outcome, form)
    form = AppealForm(outcome, request.POST)
    if not form.is_valid():
        return form_page(request, outcome, form)
    made = made_request(form, outcome, now)
    context = {
        "outcome": outcome,
        "deadline": presentation.deadline(outcome),
        "procedure": made.procedure,
        "documents": document.documents(made),
        "exhibits": document.exhibits(made),
        "posted": posted_again(form),
        "single_judge": made.procedure.later is not None,
        "referee": made.procedure.referee is not None,
        # Handing the request to the head of the centre: the single-judge procedures (R. 922-9).
        "held": outcome.answers.restriction in HELD and made.procedure.grounds_later,
        "held_source": statement(outcome, "hand_to_the_centre"),
    }
    return render(request, "appeal/request.html", context)


@never_cache
@require_POST
def appeal_docx(request):
    now = clock.now()
    outcome = appealable_outcome(request, now)
    if outcome is None:
        return redirect("questionnaire:outcome")
    form = AppealForm(outcome, request.POST)
    if not form.is_valid():
        return form_page(request, outcome, form)
    made = made_request(form, outcome, now)
    response = HttpResponse(word.as_docx(document.documents(made)), content_type=DOCX_TYPE)
    # Translators: the name of the downloaded request, without extension: ASCII letters, digits
    # and hyphens only.
    name = str(_("appeal-request"))
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.docx")
    return response
