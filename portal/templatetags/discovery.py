"""The page in every language (hreflang links) for the head of each page."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from portal.models import NewsIndexPage, ResourceLibraryPage, StandardPage
from solutions_catalog.models import CatalogueIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_links(context) -> list[tuple[str, str]]:
    """(language code, absolute URL) for each language the current page exists in."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page):
        return [(p.locale.language_code, request.build_absolute_uri(p.get_url(request)))
                for p in page.get_translations(inclusive=True).live().public()
                .select_related("locale")]
    return [(code, request.build_absolute_uri(translate_url(request.path, code)))
            for code, _name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The header's language links: each language's own name and, but for the one being
    read, a plain link to this place in it (``portal.views.switch_language``)."""
    request = context.get("request")
    here = request.get_full_path() if request is not None else "/"
    active = get_language()
    return [{"code": code, "name": get_language_info(code)["name_local"],
             "current": code == active,
             "href": f"{reverse('switch_language', args=[code])}?{urlencode({'next': here})}"}
            for code, _name in settings.LANGUAGES]


FOOTER_TTL = 300  # seconds a renamed or new standard page may wait to reach the footer


@register.simple_tag
def footer_pages() -> list[tuple[str, str]]:
    """(title, URL) of the news index, the resource library and the standard pages shown in
    menus, in the active language; cached, as every page carries them."""
    language = get_language()
    key = f"portal:footer:{language}"
    pages = cache.get(key)
    if pages is None:
        found = (Page.objects.live().public().in_menu()
                 .type(NewsIndexPage, ResourceLibraryPage, StandardPage)
                 .filter(locale__language_code=language).order_by("path"))
        pages = [(page.title, page.get_url()) for page in found]
        cache.set(key, pages, FOOTER_TTL)
    return pages


@register.simple_tag
def catalogue_url() -> str:
    """The case-study catalogue in the active language (the header's first link); cached, as
    every page carries it. Empty before the catalogue exists."""
    language = get_language()
    key = f"portal:catalogue-url:{language}"
    url = cache.get(key)
    if url is None:
        catalogue = (CatalogueIndexPage.objects.live().public()
                     .filter(locale__language_code=language).first())
        url = catalogue.get_url() if catalogue else ""
        if url:  # an empty answer is not kept: the catalogue may be created any moment
            cache.set(key, url, FOOTER_TTL)
    return url
