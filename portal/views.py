import logging
import posixpath
import re

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from members.permissions import MemberAction, require
from members.services import remember_preferred_language

from . import languages
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


@never_cache
@require_GET
def switch_language(request: HttpRequest, language: str) -> HttpResponse:
    """The header's language link: the page at ``next`` in ``language`` (or its nearest
    translated parent, with a notice), remembered as a signed-in person's preference."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    location = request.GET.get("next", "/")
    if not location.startswith("/") or not url_has_allowed_host_and_scheme(
            location, allowed_hosts={request.get_host()}):
        location = "/"
    found = languages.destination(request, location, language)
    if not found.exact:
        with override(language):
            messages.info(request, _("That page has no version in this language yet, so here "
                                     "is the nearest page that has one."))
    if request.user.is_authenticated:
        remember_preferred_language(request.user, language)
    # No language cookie: with Korean unprefixed, every address names its language itself.
    return redirect(found.url)


@never_cache
def admin_login(request: HttpRequest) -> HttpResponse:
    """Where Wagtail sends whoever it refuses. A visitor signs in through allauth (rate
    limits, verified e-mail, second factor); someone already signed in who may not use the
    administration (a vendor) is told why, since allauth's sign-in sends a signed-in person
    straight back to ``next``: a redirect loop."""
    if request.user.is_authenticated:
        require(request.user, MemberAction.ACCESS_ADMIN)
        return redirect("wagtailadmin_home")
    query = request.META.get("QUERY_STRING", "")
    return redirect(reverse("account_login") + (f"?{query}" if query else ""))
