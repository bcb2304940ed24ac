"""Funding opportunities: programmes a city or a coalition can bid for (a ministry's
challenge programme, a federal infrastructure grant, a foundation's call)."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.i18n import Localized
from members.models import validate_time_zone
from members.permissions import MemberAction, check
from solutions_catalog.models import Theme
from solutions_catalog.models.case_studies import Currency

AMOUNT = {"max_digits": 16, "decimal_places": 2}


class FunderType(models.TextChoices):
    NATIONAL = "national", _("National or federal government")
    LOCAL = "local", _("Local government")
    FOUNDATION = "foundation", _("Foundation")
    PRIVATE = "private", _("Private fund")
    MULTILATERAL = "multilateral", _("Multilateral institution")


class OpportunityStatus(models.TextChoices):
    FORECAST = "forecast", _("Forecast")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class OpportunityAudience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members")


class OpportunityQuerySet(models.QuerySet):
    def announced_since(self, moment) -> "OpportunityQuerySet":
        """Calls added at ``moment`` or later, not closed."""
        return self.exclude(status=OpportunityStatus.CLOSED).filter(created_at__gte=moment)

    def public(self) -> "OpportunityQuerySet":
        return self.filter(audience=OpportunityAudience.PUBLIC)

    def visible_to(self, user) -> "OpportunityQuerySet":
        return self if check(user, MemberAction.READ_MEMBERS_ONLY) else self.public()

    def open(self) -> "OpportunityQuerySet":
        return self.filter(status=OpportunityStatus.OPEN)

    def upcoming_deadlines(self) -> "OpportunityQuerySet":
        """Forecast or open, deadline still ahead, nearest first."""
        return (self.exclude(status=OpportunityStatus.CLOSED)
                .filter(deadline__gte=timezone.now()).order_by("deadline"))


class FundingOpportunity(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    programme_ko = models.CharField(_("programme (Korean)"), max_length=200)
    programme_en = models.CharField(_("programme (English)"), max_length=200)
    funder_ko = models.CharField(_("funder (Korean)"), max_length=200)
    funder_en = models.CharField(_("funder (English)"), max_length=200)
    funder_type = models.CharField(_("funder type"), max_length=20, choices=FunderType.choices)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    eligibility_ko = models.TextField(_("eligibility (Korean)"), blank=True)
    eligibility_en = models.TextField(_("eligibility (English)"), blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices,
                                default=Currency.KRW)
    total_award = models.DecimalField(
        _("total available"), null=True, blank=True, **AMOUNT,
        validators=[MinValueValidator(0, _("An amount cannot be negative."))])
    max_award = models.DecimalField(
        _("largest single award"), null=True, blank=True, **AMOUNT,
        validators=[MinValueValidator(0, _("An amount cannot be negative."))])
    match_percent = models.PositiveSmallIntegerField(
        _("match required (%)"), default=0,
        validators=[MaxValueValidator(100, _("A match cannot exceed %(limit_value)s %%."))])
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True,
                                    related_name="funding_opportunities")
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"))
    time_zone = models.CharField(
        _("deadline's time zone"), max_length=64, default="Asia/Seoul",
        validators=[validate_time_zone],
        help_text=_("The funder's clock: a 23:59 deadline in Washington is not one in Seoul."))
    decision_on = models.DateField(_("decision expected"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=OpportunityStatus.choices,
                              default=OpportunityStatus.OPEN)
    audience = models.CharField(_("who may see it"), max_length=10,
                                choices=OpportunityAudience.choices,
                                default=OpportunityAudience.PUBLIC)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding opportunity")
        verbose_name_plural = _("funding opportunities")
        ordering = ["deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_award__isnull=True) | Q(total_award__isnull=True)
                | Q(max_award__lte=models.F("total_award")),
                name="opportunity_max_within_total"),
        ]

    programme = Localized()
    funder = Localized()
    description = Localized()
    eligibility = Localized()

    def __str__(self) -> str:
        return self.programme

    def get_absolute_url(self) -> str:
        return reverse("funding:opportunity", kwargs={"slug": self.slug})

    @property
    def is_members_only(self) -> bool:
        return self.audience == OpportunityAudience.MEMBERS

    @property
    def local_deadline(self) -> datetime.datetime:
        return self.deadline.astimezone(zoneinfo.ZoneInfo(self.time_zone))

    def clean(self) -> None:
        if self.max_award and self.total_award and self.max_award > self.total_award:
            raise ValidationError({"max_award": _(
                "The largest single award cannot exceed the total available.")})
        # clean() runs after field errors too: an unknown zone is already reported.
        known_zone = self.time_zone in zoneinfo.available_timezones()
        if self.opens_on and self.deadline and known_zone \
                and self.opens_on > self.local_deadline.date():
            raise ValidationError({"deadline": _("The deadline is before the opening date.")})
