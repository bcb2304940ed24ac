"""Case studies: what a member city did, with measured outcomes, partners and documents.
A case study is a Wagtail page under the catalogue index, one page per language."""

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    Orderable,
    Page,
    PageManager,
    TaskState,
    TranslatableMixin,
    WorkflowState,
)
from wagtail.query import PageQuerySet
from wagtail_localize.fields import SynchronizedField

from common.pages import RegisteredContext
from common.revisions import with_checked_foreign_keys
from common.translations import needing_translation
from indicators.models import Indicator
from indicators.units import UnitError, check_compatible
from members.models import Organisation, OrganisationKind
from members.permissions import viewer

from ..admin_forms import CaseStudyPageForm
from ..authoring import REVIEW_WORKFLOW, CaseStudyPermissionTester, CatalogueIndexPermissionTester
from .taxonomy import EvidenceLevel, FundingModel, MaturityStage, PartnershipModel, ServiceDomain

RICH_TEXT = ["h3", "bold", "italic", "link", "ol", "ul"]


class Currency(models.TextChoices):
    KRW = "KRW", "KRW ₩"
    USD = "USD", "USD $"
    EUR = "EUR", "EUR €"
    JPY = "JPY", "JPY ¥"
    SGD = "SGD", "SGD $"
    AUD = "AUD", "AUD $"
    TWD = "TWD", "TWD $"


class PrivacyAssessment(models.TextChoices):
    NOT_REQUIRED = "not_required", _("Not required")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class DocumentType(models.TextChoices):
    TENDER_SPECIFICATION = "tender_specification", _("Tender specification")
    CONTRACT = "contract", _("Contract")
    EVALUATION_REPORT = "evaluation_report", _("Evaluation report")
    DATA_SHARING_AGREEMENT = "data_sharing_agreement", _("Data-sharing agreement")
    PIA = "pia", _("Privacy impact assessment")


class DocumentVisibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


