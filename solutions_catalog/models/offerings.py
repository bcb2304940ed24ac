"""What vendors sell, and where it runs: a deployment counts once the city confirms it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.i18n import Localized
from members.models import MembershipStatus, Organisation, OrganisationKind

from .case_studies import CaseStudyPage


class PricingModel(models.TextChoices):
    SUBSCRIPTION = "subscription", _("Subscription (SaaS)")
    LICENCE = "licence", _("Licence")
    PER_UNIT = "per_unit", _("Per unit or device")
    PROJECT = "project", _("Project-based")
    OPEN_SOURCE = "open_source", _("Open source, paid support")


class OfferingQuerySet(models.QuerySet):
    def listed(self) -> "OfferingQuerySet":
        return self.filter(is_listed=True, vendor__membership_status=MembershipStatus.ACTIVE)


class VendorOffering(models.Model):
    vendor = models.ForeignKey(
        Organisation, verbose_name=_("vendor"), on_delete=models.CASCADE,
        related_name="offerings",
        limit_choices_to={"kind__in": [OrganisationKind.VENDOR, OrganisationKind.RESEARCH]},
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=160, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    summary_ko = models.TextField(_("description (Korean)"), max_length=3000, blank=True)
    summary_en = models.TextField(_("description (English)"), max_length=3000, blank=True)
    themes = models.ManyToManyField("solutions_catalog.Theme", verbose_name=_("themes"),
                                    related_name="offerings")
    service_domains = models.ManyToManyField(
        "solutions_catalog.ServiceDomain", verbose_name=_("service domains"), blank=True,
        related_name="offerings")
    pricing_model = models.CharField(_("pricing model"), max_length=16,
                                     choices=PricingModel.choices)
    certifications = models.CharField(
        _("certifications"), max_length=300, blank=True,
        help_text=_("Separated by commas, e.g. ISO/IEC 27001, CC EAL4"))
    website = models.URLField(_("website"), blank=True)
    is_listed = models.BooleanField(_("listed"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferingQuerySet.as_manager()

    class Meta:
        verbose_name = _("vendor offering")
        verbose_name_plural = _("vendor offerings")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalogue:offering", args=[self.slug])

    name = Localized()
    summary = Localized()

    @property
    def is_public(self) -> bool:
        return self.is_listed and self.vendor.membership_status == MembershipStatus.ACTIVE

    @property
    def certification_list(self) -> list[str]:
        return [c.strip() for c in self.certifications.split(",") if c.strip()]

    def clean(self) -> None:
        if not (self.name_ko.strip() or self.name_en.strip()):
            raise ValidationError(_("Give the offering a name in Korean or English."))


class DeploymentStatus(models.TextChoices):
    CLAIMED = "claimed", _("Waiting for the city")
    CONFIRMED = "confirmed", _("Confirmed by the city")
    DECLINED = "declined", _("Declined by the city")


class DeploymentQuerySet(models.QuerySet):
    def confirmed(self) -> "DeploymentQuerySet":
        return self.filter(status=DeploymentStatus.CONFIRMED)

    def public(self) -> "DeploymentQuerySet":
        """Confirmed, of a listed offering, in a published case study: what visitors see."""
        return self.confirmed().filter(
            offering__is_listed=True, offering__vendor__membership_status=MembershipStatus.ACTIVE,
            case_study__live=True)

    def pending(self) -> "DeploymentQuerySet":
        return self.filter(status=DeploymentStatus.CLAIMED)

    def unconfirmed_for(self, days: int) -> "DeploymentQuerySet":
        """Claims the city has neither confirmed nor declined in ``days`` days, with their
        offering, vendor and case study, the oldest first."""
        return (self.pending()
                .filter(claimed_at__lte=timezone.now() - datetime.timedelta(days=days))
                .select_related("offering__vendor", "case_study__city")
                .order_by("claimed_at", "pk"))

    def of_case_study(self, page: CaseStudyPage) -> "DeploymentQuerySet":
        return self.filter(case_study__translation_key=page.translation_key)


class Deployment(models.Model):
    """A vendor's claim that its offering runs in a city's case study."""

    offering = models.ForeignKey(VendorOffering, verbose_name=_("offering"),
                                 on_delete=models.CASCADE, related_name="deployments")
    case_study = models.ForeignKey(CaseStudyPage, verbose_name=_("case study"),
                                   on_delete=models.CASCADE, related_name="deployments")
    status = models.CharField(_("status"), max_length=16, choices=DeploymentStatus.choices,
                              default=DeploymentStatus.CLAIMED)
    claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    claimed_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = DeploymentQuerySet.as_manager()

    class Meta:
        verbose_name = _("deployment")
        constraints = [models.UniqueConstraint(fields=["offering", "case_study"],
                                               name="one_deployment_claim_per_case_study")]

    def __str__(self) -> str:
        return f"{self.offering} @ {self.case_study}"
