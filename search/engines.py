"""The two search engines behind one interface: Elasticsearch when ``ELASTICSEARCH_URL`` is
set, the database otherwise (the embedded default)."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch_dsl import Index, Search
from elasticsearch_dsl import Q as ESQ

from .analysis import hangul_bigrams
from .documents import LANGUAGE_ANALYZERS, TEXT_FIELDS, PortalDocument, language_subfields
from .outbox import held_changes
from .registry import SearchRecord, all_records, searchable_type, searchable_types

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    title: str
    url: str
    summary: str = ""


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: list[SearchHit] = field(default_factory=list)


def _visible(record: SearchRecord, audiences: set[str], language: str | None) -> bool:
    return bool(audiences & set(record.audiences)) and language in (None, record.language)


class DatabaseEngine:
    """Matches queries against the declared text fields of each searchable model."""

    name = "database"

    def index(self, records: Iterable[SearchRecord]) -> int:
        return 0  # reads live rows: nothing to store

    def rebuild(self) -> int:
        return 0

    def sync(self, kind: str, object_id: str) -> None:
        pass  # reads live rows

    def health(self) -> dict:
        return {"ok": True, "engine": self.name}

    def status(self) -> dict:
        counts = {s.kind: s.indexable().count() for s in searchable_types()}
        return {"engine": self.name, "documents_by_kind": counts}

    def search(
        self, text: str, *, audiences: set[str], language: str | None = None, limit: int = 20
    ) -> SearchResults:
        terms = text.split()
        hits: list[SearchHit] = []
        for searchable in searchable_types():
            if not terms or not searchable.text_fields:
                continue
            matches = reduce(
                or_, (Q(**{f"{f}__icontains": t}) for f in searchable.text_fields for t in terms)
            )
            for obj in searchable.indexable().filter(matches)[:limit]:
                hits.extend(
                    SearchHit(r.kind, r.title, r.url, r.summary)
                    for r in searchable.to_records(obj)
                    if _visible(r, audiences, language)
                )
        return SearchResults(total=len(hits), hits=hits[:limit])


BOOSTS = {"title": 3, "summary": 2, "body": 1}
# Sub-fields missing from an index (no such analysis module) are ignored by multi_match.
QUERY_FIELDS = [
    f"{field}{suffix}^{BOOSTS[field]}"
    for field in TEXT_FIELDS
    for suffix in ["", *(f".{name}" for name in LANGUAGE_ANALYZERS)]
]


class ElasticsearchEngine:
    """One index behind an alias; a rebuild fills a new index and swaps the alias atomically,
    so searches never meet an empty index."""

    name = "elasticsearch"

    def __init__(self, url: str, alias: str) -> None:
        self.alias = alias
        self.client = Elasticsearch(url, request_timeout=30)

    def _create_index(self) -> str:
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.document(PortalDocument)
        index.create()
        extra = language_subfields(self._analysis_modules())
        if extra:
            self.client.indices.put_mapping(index=name, properties=extra)
        return name

    def _analysis_modules(self) -> set[str]:
        nodes = self.client.nodes.info(metric="plugins")["nodes"].values()
        return {m["name"] for node in nodes for m in node["modules"] + node["plugins"]}

    def ensure_index(self) -> None:
        if not self._alias_targets():
            name = self._create_index()
            self.client.indices.put_alias(index=name, name=self.alias)

    def index(self, records: Iterable[SearchRecord]) -> int:
        self.ensure_index()
        return self._bulk(records, self.alias)

    def _bulk(self, records: Iterable[SearchRecord], index: str) -> int:
        actions = (
            PortalDocument.from_record(r, index).to_dict(include_meta=True) for r in records
        )
        indexed, _errors = helpers.bulk(self.client, actions, chunk_size=500, refresh="wait_for")
        return indexed

    def _alias_targets(self) -> list[str]:
        try:
            return list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def rebuild(self) -> int:
        with held_changes():
            new_index = self._create_index()
            try:
                count = self._bulk(all_records(), new_index)
            except Exception:
                self.client.indices.delete(index=new_index)
                raise
            old = self._alias_targets()
            actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
            actions.append({"add": {"index": new_index, "alias": self.alias}})
            self.client.indices.update_aliases(actions=actions)
            for name in old:
                self.client.indices.delete(index=name)
        logger.info("search index rebuilt", extra={"index": new_index, "documents": count})
        return count

    def sync(self, kind: str, object_id: str) -> None:
        """Make one object's documents match the database: index what it yields now, and
        remove what it no longer does (unpublished, deleted, a language dropped)."""
        searchable = searchable_type(kind)
        obj = searchable.indexable().filter(pk=object_id).first()
        records = list(searchable.to_records(obj)) if obj is not None else []
        self.ensure_index()
        if records:
            self._bulk(records, self.alias)
        # Found and deleted by id: the minimal distribution has no _delete_by_query.
        stale = (Search(using=self.client, index=self.alias)
                 .filter("term", kind=kind).filter("term", object_id=object_id)
                 .exclude("ids", values=[r.doc_id for r in records]).source(False))
        deletions = [{"_op_type": "delete", "_index": self.alias, "_id": hit.meta.id}
                     for hit in stale.scan()]
        if deletions:
            helpers.bulk(self.client, deletions, refresh="wait_for")

    def health(self) -> dict:
        health = self.client.options(request_timeout=2, max_retries=0).cluster.health()
        return {"ok": health["status"] in ("green", "yellow"), "engine": self.name,
                "status": health["status"]}

    def status(self) -> dict:
        targets = self._alias_targets()
        counts: dict[str, int] = {}
        if targets:
            search = Search(using=self.client, index=self.alias).extra(size=0)
            search.aggs.bucket("kinds", "terms", field="kind", size=50)
            response = search.execute()
            counts = {b.key: b.doc_count for b in response.aggregations.kinds.buckets}
        return {"engine": self.name, "alias": self.alias, "index": ", ".join(targets) or None,
                "documents_by_kind": counts}

    def search(
        self, text: str, *, audiences: set[str], language: str | None = None, limit: int = 20
    ) -> SearchResults:
        self.ensure_index()
        query = ESQ("multi_match", query=text, fields=QUERY_FIELDS)
        bigrams = hangul_bigrams(text)
        if bigrams:
            query |= ESQ("match", hangul={"query": bigrams, "operator": "and"})
        search = (
            Search(using=self.client, index=self.alias)
            .query(query)
            .filter("terms", audiences=sorted(audiences))
        )
        if language:
            search = search.filter("term", language=language)
        response = search[:limit].execute()
        hits = [SearchHit(h.kind, h.title, h.url, h.summary) for h in response]
        return SearchResults(total=response.hits.total.value, hits=hits)


@cache
def get_engine() -> DatabaseEngine | ElasticsearchEngine:
    if settings.SEARCH_ENGINE == "elasticsearch":
        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_ALIAS)
    return DatabaseEngine()
