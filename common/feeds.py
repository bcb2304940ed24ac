"""Atom feeds of Wagtail pages in the reader's language (new case studies, news): live,
public pages only. A feed may also carry pages in the other language (annotated with
``language``, as ``for_reader`` does): their entries say so with ``xml:lang`` and a category."""

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page

from .i18n import WRITTEN_IN

FEED_LENGTH = 20


class LanguageTaggedAtom(Atom1Feed):
    def item_attributes(self, item: dict) -> dict:
        return {"xml:lang": item["language"]} if item.get("language") else {}


class PageFeed(Feed):
    feed_type = LanguageTaggedAtom
    model: type[Page]
    order: tuple[str, ...] = ("-first_published_at",)

    def pages(self) -> QuerySet:
        return self.model.objects.live().public().filter(locale__language_code=get_language())

    def items(self) -> QuerySet:
        return self.pages().order_by(*self.order)[:FEED_LENGTH]

    def item_title(self, page: Page) -> str:
        return page.title

    def item_description(self, page: Page) -> str:
        # Atom carries the summary as HTML: plain text is escaped once more so that readers
        # show it as written (a "<b>" in a summary stays text).
        return escape(page.summary)

    def item_link(self, page: Page) -> str:
        return page.get_url()

    def item_pubdate(self, page: Page):
        return page.first_published_at

    def item_updateddate(self, page: Page):
        return page.last_published_at

    def _other_language(self, page: Page) -> str | None:
        language = getattr(page, "language", None)
        return language if language and language != get_language() else None

    def item_extra_kwargs(self, page: Page) -> dict:
        return {"language": self._other_language(page)}

    def item_categories(self, page: Page) -> list[str]:
        language = self._other_language(page)
        return [str(WRITTEN_IN.get(language, language))] if language else []
