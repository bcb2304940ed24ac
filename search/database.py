"""The database engine, the embedded default when ``ELASTICSEARCH_URL`` is unset: the same
documents as Elasticsearch, kept in two tables, matched with plain SQL and counted with the
ORM. Good for a development machine or a small deployment; Elasticsearch for scale."""

import difflib
import re
from collections.abc import Iterable, Sequence
from functools import reduce
from itertools import islice
from operator import add, or_

from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from .analysis import fold, key_terms, tokens
from .matching import (
    TITLE_WEIGHT,
    AnalysedQuery,
    Phrase,
    analyse_query,
    analyse_record,
    highlight,
    results,
)
from .models import AUDIENCE, SearchEntry, SearchTag, SearchTerm
from .query import SearchHit, SearchQuery, SearchResults, correct, facet_counts, marked
from .rebuild import rebuild
from .registry import FACETS, SearchRecord, records_of_many, with_versions

VOCABULARY_DOCUMENTS = 2000  # did-you-mean reads at most this many documents' words
CONCEPT, TITLE_CONCEPT, SHOWN_FOR = "concept", "title_concept", "shown_for"


def _batches(records: Iterable[SearchRecord], size: int) -> Iterable[list[SearchRecord]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _spaced(terms: str) -> str:
    return f" {terms} " if terms else ""


def _stored(record: SearchRecord) -> tuple[SearchEntry, list[tuple[str, str]]]:
    """The entry of a record, and its tags other than the entry itself."""
    analysed = analyse_record(record)
    entry = SearchEntry(
        doc_id=record.doc_id, kind=record.kind, object_id=record.object_id,
        language=record.language, title=record.title[:400], summary=record.summary,
        body=record.body, terms=_spaced(analysed.terms),
        title_terms=_spaced(analysed.title_terms),
        folded_title=fold(record.title)[:400], date=record.date,
        organisation=record.organisation, url=record.url)
    tags = [(AUDIENCE, audience) for audience in record.audiences]
    tags += [(facet, value) for facet in FACETS for value in record.facet_values(facet)]
    tags += [(SHOWN_FOR, code) for code in record.shown_for or (record.language,)]
    tags += [(CONCEPT, c) for c in analysed.concepts]
    tags += [(TITLE_CONCEPT, c) for c in analysed.title_concepts]
    return entry, tags


def _vocabulary(record: SearchRecord) -> dict[str, str]:
    """word as written (lower case) -> its term, for typo tolerance and did-you-mean."""
    text = f"{record.title} {record.summary}"
    return {text[t.start:t.end].lower()[:80]: t.term[:80] for t in tokens(text)
            if t.term.isalpha() and t.term.isascii()}


def _hit(entry: SearchEntry, marks: frozenset[Phrase] = frozenset()) -> SearchHit:
    return SearchHit(
        kind=entry.kind, object_id=entry.object_id, title=entry.title, url=entry.url,
        summary=entry.summary, date=entry.date, organisation=entry.organisation,
        language=entry.language,
        highlight=(highlight(entry.summary, marks) or highlight(entry.body[:2000], marks))
        if marks else marked(""))


def _score(terms: list[str], field: str = "terms") -> Case | Value:
    """How many of ``terms`` a field contains."""
    if not terms:
        return Value(0)
    return reduce(add, (Case(When(**{f"{field}__contains": f" {t} "}, then=1), default=0,
                             output_field=IntegerField()) for t in terms))


def _tagged(facet: str, values: Iterable[str]) -> Q:
    return Q(pk__in=SearchTag.objects.filter(facet=facet, value__in=list(values))
             .values("entry"))


def _likely_terms(term: str) -> list[str]:
    """Indexed terms that ``term`` is probably a misspelling of (the first letter is rarely
    the one mistyped)."""
    known = SearchTerm.objects.filter(term__startswith=term[0]).values_list(
        "term", flat=True).distinct()
    return difflib.get_close_matches(term, list(known), 3, 0.75)


class DatabaseEngine:
    name = "database"

    def _store(self, records: Iterable[SearchRecord]) -> int:
        stored = 0
        for batch in _batches(with_versions(records), 500):
            analysed = [_stored(r) for r in batch]
            entries = SearchEntry.objects.bulk_create([entry for entry, _tags in analysed])
            SearchTag.objects.bulk_create(
                [SearchTag(entry=entry, facet=facet, value=value[:80])
                 for entry, (_entry, tags) in zip(entries, analysed, strict=True)
                 for facet, value in tags])
            vocabulary = {w: t for r in batch for w, t in _vocabulary(r).items()}
            SearchTerm.objects.bulk_create(
                [SearchTerm(word=w, term=t) for w, t in vocabulary.items()],
                ignore_conflicts=True)
            stored += len(entries)
        return stored

    def rebuild(self, records: Iterable[SearchRecord] | None = None) -> int:
        """Everything in the database (or ``records``) indexed afresh; see ``search.rebuild``."""
        return rebuild(self, records)

    def replace_all(self, records: Iterable[SearchRecord]) -> int:
        """One transaction: searches see the old entries until the new ones commit."""
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            SearchTerm.objects.all().delete()
            return self._store(records)

    def sync(self, kind: str, object_id: str) -> None:
        self.sync_many(kind, [object_id])

    def sync_many(self, kind: str, object_ids: Sequence[str]) -> None:
        with transaction.atomic():
            SearchEntry.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()
            self._store(records_of_many(kind, object_ids))

    def refresh(self) -> None:
        """Changes are visible as soon as they commit."""

    def health(self) -> dict:
        return {"ok": True, "engine": self.name}

    def status(self) -> dict:
        counts = dict(SearchEntry.objects.values_list("kind").annotate(n=Count("pk")))
        return {"engine": self.name, "documents_by_kind": counts}

    def _visible(self, audiences: Iterable[str], language: str | None) -> QuerySet:
        return SearchEntry.objects.visible_to(audiences).in_language(language)

    def _readable(self, audiences: Iterable[str], language: str | None) -> QuerySet:
        """What a reader may see: one version of each object, theirs where there is one."""
        entries = SearchEntry.objects.visible_to(audiences)
        return entries.tagged(SHOWN_FOR, [language]) if language else entries

    def _clauses(self, analysed: AnalysedQuery) -> tuple[list[Q], list[Q]]:
        """Per query term, what matches it anywhere and what matches it in the title: the
        term, its likely spellings when it is not indexed as typed, its concepts."""
        typed = {c.term for c in analysed.clauses if c.typo_tolerant}
        indexed = set(SearchTerm.objects.filter(term__in=typed).values_list("term", flat=True))
        unknown = typed - indexed
        anywhere, in_title = [], []
        for clause in analysed.clauses:
            spellings = [clause.term]
            if clause.term in unknown:
                spellings += _likely_terms(clause.term)
            anywhere_q = reduce(or_, (Q(terms__contains=f" {t} ") for t in spellings))
            title_q = reduce(or_, (Q(title_terms__contains=f" {t} ") for t in spellings))
            if clause.concepts:
                anywhere_q |= _tagged(CONCEPT, clause.concepts)
                title_q |= _tagged(TITLE_CONCEPT, clause.concepts)
            anywhere.append(anywhere_q)
            in_title.append(title_q)
        return anywhere, in_title

    def search(self, query: SearchQuery) -> SearchResults:
        analysed = analyse_query(query.text)
        base = self._readable(query.audiences, query.language)
        score: Case | Value = Value(0)
        if analysed.clauses:
            anywhere, in_title = self._clauses(analysed)
            matched = reduce(add, (Case(When(q, then=1), default=0, output_field=IntegerField())
                                   for q in anywhere))
            score = reduce(add, (Case(When(t, then=TITLE_WEIGHT), When(q, then=1), default=0,
                                      output_field=IntegerField())
                                 for q, t in zip(anywhere, in_title, strict=True)))
            base = SearchEntry.objects.filter(pk__in=base.annotate(matched=matched).filter(
                matched__gte=analysed.required).values("pk"))
        elif query.text:  # only particles or punctuation
            base = base.none()
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
        theirs = Case(When(language=query.language, then=0), default=1,
                      output_field=IntegerField())
        if query.sort == "newest":
            ordered = matches.annotate(theirs=theirs).order_by(
                "theirs", F("date").desc(nulls_last=True), "doc_id")
        else:
            ordered = matches.annotate(theirs=theirs, score=score).order_by(
                "theirs", "-score", F("date").desc(nulls_last=True), "doc_id")
        page = ordered[query.offset:query.offset + query.per_page]
        hits = [_hit(e, analysed.marks) for e in page]
        return results(query, analysed, hits, total, facets, self._did_you_mean)

    def _did_you_mean(self, query: SearchQuery) -> str:
        """Known words near the query's, from the newest documents the viewer may see."""
        texts = (self._readable(query.audiences, query.language).order_by("-date")
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
                   .annotate(score=_score(terms)).filter(score__gte=needed)
                   .order_by("-score", "-date", "doc_id")[:limit])
        return [_hit(e, frozenset(terms)) for e in entries]
