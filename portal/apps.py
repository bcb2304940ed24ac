from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        # Imported here, not at the top: it imports models, which Django loads only after
        # every app's AppConfig.
        from members.services import grant_to_staff

        from . import checks, pages  # noqa: F401  register start-up checks and what pages show

        # Staff register and remove peer nodes; harvest knows no members app, so portal grants.
        grant_to_staff(*(f"harvest.{verb}_peer" for verb in ("add", "change", "delete", "view")))
