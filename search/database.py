"""The database engine, the embedded default when ``ELASTICSEARCH_URL`` is unset: the same
documents as Elasticsearch, kept in two tables, matched with plain SQL and counted with the
ORM. Good for a development machine or a small deployment; Elasticsearch for scale."""

import re
from collections.abc import Iterable
from functools import reduce
from itertools import islice
from operator import add, or_

from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from .analysis import fold, key_terms
from .models import AUDIENCE, SearchEntry, SearchTag
from .query import SearchHit, SearchQuery, SearchResults, correct, facet_counts, mark_terms
from .rebuild import rebuild
from .registry import FACETS, SearchRecord, records_of

VOCABULARY_DOCUMENTS = 2000  # did-you-mean reads at most this many documents' words


def _batches(records: Iterable[SearchRecord], size: int) -> Iterable[list[SearchRecord]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _entry(record: SearchRecord) -> SearchEntry:
    return SearchEntry(
        doc_id=record.doc_id, kind=record.kind, object_id=record.object_id,
        language=record.language, title=record.title[:400], summary=record.summary,
        body=record.body, folded=fold(" ".join((record.title, record.summary, record.body))),
        folded_title=fold(record.title)[:400], date=record.date,
        organisation=record.organisation, url=record.url)


def _tags(entry: SearchEntry, record: SearchRecord) -> Iterable[SearchTag]:
    for audience in record.audiences:
        yield SearchTag(entry=entry, facet=AUDIENCE, value=audience)
    for facet in FACETS:
        for value in record.facet_values(facet):
            yield SearchTag(entry=entry, facet=facet, value=value)


def _hit(entry: SearchEntry, terms: list[str] | None = None) -> SearchHit:
    return SearchHit(
        kind=entry.kind, object_id=entry.object_id, title=entry.title, url=entry.url,
        summary=entry.summary, date=entry.date, organisation=entry.organisation,
        highlight=mark_terms(entry.summary or entry.body, terms or []))


def _score(terms: list[str], field: str = "folded_title") -> Case | Value:
    """How many of ``terms`` a field contains: a rough relevance for ordering."""
    if not terms:
        return Value(0)
    return reduce(add, (Case(When(**{f"{field}__contains": fold(t)}, then=1), default=0,
                             output_field=IntegerField()) for t in terms))


class DatabaseEngine:
    name = "database"

    def _store(self, records: Iterable[SearchRecord]) -> int:
        stored = 0
        for batch in _batches(records, 500):
            entries = SearchEntry.objects.bulk_create([_entry(r) for r in batch])
            SearchTag.objects.bulk_create(
                [tag for entry, record in zip(entries, batch, strict=True)
                 for tag in _tags(entry, record)])
            stored += len(entries)
        return stored

    def rebuild(self, records: Iterable[SearchRecord] | None = None) -> int:
        """Everything in the database (or ``records``) indexed afresh; see ``search.rebuild``."""
        return rebuild(self, records)

    def replace_all(self, records: Iterable[SearchRecord]) -> int:
        """One transaction: searches see the old entries until the new ones commit."""
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            return self._store(records)

    def sync(self, kind: str, object_id: str) -> None:
        with transaction.atomic():
            SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
            self._store(records_of(kind, object_id))

    def refresh(self) -> None:
        """Changes are visible as soon as they commit."""

    def health(self) -> dict:
        return {"ok": True, "engine": self.name}

    def status(self) -> dict:
        counts = dict(SearchEntry.objects.values_list("kind").annotate(n=Count("pk")))
        return {"engine": self.name, "documents_by_kind": counts}

    def _visible(self, audiences: Iterable[str], language: str | None) -> QuerySet:
        return SearchEntry.objects.visible_to(audiences).in_language(language)

    def search(self, query: SearchQuery) -> SearchResults:
        base = self._visible(query.audiences, query.language)
        for term in query.terms:
            base = base.filter(folded__contains=fold(term))
        if query.date_from:
            base = base.filter(date__gte=query.date_from)
        if query.date_to:
            base = base.filter(date__lte=query.date_to)

        def filtered(excluding: str | None = None) -> QuerySet:
            matches = base
            for facet, values in query.filters.items():
                if facet != excluding:
                    matches = matches.tagged(facet, values)
            return matches

        facets = {}
        for facet in FACETS:
            rows = (SearchTag.objects.filter(facet=facet, entry__in=filtered(facet))
                    .values_list("value").annotate(n=Count("pk")))
            facets[facet] = facet_counts(query, dict(rows), facet)
        matches = filtered()
        total = matches.count()
        if query.sort == "newest":
            ordered = matches.order_by(F("date").desc(nulls_last=True), "doc_id")
        else:
            ordered = matches.annotate(score=_score(query.terms)).order_by(
                "-score", "-date", "doc_id")
        page = ordered[query.offset:query.offset + query.per_page]
        return SearchResults(
            total=total, hits=[_hit(e, query.terms) for e in page], facets=facets,
            suggestion=self._did_you_mean(query) if total == 0 and query.terms else "",
            page=query.page, per_page=query.per_page)

    def _did_you_mean(self, query: SearchQuery) -> str:
        """Known words near the query's, from the newest documents the viewer may see."""
        texts = (self._visible(query.audiences, query.language).order_by("-date")
                 .values_list("title", "summary")[:VOCABULARY_DOCUMENTS])
        vocabulary = {w for text in texts for w in re.findall(r"\w{3,}", " ".join(text).lower())}
        return correct(query.terms, vocabulary, 0.75)

    def suggest(self, prefix: str, *, audiences: Iterable[str], language: str | None,
                limit: int = 8) -> list[SearchHit]:
        folded = fold(prefix)
        if not folded:
            return []
        entries = (self._visible(audiences, language).filter(folded_title__contains=folded)
                   .annotate(later=Case(When(folded_title__startswith=folded, then=0),
                                        default=1, output_field=IntegerField()))
                   .order_by("later", "title")[:limit])
        return [_hit(e) for e in entries]

    def similar(self, kind: str, object_id: str, *, audiences: Iterable[str],
                language: str | None, limit: int = 4) -> list[SearchHit]:
        """Documents of the same kind sharing the most themes and service domain."""
        tags = list(SearchTag.objects.filter(
            entry__kind=kind, entry__object_id=object_id, facet__in=("theme", "domain"))
            .values_list("facet", "value").distinct())
        if not tags:
            return []
        shared = reduce(or_, (Q(tags__facet=f, tags__value=v) for f, v in tags))
        entries = (self._visible(audiences, language).filter(kind=kind)
                   .exclude(object_id=object_id)
                   .annotate(shared=Count("tags", filter=shared)).filter(shared__gt=0)
                   .order_by("-shared", "-date", "doc_id")[:limit])
        return [_hit(e) for e in entries]

    def matching(self, text: str, *, kinds: Iterable[str], audiences: Iterable[str],
                 language: str | None, limit: int = 6) -> list[SearchHit]:
        """Documents that share the most distinctive words with ``text``."""
        terms = key_terms(text)
        if not terms:
            return []
        needed = 2 if len(terms) >= 4 else 1
        entries = (self._visible(audiences, language).filter(kind__in=list(kinds))
                   .annotate(score=_score(terms, "folded")).filter(score__gte=needed)
                   .order_by("-score", "-date", "doc_id")[:limit])
        return [_hit(e, terms) for e in entries]
