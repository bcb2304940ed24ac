"""The page in every language (hreflang links) for the head of each page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

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
