from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("City indicators")

    def ready(self) -> None:
        from members.services import grant_to_staff  # loads models: not before ready()

        grant_to_staff(*(f"indicators.{verb}_indicator" for verb in ("add", "change", "delete")))
