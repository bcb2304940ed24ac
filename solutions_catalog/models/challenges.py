"""Challenges: a city describes a problem; cities and vendors answer; the city shortlists."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.i18n import Localized
from members.models import Organisation, OrganisationKind

from .case_studies import CaseStudyPage
from .offerings import VendorOffering

MATCHES_SHOWN = 6


class ChallengeQuerySet(models.QuerySet):
    def open(self) -> "ChallengeQuerySet":
        return self.filter(deadline__gte=timezone.localdate())

    def closed(self) -> "ChallengeQuerySet":
        return self.filter(deadline__lt=timezone.localdate())


class Challenge(models.Model):
    city = models.ForeignKey(
        Organisation, verbose_name=_("city"), on_delete=models.CASCADE,
        related_name="challenges", limit_choices_to={"kind": OrganisationKind.CITY},
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    problem_ko = models.TextField(_("the problem (Korean)"), max_length=5000, blank=True)
    problem_en = models.TextField(_("the problem (English)"), max_length=5000, blank=True)
    themes = models.ManyToManyField("solutions_catalog.Theme", verbose_name=_("themes"),
                                    related_name="challenges")
    service_domain = models.ForeignKey(
        "solutions_catalog.ServiceDomain", verbose_name=_("service domain"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="challenges")
    deadline = models.DateField(_("responses due by"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-deadline"]

    def __str__(self) -> str:
        return self.title

    title = Localized()
    problem = Localized()

    @property
    def is_open(self) -> bool:
        return self.deadline >= timezone.localdate()

    def clean(self) -> None:
        if not (self.title_ko.strip() or self.title_en.strip()):
            raise ValidationError(_("Give the challenge a title in Korean or English."))

    def _matching(self, queryset: models.QuerySet, domain_lookup: str) -> models.QuerySet:
        theme_ids = list(self.themes.values_list("pk", flat=True))
        overlap = Q(themes__in=theme_ids)
        if self.service_domain_id:
            overlap |= Q(**{domain_lookup: self.service_domain_id})
        return (queryset.filter(overlap)
                .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids),
                                              distinct=True))
                .order_by("-shared_themes", "-pk"))

    def matching_case_studies(self) -> models.QuerySet:
        """Other cities' published case studies on the same themes or service domain."""
        live = (CaseStudyPage.objects.live().public()
                .filter(locale__language_code=(get_language() or "ko")[:2])
                .exclude(city=self.city).select_related("city"))
        return self._matching(live, "service_domain")[:MATCHES_SHOWN]

    def matching_offerings(self) -> models.QuerySet:
        listed = VendorOffering.objects.listed().select_related("vendor")
        return self._matching(listed, "service_domains")[:MATCHES_SHOWN]


class ChallengeResponse(models.Model):
    challenge = models.ForeignKey(Challenge, verbose_name=_("challenge"),
                                  on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(Organisation, verbose_name=_("responding organisation"),
                                     on_delete=models.CASCADE, related_name="challenge_responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    proposal = models.TextField(_("proposal"), max_length=4000)
    case_study = models.ForeignKey(CaseStudyPage, verbose_name=_("related case study"),
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    offering = models.ForeignKey(VendorOffering, verbose_name=_("related offering"),
                                 null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    shortlisted = models.BooleanField(_("shortlisted"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("challenge response")
        ordering = ["-shortlisted", "created_at"]
        constraints = [models.UniqueConstraint(fields=["challenge", "organisation"],
                                               name="one_response_per_organisation")]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.challenge}"
