"""The Elasticsearch engine: one index behind an alias. A rebuild fills a new index and swaps
the alias atomically, so searches never meet an empty index."""

import datetime
import logging
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

from django.conf import settings
from django.utils import timezone
from elasticsearch import NotFoundError, helpers
from elasticsearch_dsl import Index, Search
from elasticsearch_dsl import Q as ESQ

from . import cluster
from .analysis import terms as analysed
from .documents import FACET_FIELDS, PortalDocument, bulk_action, scopes
from .matching import (
    TITLE_WEIGHT,
    AnalysedQuery,
    Phrase,
    analyse_query,
    highlight,
    results,
)
from .query import (
    MARK_END,
    MARK_START,
    SearchHit,
    SearchQuery,
    SearchResults,
    correct,
    facet_counts,
)
from .rebuild import rebuild
from .registry import (
    FACETS,
    SearchRecord,
    doc_id,
    language_codes,
    records_of_many,
    with_versions,
)

logger = logging.getLogger(__name__)

BULK_CHUNK = 500
HIT_SOURCE = ["kind", "object_id", "language", "title", "url", "summary", "date",
              "organisation"]
MARKED = re.compile(f"{MARK_START}(.*?){MARK_END}")
MARK_TAGS = {"pre_tags": [MARK_START], "post_tags": [MARK_END]}
# Above any relevance score: the reader's language first, the others after.
READER_LANGUAGE_BOOST = 10_000
TYPO_BOOST = 0.3  # a word matched only by its likeness counts less than one matched as typed


def _field(facet: str) -> str:
    return FACET_FIELDS.get(facet, facet)


def text_query(query: AnalysedQuery) -> dict:
    """Each query term matched as itself (in the title counting more), by its likeness
    when long enough, or through a glossary concept; most terms must match."""
    clauses = []
    for clause in query.clauses:
        ways: list[dict] = [
            {"term": {"title_terms": {"value": clause.term, "boost": TITLE_WEIGHT}}},
            {"term": {"terms": {"value": clause.term}}},
        ]
        if clause.typo_tolerant:
            ways.append({"fuzzy": {"terms": {"value": clause.term, "fuzziness": "AUTO",
                                             "prefix_length": 1, "boost": TYPO_BOOST}}})
        if clause.concepts:
            ids = sorted(clause.concepts)
            ways += [{"terms": {"title_concepts": ids, "boost": TITLE_WEIGHT}},
                     {"terms": {"concepts": ids}}]
        clauses.append({"dis_max": {"queries": ways, "tie_breaker": 0.3}})
    return {"bool": {"should": clauses, "minimum_should_match": query.required}}


def _hit(hit: dict, marks: frozenset[Phrase] = frozenset()) -> SearchHit:
    """A hit of a raw response (parsed without elasticsearch-dsl's wrappers: they cost more
    than the rest of the portal's work on a search)."""
    source = hit["_source"]
    summary = source.get("summary") or ""
    date = source.get("date")
    return SearchHit(kind=source["kind"], object_id=source["object_id"], title=source["title"],
                     url=source["url"], summary=summary,
                     date=datetime.date.fromisoformat(date[:10]) if date else None,
                     organisation=source.get("organisation") or "",
                     language=source.get("language") or "",
                     highlight=highlight(summary, marks))


