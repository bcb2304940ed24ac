import logging
import re

from django.http import HttpRequest, HttpResponseNotFound, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import run_checks

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(check["ok"] for check in checks.values())
    if not healthy:
        logger.warning("health check failed", extra={"checks": checks})
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponseNotFound:
    """The 404 page offers a search for the words of the address that was not found
    (``/catalogue/daegu-street-lights/`` suggests "daegu street lights")."""
    segments = [part for part in request.path.split("/") if part and part != "en"]
    guess = re.sub(r"[-_.+]+", " ", segments[-1])[:60] if segments else ""
    return HttpResponseNotFound(render_to_string("404.html", {"guess": guess}, request))
