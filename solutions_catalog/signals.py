"""Keeping authors' rights in step: the catalogue opens to its authors' group after migrate
and when created; a membership or organisation change re-checks the people concerned.
Connected by ``SolutionsCatalogConfig.ready``."""

from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_migrate, post_save

from federation.services import record_later
from harvest.models import HarvestedItem
from harvest.signals import items_stored
from members.models import Membership, Organisation, User

from .authoring import authors_group, open_catalogue_to_authors, review_workflow, sync_author
from .models import Adoption, CatalogueIndexPage


def connect(config) -> None:
    post_migrate.connect(_open_catalogues, sender=config)
    post_save.connect(_catalogue_created, sender=CatalogueIndexPage)
    post_save.connect(_membership_changed, sender=Membership)
    post_delete.connect(_membership_changed, sender=Membership)
    post_save.connect(_organisation_changed, sender=Organisation)
    post_save.connect(_harvested_item_saved, sender=HarvestedItem)
    items_stored.connect(_harvested_items_stored, sender=HarvestedItem)


def _relink(items: list[HarvestedItem]) -> None:
    """A case study republished at its node comes back as a new item: the replications of it
    recorded here (by its IRI) link to it again, and are published again."""
    iris = [item.iri for item in items if item.kind == "case-study"]
    if not iris:
        return
    returning = Adoption.objects.filter(remote_origin_iri__in=iris)
    returning.filter(remote_origin__isnull=True).update(remote_origin=Subquery(
        HarvestedItem.objects.filter(iri=OuterRef("remote_origin_iri")).values("pk")[:1]))
    record_later("adoption", [str(pk) for pk in returning.values_list("pk", flat=True)])


def _harvested_item_saved(sender, instance: HarvestedItem, raw: bool = False, **kwargs) -> None:
    if not raw:
        _relink([instance])


def _harvested_items_stored(sender, items: list[HarvestedItem], created: set[str],
                            **kwargs) -> None:
    """The harvester stores in bulk (no save signal) and announces each page after commit."""
    _relink([item for item in items if item.iri in created])


def _open_catalogues(**kwargs) -> None:
    authors_group()
    review_workflow()
    for index in CatalogueIndexPage.objects.all():
        open_catalogue_to_authors(index)


def _catalogue_created(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        open_catalogue_to_authors(instance)


def _membership_changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        sync_author(instance.user)


def _organisation_changed(sender, instance, created, raw=False, **kwargs) -> None:
    if created or raw:
        return
    for user in User.objects.filter(memberships__organisation=instance):
        sync_author(user)
