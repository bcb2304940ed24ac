"""Which objects become search documents, declared by each app in its own ``search.py``.

``search`` knows the other apps only through these declarations: a kind, the queryset of
objects that belong in the index, and a function turning one object into records (one per
language it is written in).
"""

import datetime
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import get_language

PUBLIC = "public"
MEMBERS = "members"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def doc_id(kind: str, object_id: str, language: str) -> str:
    return f"{kind}-{object_id}-{language}"


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
    node: str = ""  # the peer node it was harvested from (its key), "" for this node's own
    date: datetime.date | None = None
    # Who may see it: "public", "members", or narrower tokens such as "org:12".
    audiences: tuple[str, ...] = (PUBLIC,)
    # The readers' languages this version is shown to: its own, and each language the
    # object has no version in (filled by ``with_versions``).
    shown_for: tuple[str, ...] = ()

    @property
    def object_key(self) -> str:
        return f"{self.kind}-{self.object_id}"

    @property
    def doc_id(self) -> str:
        return doc_id(self.kind, self.object_id, self.language)

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
    # Further concrete models whose changes concern this kind (page types sharing "page").
    more_models: tuple[type[Model], ...] = ()

    @property
    def models(self) -> tuple[type[Model], ...]:
        return (self.model, *self.more_models)


# The facets every document may carry, in the order the search page shows them.
FACETS = ("kind", "node", "theme", "domain", "maturity", "funding", "country", "city", "year")

_registry: dict[str, SearchableType] = {}
# facet -> function naming its values in the active language: {value: label}
_facet_labels: dict[str, Callable[[Iterable[str]], dict[str, str]]] = {}


def register(searchable: SearchableType) -> None:
    _registry[searchable.kind] = searchable


def register_facet_labels(facet: str,
                          labels: Callable[[Iterable[str]], dict[str, str]]) -> None:
    _facet_labels[facet] = labels


LABEL_TTL = 300  # seconds a renamed theme or city may keep its old name in the facets


def facet_labels(facet: str, values: Iterable[str]) -> dict[str, str]:
    """Names of facet values in the active language, cached: every search page shows them."""
    values = list(values)
    if facet == "kind":
        return {v: str(_registry[v].label) for v in values if v in _registry}
    resolve = _facet_labels.get(facet)
    if not resolve or not values:
        return {}
    prefix = f"search:label:{get_language()}:{facet}:"
    cached = {key.removeprefix(prefix): label
              for key, label in cache.get_many([prefix + v for v in values]).items()}
    missing = [v for v in values if v not in cached]
    if missing:
        found = resolve(missing)
        cache.set_many({prefix + v: label for v, label in found.items()}, LABEL_TTL)
        cached.update(found)
    return cached


def searchable_types() -> list[SearchableType]:
    return list(_registry.values())


def all_records() -> Iterator[SearchRecord]:
    """Every record that belongs in the index, streamed from the database."""
    for searchable in _registry.values():
        for obj in searchable.indexable().iterator(chunk_size=500):
            yield from searchable.to_records(obj)


def with_versions(records: Iterable[SearchRecord]) -> Iterator[SearchRecord]:
    """``records`` with ``shown_for`` filled: an object's versions come together, and a
    reader sees the version in their language, or else the one there is, marked."""
    codes = language_codes()

    def settled(versions: list[SearchRecord]) -> Iterator[SearchRecord]:
        missing = [code for code in codes if code not in {v.language for v in versions}]
        for version in versions:
            yield replace(version, shown_for=(version.language, *missing))

    pending: list[SearchRecord] = []
    for record in records:
        if pending and record.object_key != pending[0].object_key:
            yield from settled(pending)
            pending = []
        pending.append(record)
    yield from settled(pending)


def records_of(kind: str, object_id: str) -> list[SearchRecord]:
    """The documents one object should have now: none once it is unpublished or deleted."""
    return records_of_many(kind, [object_id])


def records_of_many(kind: str, object_ids: Collection[str]) -> list[SearchRecord]:
    """The documents some objects of ``kind`` should have now, read together."""
    searchable = _registry[kind]
    return [record for obj in searchable.indexable().filter(pk__in=list(object_ids))
            for record in searchable.to_records(obj)]


@dataclass(frozen=True)
class ConceptSeed:
    """A glossary concept an app contributes (its organisations, its taxonomy), in both
    languages; ``search.glossary.seed`` stores the missing ones."""

    key: str
    label_ko: str
    label_en: str
    alt_ko: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()


_concept_sources: list[Callable[[], Iterable[ConceptSeed]]] = []


def register_concepts(source: Callable[[], Iterable[ConceptSeed]]) -> None:
    if source not in _concept_sources:
        _concept_sources.append(source)


def contributed_concepts() -> Iterator[ConceptSeed]:
    for source in _concept_sources:
        yield from source()
