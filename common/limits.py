"""Request bodies are capped before they are read: a body declared larger than the largest
upload the portal accepts is refused with 413 while it is still on the wire, so a client
cannot make a worker receive 50 MB only to be told the file is too big."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

API_PREFIX = "/api/"  # answers there are JSON, {"detail": …}, as the API documents them


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH", "")
        limit = settings.MAX_REQUEST_BODY_SIZE
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            response = refusal(request, 413, gettext_lazy(
                "The request is too large: at most %(mb)d MB may be sent at once."),
                mb=limit // (1024 * 1024))
            response["Connection"] = "close"  # the unread body must not be taken as a request
            return response
        return self.get_response(request)


def refusal(request: HttpRequest, status: int, message: Promise, **params: object
            ) -> HttpResponse:
    """The API's answers are JSON in English, as its own; a page's are in the page's
    language, read from the address because this runs before the locale middleware."""
    if request.path_info.startswith(API_PREFIX):
        with translation.override("en"):
            return JsonResponse({"detail": str(message) % params}, status=status)
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        return HttpResponse(str(message) % params, status=status,
                            content_type="text/plain; charset=utf-8")
