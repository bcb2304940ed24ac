from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _open_catalogues(**kwargs) -> None:
    from .authoring import authors_group, open_catalogue_to_authors, review_workflow
    from .models import CatalogueIndexPage

    authors_group()
    review_workflow()
    for index in CatalogueIndexPage.objects.all():
        open_catalogue_to_authors(index)


def _catalogue_created(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        from .authoring import open_catalogue_to_authors

        open_catalogue_to_authors(instance)


def _membership_changed(sender, instance, raw=False, **kwargs) -> None:
    from .authoring import sync_author

    if not raw:
        sync_author(instance.user)


def _organisation_changed(sender, instance, created, raw=False, **kwargs) -> None:
    from members.models import User

    from .authoring import sync_author

    if created or raw:
        return
    for user in User.objects.filter(memberships__organisation=instance):
        sync_author(user)


class SolutionsCatalogConfig(AppConfig):
    name = "solutions_catalog"
    verbose_name = _("Solutions catalogue")

    def ready(self) -> None:
        from wagtail.models import GroupApprovalTask, Task, Workflow

        from common.i18n import show_stored_labels_translated
        from members.models import Membership, Organisation

        from .authoring import MODERATORS_APPROVAL, REVIEW_TASK, REVIEW_WORKFLOW
        from .models import CatalogueIndexPage

        show_stored_labels_translated("name", [REVIEW_WORKFLOW, REVIEW_TASK, MODERATORS_APPROVAL],
                                      Workflow, Task, GroupApprovalTask)

        post_migrate.connect(_open_catalogues, sender=self)
        post_save.connect(_catalogue_created, sender=CatalogueIndexPage)
        post_save.connect(_membership_changed, sender=Membership)
        post_delete.connect(_membership_changed, sender=Membership)
        post_save.connect(_organisation_changed, sender=Organisation)
