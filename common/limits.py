"""Request bodies are capped before they are read: a body declared larger than the largest
upload the portal accepts is refused with 413 while it is still on the wire, so a client
cannot make a worker receive 50 MB only to be told the file is too big."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH", "")
        limit = settings.MAX_REQUEST_BODY_SIZE
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            response = HttpResponse(
                _("The request is too large: at most %(mb)d MB may be sent at once.")
                % {"mb": limit // (1024 * 1024)},
                status=413, content_type="text/plain; charset=utf-8")
            response["Connection"] = "close"  # the unread body must not be taken as a request
            return response
        return self.get_response(request)
