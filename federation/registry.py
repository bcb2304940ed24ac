"""What this node publishes to its peers, declared by each app in its own ``federation.py``.

``federation`` knows the other apps only through these declarations, as ``search`` does: a
kind (the IRI's path segment), the queryset of what is public, the field that keys an item and
a function turning the rows of one key into a JSON-LD item (without its ``@context``). A Wagtail
page has one row per language version and one item per translation key.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class PublishedType:
    kind: str  # "case-study": /federation/items/case-study/<key>
    type: str  # the item's RDF type in the context's terms, "scc:CaseStudy"
    model: type[Model]
    public: Callable[[], QuerySet]  # every public row, ready for ``to_item`` (prefetched)
    to_item: Callable[[list[Model]], dict]  # the rows of one key → the item
    key_field: str = "pk"
    # Other models whose saves and deletions change items of this kind: model → the keys of
    # the items a changed instance concerns (a KPI → its case study's translation key).
    related: dict[type[Model], Callable[[Model], Iterable[str]]] = field(default_factory=dict)

    def key_of(self, obj: Model) -> str:
        return str(getattr(obj, self.key_field))

    def items(self, keys: Iterable[str]) -> dict[str, dict]:
        """The items of ``keys`` that are public now, in a number of queries that does not
        grow with the number of keys."""
        keys = [str(key) for key in keys]
        if not keys:
            return {}
        rows = defaultdict(list)
        for obj in self.public().filter(**{f"{self.key_field}__in": keys}):
            rows[self.key_of(obj)].append(obj)
        return {key: self.to_item(objects) for key, objects in rows.items()}

    def all_items(self, chunk: int = 200) -> Iterable[tuple[str, dict]]:
        """Every public item, in chunks of keys (for rebuilding the change log)."""
        keys = sorted({str(k) for k in self.public().values_list(self.key_field, flat=True)})
        for start in range(0, len(keys), chunk):
            yield from self.items(keys[start:start + chunk]).items()


_registry: dict[str, PublishedType] = {}


def register(published: PublishedType) -> None:
    _registry[published.kind] = published


def published_types() -> list[PublishedType]:
    return list(_registry.values())


def published_type(kind: str) -> PublishedType | None:
    return _registry.get(kind)
