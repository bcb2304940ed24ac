"""What both engines match, computed once in Python: a document's analysed terms and the
glossary concepts it mentions; a query's terms, each with the concepts it is part of, and how
many of them a document must match; the highlight of a hit and a did-you-mean drawn from the
hits the reader may see."""

import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.safestring import SafeString

from . import glossary
from .analysis import terms as analysed
from .analysis import tokens
from .query import (
    MARK_END,
    MARK_START,
    FacetCount,
    SearchHit,
    SearchQuery,
    SearchResults,
    marked,
)
from .registry import SearchRecord

MAX_CLAUSES = 24  # a query's terms beyond these add nothing but cost
TITLE_WEIGHT = 3
TYPO_MIN_LENGTH = 5  # shorter words are matched as typed: one letter off is another word


@dataclass(frozen=True)
class AnalysedRecord:
    terms: str  # space-separated, for a whitespace field or a " term " search
    title_terms: str
    concepts: tuple[str, ...]
    title_concepts: tuple[str, ...]


def analyse_record(record: SearchRecord) -> AnalysedRecord:
    current = glossary.current()
    title = analysed(record.title)
    rest = analysed(f"{record.summary}\n{record.body}")
    title_concepts = current.mentioned(title)
    return AnalysedRecord(
        terms=" ".join(title + rest), title_terms=" ".join(title),
        concepts=tuple(sorted(title_concepts | current.mentioned(rest))),
        title_concepts=tuple(sorted(title_concepts)))


@dataclass(frozen=True)
class Clause:
    """One query term: matched by the term itself or by any concept it is part of."""

    term: str
    concepts: frozenset[str]

    @property
    def typo_tolerant(self) -> bool:
        return len(self.term) >= TYPO_MIN_LENGTH and self.term.isascii() and self.term.isalpha()


Phrase = tuple[str, ...]  # analysed terms, consecutive in a text


@dataclass(frozen=True)
class AnalysedQuery:
    clauses: tuple[Clause, ...]
    # What a highlight marks: each of the query's terms, and each label of its concepts as a
    # whole phrase (Daegu Metropolitan City, never "city" alone).
    marks: frozenset[Phrase]

    @property
    def required(self) -> int:
        """Most words must match, not all: two of three, three of four, four of six."""
        n = len(self.clauses)
        return n if n <= 2 else math.ceil(n * 2 / 3)


def analyse_query(text: str) -> AnalysedQuery:
    current = glossary.current()
    terms = list(dict.fromkeys(analysed(text)))[:MAX_CLAUSES]
    covering = current.covering(terms)
    clauses = tuple(Clause(term, frozenset(ids)) for term, ids in zip(terms, covering, strict=True))
    marks = {(term,) for term in terms}
    for ids in covering:
        for concept in ids:
            marks |= current.label_phrases.get(concept, set())
    return AnalysedQuery(clauses, frozenset(marks))


def _marked_spans(text: str, marks: frozenset[Phrase]) -> list[tuple[int, int]]:
    """Where in ``text`` each phrase of ``marks`` occurs: from its first word's start to its
    last word's end, overlapping matches merged."""
    lengths: dict[str, set[int]] = {}
    for phrase in marks:
        lengths.setdefault(phrase[0], set()).add(len(phrase))
    found = tokens(text)
    spans: list[tuple[int, int]] = []
    for position, token in enumerate(found):
        for length in sorted(lengths.get(token.term, ()), reverse=True):
            words = found[position:position + length]
            if len(words) == length and tuple(w.term for w in words) in marks:
                start, end = token.start, words[-1].end
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], end))
                else:
                    spans.append((start, end))
                break
    return spans


def highlight(text: str, marks: frozenset[Phrase], limit: int = 240) -> SafeString:
    """``text`` escaped, cut around the first match, each matched word or phrase in
    ``<mark>``: as written (주차장 in 주차장에서, sensors for the term sensor). "" when
    nothing in ``text`` matches."""
    text = text.replace(MARK_START, "").replace(MARK_END, "")
    spans = _marked_spans(text, marks)
    if not spans:
        return marked("")
    first = spans[0][0]
    start = max(0, first - limit // 3)
    end = start + limit
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces += [text[position:span_start], MARK_START, text[span_start:span_end], MARK_END]
        position = span_end
    pieces.append(text[position:end])
    return marked(("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else ""))


_WORD = re.compile(r"[^\W\d_]{3,}")


def suggestion(text: str, query: AnalysedQuery, seen: list[str]) -> str:
    """The query with each word that matched only by its likeness replaced by the closest
    whole word of the hits shown (``seen``: their titles and summaries): "parking", never
    the stem "park". "" when every word matched as typed or through the glossary."""
    found = set(analysed(" ".join(seen)))
    settled = {c.term for c in query.clauses if c.term in found or c.concepts}
    words = list(dict.fromkeys(w.lower() for w in _WORD.findall(" ".join(seen))))
    corrected, changed = [], False
    for word in text.split():
        terms = analysed(word)
        if terms and not set(terms) <= settled and word.isalpha() and word.isascii():
            closest = difflib.get_close_matches(word.lower(), words, 1, 0.75)
            if closest and closest[0] != word.lower():
                word, changed = closest[0], True
        corrected.append(word)
    return " ".join(corrected) if changed else ""


def results(query: SearchQuery, analysed_query: AnalysedQuery, hits: list[SearchHit],
            total: int, facets: dict[str, list[FacetCount]],
            did_you_mean: Callable[[SearchQuery], str]) -> SearchResults:
    """One page of hits with what to offer beside them: a spelling from the hits shown, or
    the engine's ``did_you_mean`` when nothing matched."""
    if hits:
        offered = suggestion(query.text, analysed_query,
                             [f"{h.title} {h.summary}" for h in hits])
    else:
        offered = did_you_mean(query) if analysed_query.clauses else ""
    return SearchResults(total=total, hits=hits, facets=facets, suggestion=offered,
                         page=query.page, per_page=query.per_page)
