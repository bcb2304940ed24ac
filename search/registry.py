"""Which objects become search documents, declared by each app in its own ``search.py``.

``search`` knows the other apps only through these declarations: a kind, the queryset of
objects that belong in the index, and a function turning one object into records (one per
language it is written in).
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils.functional import Promise

PUBLIC = "public"
MEMBERS = "members"


@dataclass(frozen=True)
class SearchRecord:
    """One document, independent of the engine that stores it."""

    kind: str
    object_id: str
    language: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    themes: tuple[str, ...] = ()
    domain: str = ""
    maturity: str = ""
    funding: str = ""
    country: str = ""
    city: str = ""  # the city it belongs to (slug), for case studies and challenges
    organisation: str = ""  # the owner (slug): city, vendor, ...
    date: datetime.date | None = None
    # Who may see it: "public", "members", or narrower tokens such as "org:12".
    audiences: tuple[str, ...] = (PUBLIC,)

    @property
    def doc_id(self) -> str:
        return f"{self.kind}-{self.object_id}-{self.language}"

    @property
    def year(self) -> str:
        return str(self.date.year) if self.date else ""

    def facet_values(self, facet: str) -> tuple[str, ...]:
        """The values this record counts under one facet of ``FACETS``."""
        value = self.themes if facet == "theme" else getattr(self, facet)
        if isinstance(value, tuple):
            return value
        return (value,) if value else ()


@dataclass(frozen=True)
class SearchableType:
    kind: str
    model: type[Model]
    indexable: Callable[[], QuerySet]
    to_records: Callable[[Model], Iterable[SearchRecord]]
    label: str | Promise = ""  # what one of these is called, e.g. "Case study"


# The facets every document may carry, in the order the search page shows them.
FACETS = ("kind", "theme", "domain", "maturity", "funding", "country", "city", "year")

_registry: dict[str, SearchableType] = {}
# facet -> function naming its values in the active language: {value: label}
_facet_labels: dict[str, Callable[[Iterable[str]], dict[str, str]]] = {}


def register(searchable: SearchableType) -> None:
    _registry[searchable.kind] = searchable


def register_facet_labels(facet: str,
                          labels: Callable[[Iterable[str]], dict[str, str]]) -> None:
    _facet_labels[facet] = labels


def facet_labels(facet: str, values: Iterable[str]) -> dict[str, str]:
    values = list(values)
    if facet == "kind":
        return {v: str(_registry[v].label) for v in values if v in _registry}
    resolve = _facet_labels.get(facet)
    return resolve(values) if resolve and values else {}


def searchable_type(kind: str) -> SearchableType:
    return _registry[kind]


def searchable_types() -> list[SearchableType]:
    return list(_registry.values())


def all_records() -> Iterator[SearchRecord]:
    """Every record that belongs in the index, streamed from the database."""
    for searchable in _registry.values():
        for obj in searchable.indexable().iterator(chunk_size=500):
            yield from searchable.to_records(obj)


def records_of(kind: str, object_id: str) -> list[SearchRecord]:
    """The documents one object should have now: none once it is unpublished or deleted."""
    searchable = _registry[kind]
    obj = searchable.indexable().filter(pk=object_id).first()
    return list(searchable.to_records(obj)) if obj is not None else []
