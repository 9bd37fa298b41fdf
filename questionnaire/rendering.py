"""A step's form as the templates lay it out: one question, its help, its options, its errors.

The inputs are written by our templates, not by Django's widgets, so that names and values follow
the spec's contract exactly (a date and its "I don't know" box share one name).
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from questionnaire.fields import DATE_PARTS, read_date, typed_parts
from rules.engine.answers import UNKNOWN


def posted_value(bound):
    if not bound.form.is_bound:
        return None
    return bound.field.widget.value_from_datadict(
        bound.form.data, bound.form.files, bound.html_name
    )


def posted(bound) -> list[str]:
    """The values to show: what was posted, or what was stored for this step."""
    value = posted_value(bound)
    if isinstance(value, dict):
        value = value.get("whole")
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def date_parts(bound, chosen: list[str]) -> list[dict]:
    """The day, month and year boxes, as typed; or, from a date kept, its numbers."""
    typed = typed_parts(posted_value(bound))
    if not any(typed):
        kept = next((read_date(value) for value in chosen if read_date(value)), None)
        if kept:
            typed = [str(kept.day), str(kept.month), str(kept.year)]
    labels = (_("Day"), _("Month"), _("Year"))
    invalid = bool(bound.errors)
    blank = [not text for text in typed]
    return [
        {
            "name": bound.html_name + part,
            "id": bound.auto_id + part,
            "label": label,
            "value": text,
            "size": "year" if part == "_year" else "short",
            # Only the boxes left blank when some are missing; all of them otherwise.
            "invalid": invalid and (is_blank if any(blank) and not all(blank) else True),
        }
        for part, label, text, is_blank in zip(DATE_PARTS, labels, typed, blank, strict=True)
    ]


def options(bound, chosen: list[str]) -> list[dict]:
    field = bound.field
    hints = getattr(field, "hints", {})
    return [
        {
            "value": str(value),
            "label": label,
            "hint": hints.get(value, ""),
            "checked": str(value) in chosen,
            "id": f"{bound.auto_id}_{index}",
        }
        for index, (value, label) in enumerate(
            (value, label) for value, label in field.choices if value != ""
        )
    ]


# An option holds text only, no <bdi>: on a right-to-left page, each label is set apart by
# Unicode marks (first-strong isolate), so that "75 – Paris" is not shown as "Paris – 75".
FIRST_STRONG_ISOLATE, POP_ISOLATE = "\u2068", "\u2069"


def option_tags(options: list[dict]) -> str:
    """The <option>s of a list of places, written here with the standard library's escaping (the
    same as Django's): a template loop over a hundred départements took more time than the rest
    of the page."""
    start, end = (FIRST_STRONG_ISOLATE, POP_ISOLATE) if get_language_bidi() else ("", "")
    return mark_safe(
        "".join(
            f'<option value="{escape(str(o["value"]))}"{" selected" if o["checked"] else ""}>'
            f"{start}{escape(str(o['label']))}{end}</option>"
            for o in options
        )
    )


def question(bound) -> dict:
    field, chosen = bound.field, posted(bound)
    kind = getattr(field, "kind", "text")
    typed = [value for value in chosen if value and value != UNKNOWN]
    described = [f"{bound.auto_id}-help"] if field.help_text else []
    if kind == "date":
        described.append(f"{bound.auto_id}-example")
    if bound.errors:
        described.append(f"{bound.auto_id}-error")
    item = {
        "kind": kind,
        "name": bound.html_name,
        "id": bound.auto_id,
        "label": field.label,
        "help": field.help_text,
        "errors": bound.errors,
        "describedby": " ".join(described),
        "grouped": kind in ("radios", "checkboxes", "date")
        or getattr(field, "allows_unknown", False),
        "options": options(bound, chosen) if kind in ("radios", "checkboxes", "select") else [],
        "placeholder": field.choices[0][1] if kind == "select" else "",
        "value": typed[0] if typed else "",
        "allows_unknown": getattr(field, "allows_unknown", False),
        "unknown_checked": UNKNOWN in chosen,
        "unknown_id": f"{bound.auto_id}-unknown",
    }
    if kind == "select":
        item["option_tags"] = option_tags(item["options"])
    if kind == "date":
        item["parts"] = date_parts(bound, chosen)
        item["unknown_for"] = " ".join(part["id"] for part in item["parts"])
    return item


def anchor(item: dict) -> str:
    """Where an error summary link goes: the first input of the question (for a date, the first
    box to correct)."""
    if item["options"] and item["kind"] != "select":
        return item["options"][0]["id"]
    if item["kind"] == "date":
        wrong = [part for part in item["parts"] if part["invalid"]] or item["parts"]
        return wrong[0]["id"]
    return item["id"]


def error_summary(form, items: list[dict]) -> list[dict]:
    links = []
    for message in form.non_field_errors():
        links.append({"message": message, "href": "#" + anchor(items[0])})
    for item in items:
        for message in item["errors"]:
            links.append({"message": message, "href": "#" + anchor(item)})
    return links


def page_view(forms) -> dict:
    """The questions of a page, in order, and every error of the page, each linking to its
    question."""
    questions, errors = [], []
    for form in forms:
        items = [question(form[name]) for name in form.fields]
        questions.extend(items)
        if form.is_bound and items:
            errors.extend(error_summary(form, items))
    return {
        "questions": questions,
        "errors": errors,
        "title": questions[0]["label"] if questions else _("Question"),
    }
