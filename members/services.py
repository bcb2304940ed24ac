"""Operations on members that touch several models."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .models import CONSORTIUM_STAFF_GROUP

STAFF_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "members.add_organisation",
    "members.change_organisation",
    "members.delete_organisation",
    "solutions_catalog.add_theme",
    "solutions_catalog.change_theme",
    "solutions_catalog.delete_theme",
]
STAFF_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
STAFF_COLLECTION_PERMISSIONS = [
    "wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document",
    "wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image",
]


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_staff_group() -> Group:
    """The consortium staff group with what staff need in the Wagtail admin. Idempotent; runs
    after every ``migrate`` so production gets it without the demo seed."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    group, _ = Group.objects.get_or_create(name=CONSORTIUM_STAFF_GROUP)
    group.permissions.add(*(_permission(p) for p in STAFF_MODEL_PERMISSIONS))
    root = Page.get_first_root_node()
    if root:
        for codename in STAFF_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(f"wagtailcore.{codename}")
            )
    collection = Collection.get_first_root_node()
    if collection:
        for dotted in STAFF_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(dotted)
            )
    return group
