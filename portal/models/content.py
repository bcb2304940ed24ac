"""The site's own writing: news (an index and its articles) and standard pages (about,
governance, how to join, privacy)."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from .home import RICH_TEXT

NEWS_PER_PAGE = 10


class NewsIndexPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def search_summary(self) -> str:
        return self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (NewsArticlePage.objects.child_of(self).live().public()
                    .order_by("-date", "-first_published_at"))
        context["articles"] = Paginator(articles, NEWS_PER_PAGE).get_page(
            request.GET.get("page"))
        return context


class NewsArticlePage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=400)
    body = RichTextField(_("body"), features=RICH_TEXT)
    themes = ParentalManyToManyField("solutions_catalog.Theme", verbose_name=_("themes"),
                                     blank=True, related_name="news")

    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("summary"),
                      FieldPanel("body"), FieldPanel("themes")]
    parent_page_types = ["portal.NewsIndexPage"]
    override_translatable_fields = [SynchronizedField("themes")]  # a translation keeps them
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")

    def search_summary(self) -> str:
        return self.summary


class StandardPage(Page):
    """About, governance, how to join, privacy: shown in the footer when "show in menus"
    is ticked."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def search_summary(self) -> str:
        return self.introduction
