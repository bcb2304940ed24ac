"""New case studies as an Atom feed, one per language (/case-studies.atom and
/en/case-studies.atom): published, public pages only."""

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import CaseStudyPage

FEED_LENGTH = 20


class NewCaseStudies(Feed):
    feed_type = Atom1Feed
    title = _("New case studies · Smart City Consortium")
    subtitle = _("Solutions member cities have published, newest first.")

    def link(self) -> str:
        return "/en/catalogue/" if get_language() == "en" else "/catalogue/"

    def items(self) -> QuerySet[CaseStudyPage]:
        return (CaseStudyPage.objects.live().public()
                .filter(locale__language_code=get_language())
                .select_related("city").order_by("-first_published_at")[:FEED_LENGTH])

    def item_title(self, page: CaseStudyPage) -> str:
        return page.title

    def item_description(self, page: CaseStudyPage) -> str:
        # Atom carries the summary as HTML: plain text is escaped once more so that readers
        # show it as written (a "<b>" in a summary stays text).
        return escape(page.summary)

    def item_link(self, page: CaseStudyPage) -> str:
        return page.get_url()

    def item_pubdate(self, page: CaseStudyPage):
        return page.first_published_at

    def item_updateddate(self, page: CaseStudyPage):
        return page.last_published_at

    def item_author_name(self, page: CaseStudyPage) -> str:
        return page.city.name
