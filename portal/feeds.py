"""The news feed (the base for page feeds is ``common.feeds.PageFeed``)."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.feeds import PageFeed

from .models import NewsArticlePage, NewsIndexPage


class NewsFeed(PageFeed):
    model = NewsArticlePage
    order = ("-date", "-first_published_at")
    title = _("News · Smart City Consortium")
    subtitle = _("What the consortium and its members are doing.")

    def link(self) -> str:
        index = (NewsIndexPage.objects.live().filter(locale__language_code=get_language())
                 .first())
        return index.get_url() if index else "/"
