import logging
import posixpath
import re

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

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


def local_media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploads from the local media volume (logos, images), never documents: those go only
    through Wagtail's view at /documents/, where members-only files are checked. The path is
    normalised first, as ``serve`` would, so ``/media/x/../documents/…`` is refused too."""
    clean = posixpath.normpath(path).lstrip("/")
    if clean == "documents" or clean.startswith("documents/"):
        raise Http404
    return serve(request, clean, document_root=settings.MEDIA_ROOT)
