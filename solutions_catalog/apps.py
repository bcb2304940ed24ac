from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsCatalogConfig(AppConfig):
    name = "solutions_catalog"
    verbose_name = _("Solutions catalogue")

    def ready(self) -> None:
        # Imported here, not at the top: they import models, which Django loads only after
        # every app's AppConfig.
        from wagtail.models import GroupApprovalTask, Task, Workflow

        from common.i18n import show_stored_labels_translated
        from members import permissions as members_permissions
        from members.services import grant_to_staff

        from . import (
            pages,  # noqa: F401  registers what the catalogue's pages show
            permissions,
            signals,
        )
        from .authoring import MODERATORS_APPROVAL, REVIEW_TASK, REVIEW_WORKFLOW

        show_stored_labels_translated("name", [REVIEW_WORKFLOW, REVIEW_TASK, MODERATORS_APPROVAL],
                                      Workflow, Task, GroupApprovalTask)
        members_permissions.register(permissions.RULES)
        grant_to_staff(*permissions.STAFF_PERMISSIONS)
        signals.connect(self)
