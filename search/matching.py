"""What both engines match, computed once in Python: a document's analysed terms and the
glossary concepts it mentions; a query's terms, each with the concepts it is part of, and how
many of them a document must match; the highlight of a hit and a did-you-mean drawn from the
hits the reader may see."""

import difflib
import math
import re
from dataclasses import dataclass

from django.utils.safestring import SafeString

from . import glossary
from .analysis import terms as analysed
from .analysis import tokens
from .query import MARK_END, MARK_START, marked
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


@dataclass(frozen=True)
class AnalysedQuery:
    clauses: tuple[Clause, ...]
    marks: frozenset[str]  # the terms a highlight marks: the query's and its concepts'

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
    marks = set(terms)
    for ids in covering:
        for concept in ids:
            marks |= current.label_terms.get(concept, set())
    return AnalysedQuery(clauses, frozenset(marks))


def highlight(text: str, marks: frozenset[str], limit: int = 240) -> SafeString:
    """``text`` escaped, cut around the first match, each matched word in ``<mark>``: the
    word as written (주차장 in 주차장에서, sensors for the term sensor). "" when nothing in
    ``text`` matches."""
    text = text.replace(MARK_START, "").replace(MARK_END, "")
    spans: list[tuple[int, int]] = []
    for token in tokens(text):
        if token.term in marks:
            if spans and token.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], token.end))
            else:
                spans.append((token.start, token.end))
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
