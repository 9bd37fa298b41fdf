from django import template
from django.utils.formats import date_format
from django.utils.html import format_html

register = template.Library()


@register.filter
def time_tag(day, style="j F Y"):
    """A day as the page shows it, marked up with its ISO date for machines and screen readers."""
    if not day:
        return ""
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), date_format(day, style))
