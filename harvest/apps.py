from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestConfig(AppConfig):
    name = "harvest"
    verbose_name = _("Peer nodes")

    def ready(self) -> None:
        # Imported here, not at the top: the receivers import models, which Django loads only
        # after every app's AppConfig.
        from . import receivers  # noqa: F401
