"""Replication lineage: a city records that it replicates another city's case study."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harvest.models import HarvestedItem
from indicators.models import Indicator
from indicators.units import UnitError, check_compatible, parse_unit
from members.models import Organisation, OrganisationKind

from .case_studies import CaseStudyPage
from .taxonomy import EvidenceLevel


class AdoptionStatus(models.TextChoices):
    EXPLORING = "exploring", _("Exploring")
    PLANNING = "planning", _("Planning")
    PILOTING = "piloting", _("Piloting")
    DEPLOYED = "deployed", _("Deployed")
    DROPPED = "dropped", _("Dropped")


STAGE_ORDER = [AdoptionStatus.EXPLORING, AdoptionStatus.PLANNING, AdoptionStatus.PILOTING,
               AdoptionStatus.DEPLOYED]


class DropReason(models.TextChoices):
    BUDGET = "budget", _("Budget")
    PROCUREMENT = "procurement", _("Procurement")
    DATA_PRIVACY = "data_privacy", _("Data or privacy")
    POLITICAL_CHANGE = "political_change", _("Political change")
    TECHNICAL_FIT = "technical_fit", _("Technical fit")
    OTHER = "other", _("Other")


class AdaptedAspect(models.TextChoices):
    VENDOR = "vendor", _("Vendor")
    TENDER = "tender", _("Tender")
    DATA_MODEL = "data_model", _("Data model")
    SCALE = "scale", _("Scale")


def not_in_future(value) -> None:
    if value is not None and value > timezone.localdate():
        raise ValidationError(_("This date is in the future: record what has happened."),
                              code="future")


def known_aspects(value) -> None:
    unknown = set(value or ()) - set(AdaptedAspect.values)
    if unknown:
        raise ValidationError(_("Unknown kind of adaptation: %(kinds)s."),
                              params={"kinds": ", ".join(sorted(map(str, unknown)))})


class AdoptionQuerySet(models.QuerySet):
    def recorded_since(self, moment) -> "AdoptionQuerySet":
        """Adoptions recorded at ``moment`` or later and not dropped."""
        return self.active().filter(created_at__gte=moment)

    def of_case_study(self, page: CaseStudyPage) -> "AdoptionQuerySet":
        """Adoptions of a case study, whichever language version was adopted."""
        return self.filter(origin__translation_key=page.translation_key)

    def active(self) -> "AdoptionQuerySet":
        return self.exclude(status=AdoptionStatus.DROPPED)

    def with_origins_here(self) -> list["Adoption"]:
        """The adoptions, each with ``origin_here``: the version of the case study replicated
        that a reader of the active language sees (``for_reader``), else the one adopted; for
        one harvested from a peer, its ``RemoteOrigin`` (None while its node does not publish
        it)."""
        adoptions = list(self.select_related("origin", "origin__locale", "origin__city",
                                             "remote_origin", "remote_origin__peer"))
        versions = CaseStudyPage.objects.versions_for(a.origin for a in adoptions if a.origin)
        for adoption in adoptions:
            adoption.origin_here = (
                versions.get(adoption.origin.translation_key, adoption.origin) if adoption.origin
                else RemoteOrigin.of(adoption.remote_origin))
        return adoptions


@dataclass(frozen=True)
class RemoteOrigin:
    """A case study harvested from a peer as a list of adoptions shows it: its title in the
    reader's language where the origin wrote one, and its read-only page here."""

    title: str
    language: str
    url: str

    @classmethod
    def of(cls, item: HarvestedItem | None) -> "RemoteOrigin | None":
        if item is None:
            return None
        reader = (get_language() or "ko")[:2]
        titles = {"ko": item.title_ko, "en": item.title_en}
        language = reader if titles.get(reader) else next(
            (code for code, title in titles.items() if title), reader)
        return cls(titles.get(language, ""), language,
                   reverse("catalogue:harvested_case_study", args=[item.pk]))


