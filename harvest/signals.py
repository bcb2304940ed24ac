"""Sent on commit after each harvested page is stored and each item removed, so that search and
the pages that show harvested items follow without harvest knowing them."""

from collections.abc import Collection, Iterable

from django.dispatch import Signal

from .models import HarvestedItem

# sender=HarvestedItem, items=[HarvestedItem], created={IRI}: a page at once, so that listeners
# do their work in bulk (one statement for a page, not one per item).
items_stored = Signal()
item_removed = Signal()  # sender=HarvestedItem, iri=str, kind=str


def announce(stored: Iterable = (), created: Collection[str] = (),
             removed: Iterable[tuple[str, str]] = ()) -> None:
    """Sends ``items_stored`` for the stored items (``created`` naming the new ones' IRIs) and
    ``item_removed`` for each (iri, kind) removed."""
    stored = list(stored)
    if stored:
        items_stored.send(sender=HarvestedItem, items=stored, created=set(created))
    for iri, kind in removed:
        item_removed.send(sender=HarvestedItem, iri=iri, kind=kind)
