"""The resource library: reports, guides, templates, presentations and data sets, each a page
around one Wagtail document, filtered by kind, theme and the document's own language.
Members-only resources never reach people who may not read them: not in the listing, the
page, the sitemap, search or the document's direct URL."""

from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail_localize.fields import SynchronizedField

from common.pages import RegisteredContext
from members.permissions import MemberAction, check
from solutions_catalog.models import DocumentVisibility

RESOURCES_PER_PAGE = 12


class ResourceKind(models.TextChoices):
    REPORT = "report", _("Report")
    GUIDE = "guide", _("Guide")
    TEMPLATE = "template", _("Template")
    PRESENTATION = "presentation", _("Presentation")
    DATASET = "dataset", _("Data set")


class ResourceLanguage(models.TextChoices):
    """The language the document itself is written in, whatever the page's locale."""

    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    BOTH = "both", _("Korean and English")


class ResourceQuerySet(PageQuerySet):
    def members_only(self) -> "ResourceQuerySet":
        return self.filter(audience=DocumentVisibility.MEMBERS)

    def visible_to(self, user) -> "ResourceQuerySet":
        if check(user, MemberAction.READ_MEMBERS_ONLY):
            return self
        return self.filter(audience=DocumentVisibility.PUBLIC)


class ResourceLibraryPage(RegisteredContext, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library")

    def search_summary(self) -> str:
        return self.introduction


class ResourcePage(Page):
    summary = models.TextField(_("summary"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    themes = ParentalManyToManyField("solutions_catalog.Theme", verbose_name=_("themes"),
                                     blank=True, related_name="resources")
    resource_language = models.CharField(
        _("language of the document"), max_length=4, choices=ResourceLanguage.choices,
        default=ResourceLanguage.KOREAN)
    audience = models.CharField(_("audience"), max_length=20, choices=DocumentVisibility.choices,
                                default=DocumentVisibility.PUBLIC)
    # SET_NULL rather than PROTECT: Wagtail's document delete view does not handle
    # ProtectedError; the page then simply offers no download.
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"), null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    date = models.DateField(_("published on"), default=timezone.localdate)

    content_panels = [
        *Page.content_panels, FieldPanel("summary"), FieldPanel("document"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("resource_language"),
                       FieldPanel("audience"), FieldPanel("date")]),
        FieldPanel("themes"),
    ]
    parent_page_types = ["portal.ResourceLibraryPage"]
    # A translation keeps the themes; its translator may attach the document's own translation.
    override_translatable_fields = [SynchronizedField("themes")]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(ResourceQuerySet)()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @property
    def members_only(self) -> bool:
        return self.audience == DocumentVisibility.MEMBERS

    def serve(self, request, *args, **kwargs):
        if self.members_only and not check(request.user, MemberAction.READ_MEMBERS_ONLY):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
        return super().serve(request, *args, **kwargs)
