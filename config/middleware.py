"""Headers Django 5.2 does not set by itself, and a cap on the size of a request body."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse

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


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


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
            return too_large(request)
        return self.get_response(request)


def too_large(request):
    # The API answers errors as a JSON list of field errors, like any other bad input.
    if request.path.startswith("/api/"):
        error = {"field": "", "code": "too_large", "message": "Request too large."}
        return JsonResponse([error], status=413, safe=False)
    return HttpResponse("Request too large.", status=413, content_type="text/plain; charset=utf-8")
