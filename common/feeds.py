"""Atom feeds of Wagtail pages in the reader's language (new case studies, news): live,
public pages only."""

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page

FEED_LENGTH = 20


class PageFeed(Feed):
    feed_type = Atom1Feed
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
