"""Marks for content shown in a language other than the reader's (a case study written only
in Korean on an English page, an offering named only in Korean): ``lang`` on the element
holding its text, and a visible badge. Shared by every app's templates, like ``layout``."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from common.i18n import WRITTEN_IN, language_shown

register = template.Library()


def language_of(item, field: str = "") -> str:
    """The language ``item``'s text is in: for a bilingual model, the one its ``field`` is
    read in; for a page, the ``language`` that ``for_reader`` annotates, else its locale's."""
    if field:
        return language_shown(item, field)
    return getattr(item, "language", None) or item.locale.language_code


def _foreign(item, field: str) -> str:
    """``item``'s language if it is not the page's, else ""."""
    language = language_of(item, field)
    return "" if language == (get_language() or "ko")[:2] else language


@register.simple_tag
def lang_attr(item, field: str = "") -> str:
    """`` lang="ko"`` on the element holding ``item``'s text when it is not in the page's
    language (screen readers then read it in its own voice), else nothing."""
    language = _foreign(item, field)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag
def language_badge(item, field: str = "") -> str:
    """A visible "In Korean" / "In English" beside an item not in the page's language."""
    language = _foreign(item, field)
    if not language:
        return ""
    return format_html('<span class="language-badge">{}</span>',
                       WRITTEN_IN.get(language, language))