def _facet_aggregations(selections: dict[str, dict]) -> dict:
    """One aggregation per facet, each counted under the other facets' selections (so a
    multi-select facet still offers its other values). Plain dicts: built per query, and
    elasticsearch-dsl's objects for eight of them cost more than the rest of the request."""
    return {
        facet: {
            "filter": {"bool": {"filter": [q for f, q in selections.items() if f != facet]}},
            "aggs": {"values": {"terms": {"field": _field(facet), "size": 100}}},
        }
        for facet in FACETS
    }


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, url: str, alias: str) -> None:
        self.url = url
        self.alias = alias
        self._index_ready = False
        self.client = cluster.client(url)

    # -- the index ---------------------------------------------------------------------

    def _create_index(self) -> str:
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        layout = cluster.layout()
        if problem := layout.problem(self.client.cluster.health()["number_of_data_nodes"]):
            logger.warning("search index %s: %s", name, problem)
        index = Index(name, using=self.client)
        index.settings(**layout.index_settings())
        index.document(PortalDocument)
        index.create()
        return name

    def ensure_index(self) -> None:
        if not self._alias_targets():
            name = self._create_index()
            self.client.indices.put_alias(index=name, name=self.alias)
            return
        # Fields added since the index was made (the node facet) are mapped before the first
        # document carries them, so Elasticsearch does not guess them as text; adding fields
        # is allowed in place, the others are unchanged.
        self.client.indices.put_mapping(index=self.alias,
                                        **PortalDocument._doc_type.mapping.to_dict())

    def _alias_targets(self) -> list[str]:
        try:
            return list(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def _bulk(self, records: Iterable[SearchRecord], index: str) -> int:
        """Index ``records``: each chunk is analysed here (the database is read in this
        thread) while a second thread sends the previous one to the cluster."""
        indexed = 0
        versions = iter(with_versions(records))
        with ThreadPoolExecutor(max_workers=1) as sender:
            sending = None
            while batch := list(islice(versions, BULK_CHUNK)):
                actions = [bulk_action(r, index) for r in batch]
                if sending:
                    indexed += sending.result()
                sending = sender.submit(self._send, actions)
            if sending:
                indexed += sending.result()
        return indexed

    def _send(self, actions: list[dict]) -> int:
        indexed, _errors = helpers.bulk(self.client, actions, chunk_size=BULK_CHUNK,
                                        refresh=False)
        return indexed

    def rebuild(self, records: Iterable[SearchRecord] | None = None) -> int:
        """Everything in the database (or ``records``) indexed afresh; see ``search.rebuild``."""
        return rebuild(self, records)

    def replace_all(self, records: Iterable[SearchRecord]) -> int:
        """A new index from ``records``, then the alias moves to it in one step and the old
        index goes."""
        new_index = self._create_index()
        try:
            # Nobody searches the new index yet: no refreshes while it loads, one at the end.
            self.client.indices.put_settings(index=new_index,
                                             settings={"refresh_interval": "-1"})
            count = self._bulk(records, new_index)
            self.client.indices.put_settings(index=new_index,
                                             settings={"refresh_interval": None})
            self.client.indices.refresh(index=new_index)
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
        self.sync_many(kind, [object_id])

    def sync_many(self, kind: str, object_ids: Sequence[str]) -> None:
        """Make some objects' documents match the database, in one bulk request: index what
        they yield now, and remove what they no longer do (unpublished, deleted, a language
        dropped). Visible to searches at the next refresh (within a second); no refresh is
        forced per change."""
        records = records_of_many(kind, object_ids)
        if not self._index_ready:
            self.ensure_index()
            self._index_ready = True
        current = {r.doc_id for r in records}
        # Deleted by id in every language the objects could have (the minimal distribution
        # has no _delete_by_query); deleting a document that is not there is a harmless 404.
        stale = [doc_id(kind, object_id, code) for object_id in object_ids
                 for code in language_codes()]
        actions = [bulk_action(r, self.alias) for r in with_versions(records)]
        actions += [{"_op_type": "delete", "_index": self.alias, "_id": stale_id}
                    for stale_id in stale if stale_id not in current]
        try:
            helpers.bulk(self.client, actions, ignore_status=(404,))
        except Exception:
            self._index_ready = False  # the alias may have gone: check again next time
            raise

    def refresh(self) -> None:
        """Make every change so far visible to searches now (tests, benchmarks)."""
        self.client.indices.refresh(index=self.alias)

    def health(self) -> dict:
        health = self.client.options(request_timeout=2).cluster.health()
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
                "documents_by_kind": counts,
                **cluster.describe(self.client, self.url, targets[0] if targets else None)}

    # -- queries -----------------------------------------------------------------------

    def _visible(self, audiences: Iterable[str], language: str | None) -> Search:
        search = (Search(using=self.client, index=self.alias)
                  .filter("terms", audiences=sorted(audiences)))
        return search.filter("term", language=language) if language else search

    def _execute(self, search: Search) -> dict:
        return self.client.search(index=self.alias, body=search.to_dict()).body

    def _readable(self, audiences: Iterable[str], language: str | None) -> Search:
        """What a reader may see: one version of each object, theirs where there is one."""
        search = (Search(using=self.client, index=self.alias)
                  .filter("terms", audiences=sorted(audiences)))
        return search.filter("term", shown_for=language) if language else search

    def search_body(self, query: SearchQuery, analysed: AnalysedQuery | None = None) -> dict:
        """The request the portal sends for ``query`` (the benchmark replays it raw)."""
        analysed = analysed or analyse_query(query.text)
        search = self._readable(query.audiences, query.language)
        must = [text_query(analysed) if analysed.clauses
                else {"match_none": {}} if query.text  # only particles or punctuation
                else {"match_all": {}}]
        should = []
        if query.language:
            # Relevance order: the reader's language first. Newest: the same, then by date.
            boost = READER_LANGUAGE_BOOST if query.sort == "relevance" else 1
            should = [{"constant_score": {"filter": {"term": {"language": query.language}},
                                          "boost": boost}}]
            if query.sort == "newest":
                must = [{"constant_score": {"filter": m, "boost": 0}} for m in must]
        search = search.query(ESQ({"bool": {"must": must, "should": should}}))
        if query.date_from or query.date_to:
            search = search.filter("range", date={k: v for k, v in (
                ("gte", query.date_from), ("lte", query.date_to)) if v})
        # Facet selections go in post_filter; each facet is counted under the others'.
        selections = {facet: ESQ("terms", **{_field(facet): list(values)})
                      for facet, values in query.filters.items()}
        if selections:
            search = search.post_filter("bool", filter=list(selections.values()))
        if query.sort == "newest" and not query.language:
            search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
        else:
            search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}})
        search = search.source(HIT_SOURCE).extra(track_total_hits=True)
        body = search[query.offset:query.offset + query.per_page].to_dict()
        body["aggs"] = _facet_aggregations(
            {facet: q.to_dict() for facet, q in selections.items()})
        return body

    def search(self, query: SearchQuery) -> SearchResults:
        analysed = analyse_query(query.text)
        try:
            response = self.client.search(index=self.alias,
                                          body=self.search_body(query, analysed)).body
        except NotFoundError:  # no index yet
            return SearchResults(total=0, page=query.page, per_page=query.per_page)
        aggregations = response["aggregations"]
        facets = {
            facet: facet_counts(query, {b["key"]: b["doc_count"] for b in
                                        aggregations[facet]["values"]["buckets"]}, facet)
            for facet in FACETS
        }
        total = response["hits"]["total"]["value"]
        hits = [_hit(h, analysed.marks) for h in response["hits"]["hits"]]
        return results(query, analysed, hits, total, facets, self._did_you_mean)

    def did_you_mean_body(self, query: SearchQuery) -> dict:
        """The request sent when ``query`` found nothing: a fuzzy match over documents the
        viewer may see (audience and language filters apply), so no hidden document lends
        its words to a suggestion."""
        return (self._readable(query.audiences, query.language)
                .query("multi_match", query=query.text, fields=["title", "summary"],
                       fuzziness="AUTO")
                .highlight_options(**MARK_TAGS)
                .highlight("title", "summary").source(False))[:3].to_dict()

    def _did_you_mean(self, query: SearchQuery) -> str:
        response = self.client.search(index=self.alias, body=self.did_you_mean_body(query))
        words = {w.lower() for hit in response["hits"]["hits"]
                 for fragments in hit.get("highlight", {}).values()
                 for fragment in fragments for w in MARKED.findall(fragment)}
        return correct(query.terms, words, 0.6)

    def suggest(self, prefix: str, *, audiences: Iterable[str], language: str | None,
                limit: int = 8) -> list[SearchHit]:
        if not prefix.strip():
            return []
        languages = [language] if language else language_codes()
        contexts = {"scope": scopes(audiences, languages)}
        search = (Search(using=self.client, index=self.alias).source(HIT_SOURCE)
                  .suggest("titles", prefix.strip(), completion={
                      "field": "suggest", "size": limit, "skip_duplicates": True,
                      "contexts": contexts}))
        try:
            options = search.execute().suggest.titles[0].options
        except NotFoundError:
            return []
        return [SearchHit(kind=o._source.kind, object_id=o._source.object_id,
                          title=o._source.title, url=o._source.url) for o in options]

    def _like(self, like: list, *, kinds: Iterable[str], audiences: Iterable[str],
              language: str | None, limit: int) -> list[SearchHit]:
        search = (self._visible(audiences, language).filter("terms", kind=list(kinds))
                  .query("more_like_this", fields=["terms"], like=like,
                         min_term_freq=1, min_doc_freq=1, max_query_terms=40,
                         minimum_should_match="3")
                  .source(HIT_SOURCE))[:limit]
        try:
            return [_hit(h) for h in self._execute(search)["hits"]["hits"]]
        except NotFoundError:
            return []

    def similar(self, kind: str, object_id: str, *, audiences: Iterable[str],
                language: str | None, limit: int = 4) -> list[SearchHit]:
        # The document's own text as the "like": liking it by _id returned no hits on the
        # minimal distribution in our tests.
        try:
            source = self.client.get(
                index=self.alias, id=doc_id(kind, object_id, language or settings.LANGUAGE_CODE),
                source_includes=["terms"])["_source"]
        except NotFoundError:
            return []
        hits = self._like([source.get("terms", "")], kinds=[kind], audiences=audiences,
                          language=language, limit=limit + 1)
        return [h for h in hits if h.object_id != object_id][:limit]

    def matching(self, text: str, *, kinds: Iterable[str], audiences: Iterable[str],
                 language: str | None, limit: int = 6) -> list[SearchHit]:
        if not text.strip():
            return []
        return self._like([" ".join(analysed(text))], kinds=kinds, audiences=audiences,
                          language=language, limit=limit)
