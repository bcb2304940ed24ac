"""Data sets that case studies use and share back (the seeds' "recursive data": a city's data
hub feeds a project, whose data goes back to the hub for the next city). Kept by staff;
published to peer nodes as a DCAT-AP catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.i18n import Localized
from members.models import Organisation

CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"


class DataFormat(models.TextChoices):
    CSV = "CSV", "CSV"
    JSON = "JSON", "JSON"
    GEOJSON = "GEOJSON", "GeoJSON"
    XLSX = "XLSX", "XLSX"
    XML = "XML", "XML"
    API = "API", _("Web API")


class DataSet(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name_ko = models.CharField(_("name (Korean)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_ko = models.TextField(_("description (Korean)"))
    description_en = models.TextField(_("description (English)"))
    publisher = models.ForeignKey(Organisation, verbose_name=_("publisher"),
                                  on_delete=models.PROTECT, related_name="datasets")
    licence = models.URLField(_("licence"), default=CC_BY_4,
                              help_text=_("The address of the licence, e.g. "
                                          "https://creativecommons.org/licenses/by/4.0/"))
    landing_url = models.URLField(_("landing page"), blank=True,
                                  help_text=_("The page describing the data set."))
    access_url = models.URLField(_("access address"),
                                 help_text=_("Where the data can be downloaded or queried."))
    format = models.CharField(_("format"), max_length=10, choices=DataFormat.choices,
                              default=DataFormat.CSV)
    themes = models.ManyToManyField("solutions_catalog.Theme", verbose_name=_("themes"),
                                    blank=True, related_name="datasets")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    name = Localized()
    description = Localized()

    class Meta:
        verbose_name = _("data set")
        verbose_name_plural = _("data sets")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name
