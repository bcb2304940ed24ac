"""The library of standard city indicators (ISO 37120 / 37122 / 37123, ITU U4SSC KPIs) that
case-study outcomes and adoption results are measured on, so that two cities' figures can be
set side by side. Kept by staff in the admin; seeded by a migration."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.i18n import Localized

from .units import validate_unit

# Safe in a URL path segment: /indicators/ISO37120:7.4/
CODE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9:._-]*"


class Standard(models.TextChoices):
    ISO_37120 = "iso37120", "ISO 37120"
    ISO_37122 = "iso37122", "ISO 37122"
    ISO_37123 = "iso37123", "ISO 37123"
    U4SSC = "u4ssc", "ITU U4SSC"


class Direction(models.TextChoices):
    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")


class ThemeKey(models.TextChoices):
    """The consortium's five themes by their stable slugs (the catalogue's ``Theme.slug``):
    the catalogue sits above this app, so an indicator names its theme by key."""

    CONNECTIVITY = "connectivity", _("Connectivity")
    CYBERSECURITY = "cybersecurity", _("Cybersecurity")
    MOBILITY = "mobility", _("Mobility")
    SUSTAINABILITY = "sustainability", _("Sustainability")
    RESILIENCE = "resilience", _("Resilience")


class IndicatorQuerySet(models.QuerySet):
    def on_theme(self, theme: str) -> "IndicatorQuerySet":
        return self.filter(theme=theme)


class Indicator(models.Model):
    code = models.CharField(
        _("code"), max_length=40, unique=True,
        validators=[RegexValidator(rf"^{CODE_PATTERN}$", _(
            "Use letters, digits and : . _ - only, e.g. ISO37120:7.6 or U4SSC:EC-ICT-ICT-2C."))],
        help_text=_("As the standard numbers it, e.g. ISO37120:7.6; it is part of the page's "
                    "address."))
    name_ko = models.CharField(_("name (Korean)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    standard = models.CharField(_("standard"), max_length=10, choices=Standard.choices)
    theme = models.CharField(_("theme"), max_length=20, choices=ThemeKey.choices)
    unit = models.CharField(
        _("unit"), max_length=40, validators=[validate_unit],
        help_text=_("The unit results are converted to, e.g. kWh/yr, %, per_100k, tCO2e/capita, "
                    "minutes."))
    direction = models.CharField(_("better when"), max_length=6, choices=Direction.choices)
    sdg_target = models.CharField(
        _("SDG 11 target"), max_length=5, blank=True,
        validators=[RegexValidator(r"^11\.([1-7]|[abc])$", _(
            "An SDG 11 target such as 11.2 or 11.b."))])
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    name = Localized()
    description = Localized()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["theme", "standard", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def lower_is_better(self) -> bool:
        return self.direction == Direction.LOWER
