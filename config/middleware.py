"""Security headers on every response; a Host not allowed refused before anything is served; the
requests refused before anything reads them (a body too large, a charset that cannot be read); a
body for the 405s Django sends empty. Their order is in settings.MIDDLEWARE."""

from django.conf import settings
from django.http import HttpResponseNotAllowed

from config import charsets, errors

# Everything the pages load comes from our own origin; no inline script or style anywhere.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
# A response that says nothing of caching is about one person's answers, or an error: no browser
# or proxy keeps it. Static files say their own (WhiteNoise); pages say more (never_cache).
NO_STORE = "no-store"


def security_headers():
    """The headers of every response. Django's SecurityMiddleware and XFrameOptionsMiddleware set
    some of them from the same settings; here they are set again, if missing, for the responses
    made when one of those middleware raised (a host not allowed, met by the HTTPS redirect)."""
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "Permissions-Policy": PERMISSIONS_POLICY,
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "Cache-Control": NO_STORE,
    }
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    if settings.SECURE_REFERRER_POLICY:
        headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    headers["Cross-Origin-Resource-Policy"] = settings.CROSS_ORIGIN_RESOURCE_POLICY
    return headers


class SecurityHeadersMiddleware:
    """First in MIDDLEWARE: every response passes here last, whatever made it (a view, an error
    handler, a middleware that answered early, WhiteNoise)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = security_headers()

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response


class AllowedHostMiddleware:
    """Checks the Host header before anything is served. Django checks it only when something asks
    for the host, which WhiteNoise never does: a static file went to any Host. DisallowedHost
    becomes the 400 of config/errors.py."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.get_host()
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Refuses a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE with 413, whatever the view.

    Django checks that limit only when a view reads the body as a form or as bytes, and never for
    uploaded files; nothing here takes more than a few dozen answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return errors.too_large(request)
        return self.get_response(request)


class DeclaredCharsetMiddleware:
    """Refuses with 400 a request in a charset the server cannot read (config/charsets.py),
    before anything reads it: the CSRF check reads the form first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not charsets.readable(request):
            return errors.unreadable_charset(request)
        if request.content_type == charsets.FORM and request.encoding not in (None, charsets.UTF_8):
            # "utf8", "UTF_8"…: Django reads a form only under the name "utf-8".
            request.encoding = charsets.UTF_8
        return self.get_response(request)


class MethodNotAllowedMiddleware:
    """Gives the 405s Django sends empty (require_POST, a view without the method) a body: a
    sentence in the page's language, or the API's JSON list of errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and not response.content:
            filled = errors.not_allowed(request, response["Allow"])
            response.content = filled.content
            response["Content-Type"] = filled["Content-Type"]
        return response
