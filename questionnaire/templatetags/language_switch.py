from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, reverse, translate_url
from django.utils.translation import get_language, override

register = template.Library()


@register.simple_tag(takes_context=True)
def languages(context):
    """The same page in every language, in the order of settings.LANGUAGES: the answers follow,
    the cookie is site-wide."""
    current = get_language()
    request = context.get("request")
    # Only whole pages carry the menu: after an htmx answer, static/js/app.js moves its links.
    path = request.path if request else "/"
    script_prefix = get_script_prefix()
    every = [
        {
            "code": code,
            "name": name,
            "url": translated(path, code, current, script_prefix),
            "prefix": address_prefix(code, script_prefix),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {"current": next(lang for lang in every if lang["current"]), "all": every}


@lru_cache(maxsize=1024)
def translated(path, code, current, script_prefix):
    """Every page has the menu, and translate_url() resolves the path then reverses it: the few
    addresses of the site are kept. What translate_url() reads is in the key."""
    return translate_url(path, code)


@lru_cache(maxsize=64)
def address_prefix(code, script_prefix):
    """What every address of a language starts with ("" or "/en" at the site's root): the rest
    of an address is the same in every language."""
    with override(code):
        return reverse("questionnaire:start").rstrip("/")
