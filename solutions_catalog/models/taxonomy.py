"""The catalogue's taxonomies, managed by staff in the admin. Slugs are stable keys; names are
bilingual."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.i18n import Localized
from members.models import Organisation


class Taxonomy(models.Model):
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name

    name = Localized()
    description = Localized()


class Theme(Taxonomy):
    """One of the consortium's monthly meeting themes (connectivity, cybersecurity, mobility,
    sustainability, resilience); staff may add more."""

    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1f5fa8",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a hex colour such as #1f5fa8."))],
    )
    icon = models.CharField(_("icon"), max_length=40, blank=True)
    focused_organisations = models.ManyToManyField(
        Organisation, related_name="focus_themes", blank=True,
        verbose_name=_("organisations focused on this theme"),
    )

    class Meta(Taxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class ServiceDomain(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("service domain")
        verbose_name_plural = _("service domains")


class MaturityStage(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("maturity stage")
        verbose_name_plural = _("maturity stages")


class FundingModel(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("funding model")
        verbose_name_plural = _("funding models")


class PartnershipModel(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("partnership model")
        verbose_name_plural = _("partnership models")


class EvidenceLevel(Taxonomy):
    level = models.PositiveSmallIntegerField(_("level"), unique=True)

    class Meta(Taxonomy.Meta):
        verbose_name = _("evidence level")
        verbose_name_plural = _("evidence levels")
        ordering = ["level"]
