from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from common.pages import RegisteredContext

RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HomePage(RegisteredContext, Page):
    """The consortium's front door, one per language (Wagtail locales)."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("What the consortium is, in a few sentences.")
    )
    body = RichTextField(_("body"), blank=True, features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["solutions_catalog.CatalogueIndexPage", "portal.ThemeHubPage",
                     "portal.NewsIndexPage", "portal.ResourceLibraryPage", "portal.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def search_summary(self) -> str:
        return f"{self.lead} {strip_tags(self.body)}".strip()


class ThemeHubPage(RegisteredContext, Page):
    """One page per theme and language: what the theme is about, then what the network
    has on it (case studies, meetings, funding, challenges, organisations), all current."""

    theme = models.ForeignKey("solutions_catalog.Theme", verbose_name=_("theme"),
                              on_delete=models.PROTECT, related_name="hubs")
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("theme"), FieldPanel("introduction"),
                      InlinePanel("featured", heading=_("Featured case studies"),
                                  label=_("case study"), max_num=3)]
    parent_page_types = ["portal.HomePage"]
    subpage_types: list[str] = []
    # A translation is of the same theme (wagtail-localize would let a translator change it).
    override_translatable_fields = [SynchronizedField("theme", overridable=False)]

    class Meta:
        verbose_name = _("theme hub")

    def search_summary(self) -> str:
        return strip_tags(self.introduction)


class FeaturedCaseStudy(Orderable):
    hub = ParentalKey(ThemeHubPage, on_delete=models.CASCADE, related_name="featured")
    case_study = models.ForeignKey("solutions_catalog.CaseStudyPage",
                                   verbose_name=_("case study"), on_delete=models.CASCADE,
                                   related_name="+")

    panels = [FieldPanel("case_study")]
