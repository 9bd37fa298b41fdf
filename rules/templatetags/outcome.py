import html

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from rules import lawbook
from rules.presentation import day_words, distinct_sources, present

register = template.Library()


@register.simple_tag
def present_outcome(outcome):
    """`{% present_outcome outcome as p %}`: the outcome's values as the page shows them."""
    return present(outcome)


@register.filter
def day_in_words(moment):
    """A moment's day in the page's language, with its weekday, in the active time zone."""
    return day_words(localtime(moment))


@register.filter
def left_to_right(text):
    """Text kept in its order inside right-to-left text: an hour reads 23:59 in Arabic too, and
    a web address stays whole."""
    return format_html('<bdi dir="ltr">{}</bdi>', text)


@register.tag
def folded_sources(parser, token):
    """`{% folded_sources %}{{ source }}⏎{{ another }}{% endfolded_sources %}`: the sources of a
    part of the outcome, one per line, each once, folded under a "Sources" heading so that a
    reader sees the statements and a lawyer opens their articles. Nothing when none is given."""
    nodelist = parser.parse(("endfolded_sources",))
    parser.delete_first_token()
    return FoldedSourcesNode(nodelist)


class FoldedSourcesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        lines = self.nodelist.render(context).splitlines()
        # Each line is already rendered, and so escaped, by the template around it.
        cited = [mark_safe(source) for source in distinct_sources(lines)]
        if not cited:
            return ""
        return render_to_string("rules/outcome/folded_sources.html", {"cited": cited})


@register.filter
def linked_source(source):
    """A source line of the outcome, linked to its entry on the law page when rules/law/ holds it
    (the calendar's and the courts' sources live elsewhere: shown as they are)."""
    entry = lawbook.entry_of(html.unescape(str(source)))
    text = conditional_escape(source)
    if entry is None:
        return text
    return format_html('<a href="{}#{}">{}</a>', reverse("questionnaire:law"), entry, text)
