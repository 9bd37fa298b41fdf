from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def other_language(context):
    """The same page in the other language: the answers follow, the cookie is site-wide."""
    current = get_language()
    code, name = next((code, name) for code, name in settings.LANGUAGES if code != current)
    request = context.get("request")
    # After an answer, the page shown is the next one, not the one the answer was posted to.
    path = context.get("page_path") or (request.path if request else "/")
    return {"code": code, "name": name, "url": translated(path, code, current, get_script_prefix())}


@lru_cache(maxsize=256)
def translated(path, code, current, script_prefix):
    """Every page has the link, and translate_url() resolves the path then reverses it: the few
    addresses of the site are kept. What translate_url() reads is in the key."""
    return translate_url(path, code)
