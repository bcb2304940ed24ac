"""Which objects become search documents, declared by each app in its own ``search.py``.

``search`` knows the other apps only through these declarations: a kind, the queryset of
objects that belong in the index, and a function turning one object into records (one per
language it is written in).
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet

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
    country: str = ""
    organisation: str = ""
    date: datetime.date | None = None
    # Who may see it: "public", "members", or narrower tokens such as "org:12".
    audiences: tuple[str, ...] = (PUBLIC,)

    @property
    def doc_id(self) -> str:
        return f"{self.kind}-{self.object_id}-{self.language}"


@dataclass(frozen=True)
class SearchableType:
    kind: str
    model: type[Model]
    indexable: Callable[[], QuerySet]
    to_records: Callable[[Model], Iterable[SearchRecord]]
    # Model fields the database engine matches a query against.
    text_fields: tuple[str, ...] = field(default_factory=tuple)


_registry: dict[str, SearchableType] = {}


def register(searchable: SearchableType) -> None:
    _registry[searchable.kind] = searchable


def searchable_type(kind: str) -> SearchableType:
    return _registry[kind]


def searchable_types() -> list[SearchableType]:
    return list(_registry.values())


def all_records() -> Iterator[SearchRecord]:
    """Every record that belongs in the index, streamed from the database."""
    for searchable in _registry.values():
        for obj in searchable.indexable().iterator(chunk_size=500):
            yield from searchable.to_records(obj)
