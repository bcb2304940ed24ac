"""Keeping authors' rights in step: the catalogue opens to its authors' group after migrate
and when created; a membership or organisation change re-checks the people concerned.
Connected by ``SolutionsCatalogConfig.ready``."""

from django.db.models import Subquery
from django.db.models.signals import post_delete, post_migrate, post_save

from federation.services import record_later
from harvest.models import HarvestedItem
from harvest.signals import item_stored
from members.models import Membership, Organisation, User

from .authoring import authors_group, open_catalogue_to_authors, review_workflow, sync_author
from .federation import adoptions_of_harvested
from .models import Adoption, CatalogueIndexPage


def connect(config) -> None:
    post_migrate.connect(_open_catalogues, sender=config)
    post_save.connect(_catalogue_created, sender=CatalogueIndexPage)
    post_save.connect(_membership_changed, sender=Membership)
    post_delete.connect(_membership_changed, sender=Membership)
    post_save.connect(_organisation_changed, sender=Organisation)
    post_save.connect(_harvested_item_saved, sender=HarvestedItem)
    item_stored.connect(_harvested_item_stored, sender=HarvestedItem)


def _relink(item: HarvestedItem) -> None:
    """A case study republished at its node comes back as a new item: the replications of it
    recorded here (by its IRI) link to it again, and are published again."""
    if item.kind == "case-study":
        Adoption.objects.filter(remote_origin_iri=item.iri, remote_origin__isnull=True).update(
            remote_origin=Subquery(HarvestedItem.objects.filter(iri=item.iri).values("pk")[:1]))
        record_later("adoption", adoptions_of_harvested(item))


def _harvested_item_saved(sender, instance: HarvestedItem, raw: bool = False, **kwargs) -> None:
    if not raw:
        _relink(instance)


def _harvested_item_stored(sender, item: HarvestedItem, created: bool, **kwargs) -> None:
    """The harvester stores in bulk (no save signal) and announces each item after commit."""
    if created:
        _relink(item)


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