class CatalogueIndexPage(RegisteredContext, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["solutions_catalog.CaseStudyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catalogue index")

    def search_summary(self) -> str:
        return strip_tags(self.intro)

    def permissions_for_user(self, user):
        return CatalogueIndexPermissionTester(user, self)


class ModerationState(models.TextChoices):
    """Where an author's case study stands (Wagtail's workflow, seen from the author)."""

    IN_MODERATION = "in_moderation", _("In moderation")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    DRAFT = "draft", _("Draft")
    LIVE = "live", _("Live")


STATE_ORDER = list(ModerationState)  # the author's next step first


class CaseStudyQuerySet(PageQuerySet):
    def published_since(self, moment) -> "CaseStudyQuerySet":
        """First published at ``moment`` or later (new, not merely republished)."""
        return self.filter(first_published_at__gte=moment)

    def written_by(self, user) -> "CaseStudyQuerySet":
        """The case studies ``user`` started, for the cities they still write for (any, for
        staff), annotated with ``moderation_state`` and ``language``: those awaiting someone
        first, then the latest edited."""
        v = viewer(user)
        if not v.authenticated:
            return self.none()
        mine = self.filter(owner=user)
        if not v.staff:
            mine = mine.filter(city_id__in=v.city_ids)
        return mine.with_moderation_state()

    def with_moderation_state(self) -> "CaseStudyQuerySet":
        """Annotated with ``moderation_state``, ``language`` and ``review_comment`` (the
        reviewer's, when changes are requested): those awaiting someone first, then the latest
        edited."""
        of_page = {"base_content_type__app_label": "wagtailcore",
                   "base_content_type__model": "page",
                   "object_id": Cast(OuterRef("pk"), CharField())}
        active = WorkflowState.objects.active().filter(**of_page)
        rejected = TaskState.objects.filter(
            status=TaskState.STATUS_REJECTED,
            workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
            **{f"workflow_state__{key}": value for key, value in of_page.items()},
        ).order_by("-finished_at")
        state = Case(
            When(Q(workflow_status=WorkflowState.STATUS_IN_PROGRESS),
                 then=Value(ModerationState.IN_MODERATION)),
            When(Q(workflow_status=WorkflowState.STATUS_NEEDS_CHANGES),
                 then=Value(ModerationState.CHANGES_REQUESTED)),
            When(Q(live=True, has_unpublished_changes=False), then=Value(ModerationState.LIVE)),
            default=Value(ModerationState.DRAFT))
        order = Case(*(When(moderation_state=key, then=Value(n))
                       for n, key in enumerate(STATE_ORDER)))
        return (self.annotate(workflow_status=Subquery(active.values("status")[:1]),
                              review_comment=Subquery(rejected.values("comment")[:1]),
                              language=F("locale__language_code"))
                .annotate(moderation_state=state).annotate(state_order=order)
                .select_related("city")
                .order_by("state_order", "-latest_revision_created_at", "-pk"))

    def with_adoption_counts(self) -> "CaseStudyQuerySet":
        """Annotate ``adoption_count``: cities replicating each case study (any language
        version, dropped attempts left out)."""
        # Adoption is reached through its relation: its module imports this one.
        adoptions = self.model.adoptions.field.model.objects
        adopters = (adoptions.active().filter(origin__translation_key=OuterRef("translation_key"))
                    .values("origin__translation_key").annotate(n=Count("pk")).values("n"))
        return self.annotate(adoption_count=Coalesce(Subquery(adopters), 0))

    def awaiting_review(self) -> "CaseStudyQuerySet":
        """Submitted to the consortium review and waiting for staff to approve or ask for
        changes (not those sent back to their authors), the longest waiting first."""
        in_review = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, workflow__name=REVIEW_WORKFLOW,
            base_content_type__app_label="wagtailcore", base_content_type__model="page",
            object_id=Cast(OuterRef("pk"), CharField()))
        return (self.annotate(submitted_at=Subquery(in_review.values("created_at")[:1]))
                .filter(submitted_at__isnull=False).select_related("city")
                .order_by("submitted_at", "pk"))

    def translation_requested(self) -> "CaseStudyQuerySet":
        """Live case studies an officer asked staff to translate into a language they still
        need translating into, the earliest published first."""
        asked = Q()
        for code, _name in settings.LANGUAGES:
            asked |= Q(pk__in=self.model.objects.needing_translation(code)
                       .filter(translation_requests__language=code).values("pk"))
        return self.filter(asked).order_by("last_published_at", "pk")

    def needing_translation(self, language: str) -> "CaseStudyQuerySet":
        """Live case studies that ``language`` readers cannot read as they are now (no
        version in it, or its translation is older than the source's last publication)."""
        return needing_translation(self, language)

    def for_reader(self, language: str) -> "CaseStudyQuerySet":
        """What a reader of ``language`` may see: each live, public case study once, in
        ``language`` where that version is live, else in its other language (one version
        per translation key). Annotated with ``language`` (the version's) and
        ``other_language`` (True where it is not the reader's), for ``reader_first``."""
        private = self.private_q()  # one query for the view restrictions
        versions = (self.model.objects.live().exclude(private)
                    .filter(translation_key=OuterRef("translation_key")))
        return self.live().exclude(private).filter(
            Q(locale__language_code=language)
            # no version for the reader, and the first of the others
            | (~Exists(versions.filter(locale__language_code=language))
               & ~Exists(versions.filter(pk__lt=OuterRef("pk"))))
        ).annotate(
            language=F("locale__language_code"),
            other_language=Case(When(locale__language_code=language, then=Value(False)),
                                default=Value(True), output_field=BooleanField()),
        )

    def reader_first(self, *ordering: str) -> "CaseStudyQuerySet":
        """Ordered with the reader's-language versions first (after ``for_reader``), then
        by ``ordering``."""
        return self.order_by("other_language", *ordering)

    def versions_for(self, pages: Iterable["CaseStudyPage"]) -> dict:
        """translation key → the version a reader of the active language sees (``for_reader``),
        in two queries, none for no pages (for lists of pages that lineage and deployments
        store in their first language)."""
        keys = {page.translation_key for page in pages}
        if not keys:
            return {}
        return {page.translation_key: page for page in self.for_reader(
            (get_language() or "ko")[:2]).filter(translation_key__in=keys)}


