from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsCatalogConfig(AppConfig):
    name = "solutions_catalog"
    verbose_name = _("Solutions catalogue")

    def ready(self) -> None:
        # Imported here, not at the top: they import models, which Django loads only after
        # every app's AppConfig.
        from members import permissions as members_permissions
        from members.services import grant_to_staff

        from . import (
            pages,  # noqa: F401  registers what the catalogue's pages show
            permissions,
            signals,
        )

        members_permissions.register(permissions.RULES)
        grant_to_staff(*permissions.STAFF_PERMISSIONS)
        signals.connect(self)
