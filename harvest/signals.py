"""Sent on commit after each harvested item is stored or removed, so that search and the pages
that show harvested items follow without harvest knowing them."""

from collections.abc import Collection, Iterable

from django.dispatch import Signal

from .models import HarvestedItem

item_stored = Signal()  # sender=HarvestedItem, item=HarvestedItem, created=bool
item_removed = Signal()  # sender=HarvestedItem, iri=str, kind=str


def announce(stored: Iterable = (), created: Collection[str] = (),
             removed: Iterable[tuple[str, str]] = ()) -> None:
    """Sends ``item_stored`` for each stored item (``created`` naming the new ones' IRIs) and
    ``item_removed`` for each (iri, kind) removed."""
    for item in stored:
        item_stored.send(sender=HarvestedItem, item=item, created=item.iri in created)
    for iri, kind in removed:
        item_removed.send(sender=HarvestedItem, iri=iri, kind=kind)
