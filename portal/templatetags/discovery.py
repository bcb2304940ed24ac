"""The page in every language (hreflang links) for the head of each page."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import BooleanField, ExpressionWrapper, Q
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


SITE_LINKED = (NewsIndexPage, ResourceLibraryPage, StandardPage, CatalogueIndexPage)
SITE_LINKS_TTL = 300  # seconds a renamed or new page may wait to reach the header or footer


def site_links_key(language: str) -> str:
    return f"portal:site-links:{language}"


def _site_links(language: str) -> dict:
    """The catalogue's URL and the footer's (title, URL) pairs in ``language``, found in one
    query and cached together, as every page carries them; forgotten whenever a page is
    published or unpublished (portal.pages)."""
    key = site_links_key(language)
    links = cache.get(key)
    if links is None:
        meta = CatalogueIndexPage._meta
        is_catalogue = Q(content_type__app_label=meta.app_label,
                         content_type__model=meta.model_name)
        found = (Page.objects.live().public()
                 .type(*SITE_LINKED)
                 .filter(Q(show_in_menus=True) | is_catalogue, locale__language_code=language)
                 .annotate(is_catalogue=ExpressionWrapper(is_catalogue,
                                                          output_field=BooleanField()))
                 .order_by("path"))
        links = {"catalogue": "", "footer": []}
        for page in found:
            if page.is_catalogue:
                links["catalogue"] = links["catalogue"] or page.get_url()
            else:
                links["footer"].append((page.title, page.get_url()))
        cache.set(key, links, SITE_LINKS_TTL)
    return links


@register.simple_tag
def footer_pages() -> list[tuple[str, str]]:
    """(title, URL) of the news index, the resource library and the standard pages shown in
    menus, in the active language."""
    return _site_links(get_language())["footer"]


@register.simple_tag
def catalogue_url() -> str:
    """The case-study catalogue in the active language (the header's first link); empty
    before the catalogue exists."""
    return _site_links(get_language())["catalogue"]
