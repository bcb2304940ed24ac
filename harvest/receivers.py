"""A peer removed by staff takes its items with it (cascade): listeners hear of each, as of a
tombstone, once the removal is committed."""

from functools import partial

from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import Peer
from .signals import announce


@receiver(pre_delete, sender=Peer)
def announce_items_of_removed_peer(sender, instance: Peer, **kwargs) -> None:
    removed = list(instance.items.values_list("iri", "kind"))
    if removed:
        transaction.on_commit(partial(announce, removed=removed))
