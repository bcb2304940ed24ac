from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
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

    def get_context(self, request, *args, **kwargs):
        from events.models import Meeting
        from funding.models import FundingOpportunity
        from members.models import Organisation, OrganisationKind
        from solutions_catalog.models import Theme

        context = super().get_context(request, *args, **kwargs)
        members = Organisation.objects.active()
        themes = list(Theme.objects.all())
        context["themes"] = themes
        upcoming = (Meeting.objects.upcoming().scheduled().filter(theme__in=themes)
                    .order_by("theme_id", "starts_at"))
        first_by_theme: dict[int, Meeting] = {}
        for meeting in upcoming.only("slug", "starts_at", "time_zone", "theme_id"):
            first_by_theme.setdefault(meeting.theme_id, meeting)
        hubs = {hub.theme_id: hub for hub in ThemeHubPage.objects.live().public()
                .filter(locale=self.locale).only("url_path", "theme_id")}
        for theme in themes:
            theme.next_meeting = first_by_theme.get(theme.pk)
            theme.hub = hubs.get(theme.pk)
        context["deadlines"] = (FundingOpportunity.objects.visible_to(request.user)
                                .upcoming_deadlines()[:4])
        context["figures"] = {
            "members": members.count(),
            "cities": members.filter(kind=OrganisationKind.CITY).count(),
            "countries": members.values("country").distinct().count(),
        }
        return context


class ThemeHubPage(Page):
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

    def get_context(self, request, *args, **kwargs):
        from ..hubs import hub_context

        context = super().get_context(request, *args, **kwargs)
        context.update(hub_context(self, request.user))
        return context


class FeaturedCaseStudy(Orderable):
    hub = ParentalKey(ThemeHubPage, on_delete=models.CASCADE, related_name="featured")
    case_study = models.ForeignKey("solutions_catalog.CaseStudyPage",
                                   verbose_name=_("case study"), on_delete=models.CASCADE,
                                   related_name="+")

    panels = [FieldPanel("case_study")]
