"""One settings module, read from the environment, secure by default.

Defaults just run on a laptop (`make run`); production sets DJANGO_HTTPS=1 and its own host names.
"""

import os
from datetime import datetime
from pathlib import Path

import django.conf.locale

from config.static_headers import CROSS_ORIGIN_POLICY, add_static_headers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_flag(name, default=False):
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def stable_secret_key():
    """A key from the environment, else one generated once and kept in var/.

    Every worker must sign the questionnaire cookie with the same key, so a key made per process
    would not do. os.link is atomic: when two processes race, both end up reading the same file.
    """
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    if not path.exists():
        import secrets

        VAR_DIR.mkdir(exist_ok=True)
        draft = VAR_DIR / f"secret_key.{os.getpid()}"
        draft.write_text(secrets.token_urlsafe(50))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


SECRET_KEY = stable_secret_key()
# Former keys, still accepted while a new one takes over: answers cookies sealed under them open.
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS", "")
DEBUG = env_flag("DJANGO_DEBUG")
# Behind TLS in production: secure cookies, HSTS, redirects (off for http://127.0.0.1 by default).
HTTPS = env_flag("DJANGO_HTTPS")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "formtools",
    "django_htmx",
    "rules",
    "questionnaire",
    "appeal",
]

MIDDLEWARE = [
    # First: every response passes it last, and carries the security headers, errors included
    # (those of the handlers below, of a middleware that answers early, of WhiteNoise).
    "config.middleware.SecurityHeadersMiddleware",
    # A Host not in ALLOWED_HOSTS gets 400 before anything is served, static files included.
    "config.middleware.AllowedHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and htmx fragments gzipped (static files come precompressed from WhiteNoise, above).
    # BREACH: Django masks the CSRF token anew in every response and pads the gzip header with
    # random bytes; no page echoes what another site could make a browser send (README, Security).
    "django.middleware.gzip.GZipMiddleware",
    # The language of the address, before anything refuses a request: refusals speak it too.
    "django.middleware.locale.LocaleMiddleware",
    # Refused before anything reads the body: too large (413), in a charset not read (400).
    "config.middleware.RequestSizeLimitMiddleware",
    "config.middleware.DeclaredCharsetMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside CommonMiddleware, which sets the Content-Length of the body this gives a 405.
    "config.middleware.MethodNotAllowedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]
# Errors answered by config/errors.py (the handlers are named in config/urls.py).
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csrf",
            ],
        },
    },
]

# No database: answers are never stored on the server.
DATABASES = {}

LANGUAGE_CODE = "fr"
# Each language in its own name and script, as the language menu lists them. After French and
# English, ranked by who receives removal decisions (docs/LANGUAGES.md, with its sources).
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "دری"),
    ("ps", "پښتو"),
    ("ru", "Русский"),
    ("ht", "Kreyòl ayisyen"),
    ("pt-br", "Português (Brasil)"),
]
# Django knows neither Pashto nor Haitian Creole: their names and direction are declared here.
EXTRA_LANG_INFO = {
    "ps": {"bidi": True, "code": "ps", "name": "Pashto", "name_local": "پښتو"},
    "ht": {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
}
django.conf.locale.LANG_INFO = {**django.conf.locale.LANG_INFO, **EXTRA_LANG_INFO}
LANGUAGES_BIDI = ["ar", "fa", "ps"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True
# A fixed "now" (ISO 8601 with offset), for the benchmark and demonstrations only: the public
# cases are dated around their own day, and the questionnaire refuses dates after today. Never set
# it on a server that people use: every deadline would be counted from that moment.
FROZEN_NOW = (
    datetime.fromisoformat(os.environ["DJANGO_FROZEN_NOW"])
    if os.environ.get("DJANGO_FROZEN_NOW")
    else None
)

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# /favicon.ico and /robots.txt, served by WhiteNoise at the site's root (browsers and crawlers ask
# for them whatever the page says; a 404 there is an error in the browser's console).
WHITENOISE_ROOT = BASE_DIR / "config" / "public"
WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers
STORAGES = {
    "staticfiles": {
        # Hashed, compressed files in production; plain files while developing.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Cookies: the CSRF cookie is the only one besides the questionnaire's own, which is a
# session cookie (no max-age) set by the questionnaire with the same flags. The CSRF cookie too
# lasts the browser's session only (Django's default keeps it a year): nothing of a visit outlives
# it. HttpOnly: the forms carry the token, no script reads the cookie.
CSRF_COOKIE_AGE = None
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
# Never a referrer to another site. Not "no-referrer": under it browsers post plain forms with
# "Origin: null", which the CSRF check refuses, and nothing could be answered without JavaScript.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = CROSS_ORIGIN_POLICY
# Not a Django setting: config/middleware.py sends it. No other site may load our responses.
CROSS_ORIGIN_RESOURCE_POLICY = CROSS_ORIGIN_POLICY
X_FRAME_OPTIONS = "DENY"

# Answers unchanged for this long are dropped, whatever the browser kept: browsers restore session
# cookies, and a shared computer must forget the last person's answers (seconds; 2 hours).
ANSWERS_MAX_AGE = int(os.environ.get("DJANGO_ANSWERS_MAX_AGE") or 2 * 60 * 60)

# Requests are small: a few dozen answers. Anything larger is refused before it is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# Logs carry the method, path and status, never a request body: answers are not logged.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
