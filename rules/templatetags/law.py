from django import template
from django.utils.html import format_html

from rules.presentation import day_words

register = template.Library()


@register.filter
def time_tag(day):
    """A day as the page shows it, marked up with its ISO date for machines and screen readers."""
    if not day:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', day.isoformat(), day_words(day, with_weekday=False)
    )
