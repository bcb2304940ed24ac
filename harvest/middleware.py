"""Signs every response under /federation/ with this node's key (RFC 9421, with a
Content-Digest), as it leaves: the views there need do nothing for it."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import keys, signing

PREFIX = "/federation/"


class FederationSignatureMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(PREFIX) and not response.streaming:
            signing.sign_response(response, method=request.method,
                                  url=request.build_absolute_uri(), body=response.content,
                                  private_key=keys.node_private_key(), key_id=keys.node_key_id())
        return response
