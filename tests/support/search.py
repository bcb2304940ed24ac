"""Asking an engine from a test in one line."""

from collections.abc import Iterable

from search.query import SearchQuery, SearchResults
from search.registry import PUBLIC


def find(engine, text: str = "", *, audiences: Iterable[str] = (PUBLIC,),
         language: str | None = None, **options) -> SearchResults:
    """Search after the engine has made every change visible (Elasticsearch refreshes
    within a second on its own; a test does not wait)."""
    engine.refresh()
    return engine.search(SearchQuery(audiences=frozenset(audiences), text=text,
                                     language=language, **options))


def titles(results) -> list[str]:
    return [hit.title for hit in getattr(results, "hits", results)]
