from django import template

from rules.presentation import present

register = template.Library()


@register.simple_tag
def present_outcome(outcome):
    """`{% present_outcome outcome as p %}`: the outcome's values as the page shows them."""
    return present(outcome)
