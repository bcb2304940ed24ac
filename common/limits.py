"""Requests refused before a view sees them: a body declared larger than the largest upload
the portal accepts is refused with 413 while it is still on the wire (a client cannot make a
worker receive 50 MB only to be told the file is too big), and a query string carrying a NUL
character, which no value of the portal contains and PostgreSQL cannot compare, with 400."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"  # answers there are JSON, {"detail": …}, as the API documents them


def refusal(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class RequestLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH", "")
        limit = settings.MAX_REQUEST_BODY_SIZE
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            response = refusal(request, 413, _(
                "The request is too large: at most %(mb)d MB may be sent at once.")
                % {"mb": limit // (1024 * 1024)})
            response["Connection"] = "close"  # the unread body must not be taken as a request
            return response
        if any("\x00" in text for key, values in request.GET.lists() for text in (key, *values)):
            return refusal(request, 400, _("The address contains a NUL character."))
        return self.get_response(request)
