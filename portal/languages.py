"""The same place in the other language: where the header's language links lead.

A URL's language is its prefix (``/en/…``) or, without one, Korean. Django's own
``set_language`` resolves the ``next`` URL in the language of the request that posts the
form (Korean for ``/i18n/``, which has no prefix), so ``/en/`` read as a Korean Wagtail path
``en/`` and came back unchanged; here every URL is resolved in its own language.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language_from_path, override
from wagtail.models import Locale, Page, Site

PAGE_VIEW = "wagtail_serve"


@dataclass(frozen=True)
class Destination:
    url: str
    # False when the page has no version in that language and the URL is that of its
    # nearest ancestor which has one.
    exact: bool = True


def language_of(path: str) -> str:
    return get_language_from_path(path) or settings.LANGUAGE_CODE


def destination(request: HttpRequest, location: str, language: str) -> Destination:
    """Where ``location`` (a path on this site, with its query string) is in ``language``."""
    parts = urlsplit(location)
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    source = language_of(path)
    with override(source):
        try:
            match = resolve(path)
        except Resolver404:
            match = None
    if match is None:
        return Destination(_home(language), exact=False)
    if match.view_name == PAGE_VIEW:
        page = _page_at(request, match.args[0] if match.args else "", source)
        if page is not None:
            return _page_in(page, language, request, query)
    with override(language):
        return Destination(reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                           + query)


def _home(language: str) -> str:
    with override(language):
        return reverse(PAGE_VIEW, args=[""])


def _page_at(request: HttpRequest, path: str, language: str) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    with override(language):
        try:
            return site.root_page.localized.specific.route(
                request, [part for part in path.split("/") if part]).page
        except Http404:
            return None


def _page_in(page: Page, language: str, request: HttpRequest, query: str) -> Destination:
    """The page's version in ``language``, or its nearest ancestor's with ``exact`` False."""
    locale = Locale.objects.filter(language_code=language).first()
    lineage = [*page.get_ancestors().filter(depth__gt=1), page]
    versions = {version.translation_key: version for version in Page.objects.live().filter(
        locale=locale, translation_key__in=[p.translation_key for p in lineage])}
    for candidate in reversed(lineage):
        version = versions.get(candidate.translation_key)
        if version is not None:
            exact = candidate.pk == page.pk
            return Destination(version.get_url(request) + (query if exact else ""), exact)
    return Destination(_home(language), exact=False)
