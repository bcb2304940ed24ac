"""Replication lineage: a city records that it replicates another city's case study."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, OrganisationKind

from .case_studies import CaseStudyPage
from .follows import CaseStudyFollow


class AdoptionStatus(models.TextChoices):
    EXPLORING = "exploring", _("Exploring")
    PLANNING = "planning", _("Planning")
    PILOTING = "piloting", _("Piloting")
    DEPLOYED = "deployed", _("Deployed")
    DROPPED = "dropped", _("Dropped")


class AdoptionQuerySet(models.QuerySet):
    def recorded_since(self, moment) -> "AdoptionQuerySet":
        """Adoptions recorded at ``moment`` or later and not dropped."""
        return self.active().filter(created_at__gte=moment)

    def of_case_study(self, page: CaseStudyPage) -> "AdoptionQuerySet":
        """Adoptions of a case study, whichever language version was adopted."""
        return self.filter(origin__translation_key=page.translation_key)

    def active(self) -> "AdoptionQuerySet":
        return self.exclude(status=AdoptionStatus.DROPPED)

    def followed_by(self, user) -> "AdoptionQuerySet":
        """Adoptions of the case studies ``user`` follows, the latest change first."""
        followed = CaseStudyFollow.objects.of(user).values("case_study__translation_key")
        return self.filter(origin__translation_key__in=followed).order_by("-updated_at", "-pk")


    def with_origins_here(self) -> list["Adoption"]:
        """The adoptions, each with ``origin_here``: the version of the case study replicated
        that a reader of the active language sees (``for_reader``), else the one adopted."""
        adoptions = list(self.select_related("origin", "origin__locale", "origin__city"))
        versions = CaseStudyPage.objects.versions_for(a.origin for a in adoptions)
        for adoption in adoptions:
            adoption.origin_here = versions.get(adoption.origin.translation_key, adoption.origin)
        return adoptions


class Adoption(models.Model):
    origin = models.ForeignKey(CaseStudyPage, verbose_name=_("case study replicated"),
                               on_delete=models.CASCADE, related_name="adoptions")
    adopter = models.ForeignKey(
        Organisation, verbose_name=_("adopting city"), on_delete=models.CASCADE,
        related_name="adoptions", limit_choices_to={"kind": OrganisationKind.CITY},
    )
    status = models.CharField(_("status"), max_length=16, choices=AdoptionStatus.choices,
                              default=AdoptionStatus.EXPLORING)
    adapted = models.TextField(_("what was adapted"), blank=True, max_length=3000)
    outcomes = models.TextField(_("outcomes so far"), blank=True, max_length=3000)
    adopter_case_study = models.ForeignKey(
        CaseStudyPage, verbose_name=_("the adopting city's own case study"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="replicates",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["origin", "adopter"], name="one_adoption_per_city")
        ]

    def __str__(self) -> str:
        return f"{self.adopter} ← {self.origin} ({self.get_status_display()})"