class CaseStudyPage(RegisteredContext, Page):
    city = models.ForeignKey(
        Organisation, verbose_name=_("city"), on_delete=models.PROTECT,
        related_name="case_studies", limit_choices_to={"kind": OrganisationKind.CITY},
    )
    summary = models.TextField(_("summary"), max_length=600)
    problem = RichTextField(_("problem"), features=RICH_TEXT)
    approach = RichTextField(_("approach"), features=RICH_TEXT)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0, _("A budget cannot be negative."))],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices,
                                default=Currency.KRW)
    funding_model = models.ForeignKey(FundingModel, verbose_name=_("funding model"),
                                      null=True, blank=True, on_delete=models.SET_NULL)
    public_share_percent = models.PositiveSmallIntegerField(
        _("public share of funding (%)"), null=True, blank=True,
        validators=[MaxValueValidator(100)],
    )
    themes = ParentalManyToManyField("solutions_catalog.Theme", verbose_name=_("themes"),
                                     related_name="case_studies")
    service_domain = models.ForeignKey(ServiceDomain, verbose_name=_("service domain"),
                                       null=True, blank=True, on_delete=models.SET_NULL)
    maturity = models.ForeignKey(MaturityStage, verbose_name=_("maturity"), null=True,
                                 blank=True, on_delete=models.SET_NULL)
    partnership_model = models.ForeignKey(PartnershipModel, verbose_name=_("partnership model"),
                                          null=True, blank=True, on_delete=models.SET_NULL)
    evidence_level = models.ForeignKey(EvidenceLevel, verbose_name=_("evidence level"),
                                       null=True, blank=True, on_delete=models.SET_NULL)
    data_used = models.TextField(_("data used"), blank=True)
    data_shared_back = models.TextField(
        _("data shared back to the city's data hub"), blank=True)
    datasets_used = ParentalManyToManyField(
        "solutions_catalog.DataSet", verbose_name=_("data sets used"), blank=True,
        related_name="used_by")
    datasets_shared = ParentalManyToManyField(
        "solutions_catalog.DataSet", verbose_name=_("data sets shared back"), blank=True,
        related_name="shared_by")
    privacy_assessment = models.CharField(
        _("privacy impact assessment"), max_length=16, choices=PrivacyAssessment.choices,
        default=PrivacyAssessment.NOT_REQUIRED,
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("contact person"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("city", widget=forms.Select),  # choices narrowed per user by the form
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("approach"),
        InlinePanel("kpis", label=_("Outcomes (KPIs)")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
            FieldRowPanel([FieldPanel("budget"), FieldPanel("currency")]),
            FieldRowPanel([FieldPanel("funding_model"), FieldPanel("public_share_percent")]),
        ], heading=_("Time and money")),
        MultiFieldPanel([
            FieldPanel("themes"), FieldPanel("service_domain"), FieldPanel("maturity"),
            FieldPanel("partnership_model"), FieldPanel("evidence_level"),
        ], heading=_("Classification")),
        InlinePanel("partners", label=_("Partners")),
        MultiFieldPanel([
            FieldPanel("data_used"), FieldPanel("datasets_used"),
            FieldPanel("data_shared_back"), FieldPanel("datasets_shared"),
            FieldPanel("privacy_assessment"),
        ], heading=_("Data and privacy")),
        FieldPanel("contact_person"),
        InlinePanel("images", label=_("Images")),
        InlinePanel("documents", label=_("Documents")),
    ]
    parent_page_types = ["solutions_catalog.CatalogueIndexPage"]
    subpage_types = []
    base_form_class = CaseStudyPageForm
    # wagtail-localize translates text fields segment by segment and copies the rest (city,
    # dates, budget, taxonomy, documents) from the source; a many-to-many must be named.
    # KPIs, partners and images are translatable children: their words translated, figures,
    # organisations and images synchronised.
    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("datasets_used"),
        SynchronizedField("datasets_shared"),
        *(SynchronizedField(name, overridable=False) for name in (
            "city", "funding_model", "service_domain", "maturity", "partnership_model",
            "evidence_level", "contact_person")),
    ]

    objects = PageManager.from_queryset(CaseStudyQuerySet)()

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @property
    def moderation_state_display(self) -> str:
        """The label of ``moderation_state`` (annotated by ``written_by``)."""
        return ModerationState(self.moderation_state).label

    def permissions_for_user(self, user):
        return CaseStudyPermissionTester(user, self)

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        # A draft restored from its revision: keys checked in a query per related model, not
        # per KPI, partner and document row (the writing form's pages stay constant).
        if check_fks:
            data = with_checked_foreign_keys(cls, data, strict=strict_fks)
            if data is None:
                return None
        return super().from_serializable_data(data, check_fks=False, strict_fks=strict_fks)

    def period_errors(self) -> dict:
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            return {"ended_on": _("The end date is before the start date.")}
        return {}

    def clean(self) -> None:
        super().clean()
        if errors := self.period_errors():
            raise ValidationError(errors)


