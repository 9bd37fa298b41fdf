"""What the site answers when a request fails: in the page's language, or for the API a JSON list
of {field, code, message}, like any other bad input.

None of these reads the request's body, its query string or the answers: they cannot fail again
on what made the request fail. Django's own handlers check the CSRF token, which reads the form
once more; a form that could not be read then broke its own error page, and the server answered
500 without any of the security headers.
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def for_api(request):
    return request.path.startswith(API_PREFIX)


def api_error(status, code, message):
    """The API's errors are in English, as its field errors are."""
    error = {"field": "", "code": code, "message": message}
    return JsonResponse([error], status=status, safe=False)


def plain(status, text):
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


def bad_request(request, exception=None):
    if for_api(request):
        return api_error(400, "bad_request", "The request could not be read.")
    return plain(400, _("The request could not be read. Go back to the page and try again."))


def unreadable_charset(request):
    """A body in a charset the server cannot read, or a form in another charset than UTF-8."""
    if for_api(request):
        return api_error(400, "charset", "Send the body in UTF-8.")
    return bad_request(request)


def permission_denied(request, exception=None):
    if for_api(request):
        return api_error(403, "forbidden", "Forbidden.")
    return plain(403, _("This address cannot be opened."))


def page_not_found(request, exception=None):
    if for_api(request):
        return api_error(404, "not_found", "No such address.")
    return render(request, "errors/not_found.html", status=404)


def not_allowed(request, allowed):
    """The body of a 405 (Django sends it empty); `allowed` is its Allow header."""
    if for_api(request):
        return api_error(405, "method_not_allowed", f"Use {allowed}.")
    return plain(405, _("This address cannot be opened this way. Go back to the page."))


def too_large(request):
    if for_api(request):
        return api_error(413, "too_large", "Request too large.")
    return plain(413, _("Too much was sent at once: the request was refused."))


def server_error(request):
    if for_api(request):
        return api_error(500, "server_error", "Server error.")
    return plain(
        500, _("Something went wrong on our side. Go back to the page and try again in a moment.")
    )


def csrf_failure(request, reason=""):
    """A form posted without the token of a page of this site (Django's CSRF check): most often,
    the browser cleared or refused the site's cookies since the page was shown."""
    if for_api(request):
        return api_error(403, "csrf", "Forbidden.")
    return render(
        request, "errors/csrf_failure.html", {"retry_url": retry_url(request)}, status=403
    )


def retry_url(request):
    """The page the form was on: the address posted to shows it again, except "Finish and clear
    my answers", which only takes a form; its button is on every page, the start page too."""
    if request.path == reverse("questionnaire:clear"):
        return reverse("questionnaire:start")
    return request.path
