from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from portal.i18n import localized


class Theme(models.Model):
    """One of the consortium's monthly meeting themes (connectivity, cybersecurity, mobility,
    sustainability, resilience); staff may add more."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1f5fa8",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a hex colour such as #1f5fa8."))],
    )
    icon = models.CharField(_("icon"), max_length=40, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    focused_organisations = models.ManyToManyField(
        Organisation, related_name="focus_themes", blank=True,
        verbose_name=_("organisations focused on this theme"),
    )

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")