class Adoption(models.Model):
    # The case study replicated: this portal's, or one harvested from a peer node (exactly one).
    origin = models.ForeignKey(CaseStudyPage, verbose_name=_("case study replicated"),
                               null=True, blank=True, on_delete=models.CASCADE,
                               related_name="adoptions")
    # A harvested origin is named by its IRI, which this node publishes as the adoption's
    # scc:origin; the item itself may go (unpublished at its node) without taking the city's
    # replication, its stages and results with it, and comes back linked if republished.
    remote_origin_iri = models.URLField(_("case study replicated from another portal"),
                                        max_length=500, blank=True, db_index=True)
    remote_origin = models.ForeignKey(
        HarvestedItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="adoptions")
    adopter = models.ForeignKey(
        Organisation, verbose_name=_("adopting city"), on_delete=models.CASCADE,
        related_name="adoptions", limit_choices_to={"kind": OrganisationKind.CITY},
    )
    status = models.CharField(_("status"), max_length=16, choices=AdoptionStatus.choices,
                              default=AdoptionStatus.EXPLORING)
    adapted = models.TextField(_("what was adapted"), blank=True, max_length=3000)
    # A few fixed kinds (AdaptedAspect), stored as a list: the same in SQLite and PostgreSQL.
    adapted_aspects = models.JSONField(_("kinds of adaptation"), default=list, blank=True,
                                       validators=[known_aspects])
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
            models.UniqueConstraint(fields=["origin", "adopter"], name="one_adoption_per_city"),
            models.UniqueConstraint(fields=["remote_origin_iri", "adopter"],
                                    condition=~Q(remote_origin_iri=""),
                                    name="one_remote_adoption_per_city"),
            models.CheckConstraint(
                condition=Q(origin__isnull=False, remote_origin_iri="", remote_origin__isnull=True)
                | Q(origin__isnull=True, remote_origin_iri__gt=""),
                name="adoption_has_one_origin"),
        ]

    def __str__(self) -> str:
        origin = self.origin or self.remote_origin or self.remote_origin_iri
        return f"{self.adopter} ← {origin} ({self.get_status_display()})"

    @property
    def drop_reason(self) -> str:
        """Why it was dropped (the latest dropped stage's reason), for a dropped adoption."""
        if self.status != AdoptionStatus.DROPPED:
            return ""
        dropped = [s for s in self.stages.all() if s.stage == AdoptionStatus.DROPPED]
        return dropped[-1].get_reason_display() if dropped else ""

    def get_adapted_aspects_display(self) -> list[str]:
        return [str(AdaptedAspect(a).label) for a in self.adapted_aspects
                if a in AdaptedAspect.values]


class AdoptionStage(models.Model):
    """One dated step of an adoption's timeline; the latest is the adoption's status."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(_("stage"), max_length=16, choices=AdoptionStatus.choices)
    reached_on = models.DateField(_("reached on"), validators=[not_in_future])
    reason = models.CharField(_("why it was dropped"), max_length=20, blank=True,
                              choices=DropReason.choices)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adoption stage")
        verbose_name_plural = _("adoption stages")
        ordering = ["reached_on", "pk"]
        constraints = [models.CheckConstraint(
            condition=Q(stage=AdoptionStatus.DROPPED, reason__gt="")
            | (~Q(stage=AdoptionStatus.DROPPED) & Q(reason="")),
            name="a_reason_exactly_when_dropped")]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} ({self.reached_on})"

    def clean(self) -> None:
        super().clean()
        if self.stage == AdoptionStatus.DROPPED and not self.reason:
            raise ValidationError({"reason": _("Say why the adoption was dropped.")})
        if self.stage != AdoptionStatus.DROPPED:
            self.reason = ""


def counts_people(unit: str) -> bool:
    """Whether figures in ``unit`` count or are divided by residents (per_100k, /capita)."""
    try:
        return "[population]" in parse_unit(unit).dimensionality
    except UnitError:
        return False


class AdoptionResult(models.Model):
    """A result the adopting city measured on a library indicator, in a unit that converts
    to the indicator's."""

    adoption = models.ForeignKey(Adoption, on_delete=models.CASCADE, related_name="results")
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"),
                                  on_delete=models.PROTECT, related_name="adoption_results")
    value = models.DecimalField(_("result"), max_digits=16, decimal_places=4)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4, null=True,
                                   blank=True, help_text=_("Before the project, if measured."))
    unit = models.CharField(_("unit"), max_length=40,
                            help_text=_("Any unit that converts to the indicator's."))
    measured_on = models.DateField(_("measured on"), validators=[not_in_future])
    evidence_level = models.ForeignKey(EvidenceLevel, verbose_name=_("evidence level"),
                                       null=True, blank=True, on_delete=models.SET_NULL)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adoption result")
        verbose_name_plural = _("adoption results")
        ordering = ["indicator", "-measured_on"]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value} {self.unit} ({self.measured_on})"

    def clean(self) -> None:
        super().clean()
        if self.indicator_id is None or not self.unit:
            return
        try:
            check_compatible(self.unit, self.indicator.unit)
        except UnitError as error:
            raise ValidationError({"unit": error.message}) from error
        if counts_people(self.unit) or counts_people(self.indicator.unit):
            negative = {name: _("A figure counted in or per residents cannot be negative.")
                        for name in ("value", "baseline")
                        if getattr(self, name) is not None and getattr(self, name) < 0}
            if negative:
                raise ValidationError(negative)
