from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        # Imported here, not at the top: they import models, which Django loads only after
        # every app's AppConfig.
        from . import moderation, permissions, signals

        permissions.register(permissions.RULES)
        signals.connect(self)
        moderation.connect()
