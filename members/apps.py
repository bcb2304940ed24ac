from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_staff_group(**kwargs) -> None:
    from .services import ensure_staff_group

    ensure_staff_group()


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        post_migrate.connect(_ensure_staff_group, sender=self)
