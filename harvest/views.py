"""The node document and the inbox where peers confirm that they registered this node."""

import json
import logging
from types import SimpleNamespace

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from federation.vocabulary import JSON_LD

from . import publishing, services

logger = logging.getLogger(__name__)


@require_GET
def node_document(request: HttpRequest) -> JsonResponse:
    return JsonResponse(services.node_document(), content_type=JSON_LD)


@csrf_exempt  # signed by the peer's key instead, see services.receive_registration
@require_POST
def inbox(request: HttpRequest) -> JsonResponse:
    try:
        document = json.loads(request.body)
        if not isinstance(document, dict):
            raise ValueError("not an object")
    except ValueError:
        return JsonResponse({"error": "not a JSON object"}, status=400, content_type=JSON_LD)
    message = SimpleNamespace(method=request.method, url=request.build_absolute_uri(),
                              headers=request.headers)
    try:
        peer = services.receive_registration(document, message, request.body)
    except services.TooManyRequests:
        return JsonResponse({"error": "too many requests"}, status=429, content_type=JSON_LD)
    except services.RegistrationError as error:
        # The details stay here: echoed, they would tell anyone what this node can reach.
        logger.warning("inbox request refused", extra={"error": str(error)})
        return JsonResponse({"error": "refused"}, status=403, content_type=JSON_LD)
    return JsonResponse({"@context": publishing.CONTEXT, "status": peer.status}, status=202,
                        content_type=JSON_LD)
