from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # Imported here, not at the top: they import models, which Django loads only after
        # every app's AppConfig.
        from members import permissions as members_permissions
        from members.services import grant_to_staff

        from . import (
            pages,  # noqa: F401  adds "presented at meetings" to case studies
            permissions,
        )

        members_permissions.register(permissions.RULES)
        grant_to_staff(*permissions.STAFF_PERMISSIONS)
