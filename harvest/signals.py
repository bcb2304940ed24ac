"""Sent on commit after each harvested item is stored or removed, so that search and the pages
that show harvested items follow without harvest knowing them."""

from django.dispatch import Signal

item_stored = Signal()  # sender=HarvestedItem, item=HarvestedItem, created=bool
item_removed = Signal()  # sender=HarvestedItem, iri=str, kind=str
