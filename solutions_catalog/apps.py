from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsCatalogConfig(AppConfig):
    name = "solutions_catalog"
    verbose_name = _("Solutions catalogue")
