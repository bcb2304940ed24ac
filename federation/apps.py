from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class FederationConfig(AppConfig):
    name = "federation"
    verbose_name = _("Federation")

    def ready(self) -> None:
        # Imported here, not at the top: the receivers import models, which Django loads only
        # after every app's AppConfig.
        from . import signals

        # Each app declares what it publishes to peer nodes in its own federation.py, as it
        # declares its search documents in search.py.
        autodiscover_modules("federation")
        signals.connect()
