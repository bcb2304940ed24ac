"""Who writes case studies in the Wagtail admin, and how they get published (DESIGN §5).

People of a member city are kept in the "City authors" group: admin access, add and change on
every catalogue index, uploads to the root collection. Wagtail's page permissions are per
subtree, not per city, so ``CaseStudyPermissionTester`` narrows them to the author's own
city through ``members.permissions``. Authors cannot publish: saving for review starts the
"Consortium review" workflow, whose single task is approved by consortium staff; Wagtail
e-mails the submitter the decision and the reviewer's comment.
"""

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_noop
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from members.models import CONSORTIUM_STAFF_GROUP
from members.permissions import check, forget, is_staff, viewer

from .permissions import CatalogueAction

CITY_AUTHORS_GROUP = "City authors"
# Stored in English; the admin prints them in the reader's language (see apps.py).
REVIEW_WORKFLOW = gettext_noop("Consortium review")
REVIEW_TASK = gettext_noop("Consortium staff approval")
# Wagtail's own workflow and task (a migration of Wagtail's), on every other page.
MODERATORS_APPROVAL = gettext_noop("Moderators approval")

AUTHOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
# No wagtail-localize "submit translation": its "Sync translated pages" publishes the
# translations, past review. Authors ask staff for a translation instead.
AUTHOR_MODEL_PERMISSIONS = ["wagtailadmin.access_admin"]
AUTHOR_COLLECTION_PERMISSIONS = [
    "wagtaildocs.add_document", "wagtaildocs.choose_document",
    "wagtailimages.add_image", "wagtailimages.choose_image",
]


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def authors_group() -> Group:
    group, created = Group.objects.get_or_create(name=CITY_AUTHORS_GROUP)
    if created:
        group.permissions.add(*(_permission(p) for p in AUTHOR_MODEL_PERMISSIONS))
        collection = Collection.get_first_root_node()
        for dotted in AUTHOR_COLLECTION_PERMISSIONS if collection else ():
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(dotted))
    return group


def review_workflow() -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
        task.groups.add(Group.objects.get_or_create(name=CONSORTIUM_STAFF_GROUP)[0])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def open_catalogue_to_authors(index: Any) -> None:
    """Let city authors add case studies under this catalogue index, reviewed by staff."""
    group = authors_group()
    for codename in AUTHOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=index, permission=_permission(f"wagtailcore.{codename}"))
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": review_workflow()})


def sync_author(user: Any) -> None:
    """Put a person in the authors group exactly while they belong to an active member city."""
    if user is None:
        return
    group = authors_group()
    forget(user)  # read the memberships as they are now, and leave no stale cache behind
    in_a_city = bool(viewer(user).city_ids)
    forget(user)
    if in_a_city:
        user.groups.add(group)
    else:
        user.groups.remove(group)


class CaseStudyPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, withdrawn on case studies of cities the user is not in."""

    def __init__(self, user: Any, page: Any) -> None:
        super().__init__(user, page)
        if not user.is_superuser and not check(user, CatalogueAction.DRAFT_CASE_STUDY, page.city):
            self.permissions = set()


class CatalogueIndexPermissionTester(PagePermissionTester):
    """City authors add case studies under the catalogue; the index page itself is staff's."""

    def __init__(self, user: Any, page: Any) -> None:
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and not is_staff(user):
            self.permissions &= {"add"}
