"""New case studies as an Atom feed, one per language (/case-studies.atom and
/en/case-studies.atom); those written only in the other language come too, marked."""

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.feeds import PageFeed

from .models import CaseStudyPage


class NewCaseStudies(PageFeed):
    model = CaseStudyPage
    title = _("New case studies · Smart City Consortium")
    subtitle = _("Solutions member cities have published, newest first.")

    def link(self) -> str:
        return "/en/catalogue/" if get_language() == "en" else "/catalogue/"

    def pages(self) -> QuerySet[CaseStudyPage]:
        return CaseStudyPage.objects.for_reader(get_language()).select_related("city")

    def item_author_name(self, page: CaseStudyPage) -> str:
        return page.city.name