class CaseStudyKPI(TranslatableMixin, Orderable):
    """One measured outcome. In a translation the metric and unit are translated; the
    figures, date and indicator follow the source (wagtail-localize). A KPI on a library
    indicator is comparable across cities (its unit converts to the indicator's); one
    without stays allowed and is shown as not comparable."""

    page = ParentalKey(CaseStudyPage, related_name="kpis", on_delete=models.CASCADE)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="case_study_kpis",
        help_text=_("The standard indicator this outcome is measured on; leave empty when none "
                    "fits (the outcome is then shown as not comparable)."))
    metric = models.CharField(_("metric"), max_length=200)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4, null=True,
                                   blank=True)
    result = models.DecimalField(_("result"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    measured_on = models.DateField(_("measured on"), null=True, blank=True)

    panels = [FieldPanel("indicator", widget=forms.Select), FieldPanel("metric"),
              FieldRowPanel([FieldPanel("baseline"), FieldPanel("result"), FieldPanel("unit")]),
              FieldPanel("measured_on")]
    override_translatable_fields = [SynchronizedField("indicator", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("KPI")

    @property
    def change(self):
        if self.baseline in (None, 0):
            return None
        return (self.result - self.baseline) / abs(self.baseline) * 100

    @property
    def comparable(self) -> bool:
        """Whether this outcome sits beside other cities' on an indicator page."""
        return self.indicator_id is not None

    def clean(self) -> None:
        super().clean()
        if self.indicator_id is None:
            return
        if not self.unit.strip():
            raise ValidationError({"unit": _(
                "Give the figure's unit: this indicator is measured in %(unit)s.")
                % {"unit": self.indicator.unit}})
        try:
            check_compatible(self.unit, self.indicator.unit)
        except UnitError as error:
            raise ValidationError({"unit": error.message}) from error


class CaseStudyPartner(TranslatableMixin, Orderable):
    """In a translation the role is translated; the organisation follows the source."""

    page = ParentalKey(CaseStudyPage, related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="partnerships")
    role = models.CharField(_("role"), max_length=200)

    panels = [FieldPanel("organisation"), FieldPanel("role")]
    override_translatable_fields = [SynchronizedField("organisation", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner")


class CaseStudyDocument(Orderable):
    page = ParentalKey(CaseStudyPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"),
                                 on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type"), max_length=32, choices=DocumentType.choices)
    visibility = models.CharField(_("visibility"), max_length=16,
                                  choices=DocumentVisibility.choices,
                                  default=DocumentVisibility.MEMBERS)

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("visibility")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")


class CaseStudyImage(TranslatableMixin, Orderable):
    """In a translation the caption is translated; the image follows the source."""

    page = ParentalKey(CaseStudyPage, related_name="images", on_delete=models.CASCADE)
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("image"),
                              on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=250, blank=True,
                               help_text=_("Shown under the image; the image's own "
                                           "description is read out as its text alternative."))

    panels = [FieldPanel("image"), FieldPanel("caption")]
    override_translatable_fields = [SynchronizedField("image", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("image")
