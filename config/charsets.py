"""The charset a request's Content-Type names: read when Python can decode with it, else refused.

Django decodes the query string and the form's fields in that charset. It reads a name Python does
not know as UTF-8, but takes any name Python knows, and fails (500) on a codec that is not a text
encoding (base64, rot13) or that cannot replace bad bytes (idna, undefined): with a query string,
already while it builds the request, before any middleware. A form (urlencoded) it reads only in
UTF-8, and refuses any other charset each time request.POST is read.
"""

import codecs

from django.core.handlers.asgi import ASGIHandler, ASGIRequest
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.utils.http import parse_header_parameters

FORM = "application/x-www-form-urlencoded"
UTF_8 = "utf-8"


def decodable(charset):
    """Whether Python decodes text in `charset` as Django does (bytes.decode, bad bytes
    replaced)."""
    try:
        b"%\xff\x00".decode(charset, "replace")
    except (LookupError, ValueError):
        return False
    return True


def readable(request):
    """Whether the charset the request names, if any, can be read: one Python decodes with, and
    UTF-8 (under any of its names) for a form."""
    charset = request.content_params.get("charset")
    if charset is None:
        return True
    if not decodable(charset):
        return False
    return request.content_type != FORM or codecs.lookup(charset).name == UTF_8


class ReadableCharset:
    """Django's request, which takes the charset named as its encoding only when Python decodes
    with it; DeclaredCharsetMiddleware then refuses the request (400) if it is not readable."""

    def _set_content_type_params(self, meta):
        self.content_type, self.content_params = parse_header_parameters(
            meta.get("CONTENT_TYPE", "")
        )
        charset = self.content_params.get("charset")
        if charset is not None and decodable(charset):
            self.encoding = charset


class Request(ReadableCharset, WSGIRequest):
    pass


class Handler(WSGIHandler):
    request_class = Request


class AsgiRequest(ReadableCharset, ASGIRequest):
    pass


class AsgiHandler(ASGIHandler):
    """The same for the server `make run` starts (config/asgi.py)."""

    request_class = AsgiRequest
