"""What a search asks and what it answers, the same for both engines: the text, multi-select
facets, a date range, the sort order and the page; then hits with escaped highlights, facet
counts and a did-you-mean suggestion."""

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.listings import MAX_KEYWORD_LENGTH, clean_text

from .registry import FACETS, searchable_types

FACET_TITLES = {
    "kind": gettext_lazy("Type"),
    "node": gettext_lazy("Node"),
    "theme": gettext_lazy("Theme"),
    "domain": gettext_lazy("Service domain"),
    "maturity": gettext_lazy("Maturity"),
    "funding": gettext_lazy("Funding model"),
    "country": gettext_lazy("Country"),
    "city": gettext_lazy("City"),
    "year": gettext_lazy("Year started or posted"),
}
VALUE = re.compile(r"^[-a-z0-9_]{1,80}$", re.IGNORECASE)
SORTS = ("relevance", "newest")
MAX_QUERY_LENGTH = MAX_KEYWORD_LENGTH
MAX_PREFIX_LENGTH = 100  # autocomplete
MAX_PAGE = 500
PER_PAGE = 20


@dataclass(frozen=True)
class SearchQuery:
    audiences: frozenset[str]
    text: str = ""
    language: str | None = None
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def terms(self) -> list[str]:
        return self.text.lower().split()

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())


def parse(params: QueryDict, *, audiences: set[str], language: str | None,
          per_page: int = PER_PAGE) -> tuple[SearchQuery, list[str]]:
    """A query from request parameters, and a message for each part that had to be ignored.
    Bad values never reach an engine."""
    errors: list[str] = []
    text = clean_text(params.get("q", ""))
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        errors.append(_("Search text is limited to %(n)d characters; the rest was left out.")
                      % {"n": MAX_QUERY_LENGTH})
    kinds = {s.kind for s in searchable_types()}
    filters: dict[str, tuple[str, ...]] = {}
    for facet in FACETS:
        values = [v.strip() for v in params.getlist(facet) if v.strip()]
        good = [v for v in values if _valid(facet, v, kinds)]
        if len(good) < len(values):
            errors.append(_("Unknown value in the “%(filter)s” filter.")
                          % {"filter": FACET_TITLES[facet]})
        if good:
            filters[facet] = tuple(dict.fromkeys(good))
    date_from = _date(params.get("from", ""), errors)
    date_to = _date(params.get("to", ""), errors)
    if date_from and date_to and date_from > date_to:
        errors.append(_("The first date was after the second; they were swapped."))
        date_from, date_to = date_to, date_from
    sort = params.get("sort") or "relevance"
    if sort not in SORTS:
        errors.append(_("Unknown sort order: use relevance or newest."))
        sort = "relevance"
    page = params.get("page") or "1"
    if not (page.isascii() and page.isdigit()) or not 1 <= int(page) <= MAX_PAGE:
        errors.append(_("Unknown page number."))
        page = "1"
    query = SearchQuery(audiences=frozenset(audiences), text=text, language=language,
                        filters=filters, date_from=date_from, date_to=date_to, sort=sort,
                        page=int(page), per_page=per_page)
    return query, errors


def correct(terms: list[str], vocabulary: set[str], cutoff: float) -> str:
    """The query with each unknown term replaced by the closest known word; "" if nothing
    changed."""
    corrected = [term if term in vocabulary
                 else next(iter(difflib.get_close_matches(term, vocabulary, 1, cutoff)), term)
                 for term in terms]
    return " ".join(corrected) if corrected != terms else ""


def _valid(facet: str, value: str, kinds: set[str]) -> bool:
    if facet == "kind":
        return value in kinds
    if facet == "year":
        return value.isdigit() and len(value) == 4
    return bool(VALUE.match(value))


def _date(value: str, errors: list[str]) -> datetime.date | None:
    if not value.strip():
        return None
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        errors.append(_("Unreadable date “%(value)s”: use the form 2026-03-31.")
                      % {"value": value[:20]})
        return None


@dataclass(frozen=True)
class SearchHit:
    kind: str
    object_id: str
    title: str
    url: str
    summary: str = ""
    date: datetime.date | None = None
    organisation: str = ""
    language: str = ""  # the version's language; marked when not the reader's
    # Escaped text with <mark> around the matched words; safe to render as is.
    highlight: SafeString = field(default_factory=lambda: mark_safe(""))


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    suggestion: str = ""  # a corrected query, offered when nothing matched
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def facet_counts(query: SearchQuery, counts: dict[str, int], facet: str) -> list[FacetCount]:
    """Options of one facet, the selected ones kept even when nothing matches them now."""
    selected = query.selected(facet)
    merged = {value: counts.get(value, 0) for value in selected} | counts
    options = [FacetCount(v, n, v in selected) for v, n in merged.items()]
    if facet == "year":
        return sorted(options, key=lambda o: o.value, reverse=True)
    return sorted(options, key=lambda o: (-o.count, o.value))


# Highlight boundaries as private-use characters, so that text is escaped first and the
# markup added after: nothing in a document can open or close a tag.
MARK_START, MARK_END = "\ue000", "\ue001"


def marked(fragment: str) -> SafeString:
    """A fragment with MARK_START/MARK_END around matches, as escaped HTML with <mark>."""
    escaped = escape(fragment)
    return mark_safe(  # noqa: S308 -- escaped above; only our own <mark> tags added
        escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def mark_terms(text: str, terms: list[str], limit: int = 240) -> SafeString:
    """``text`` escaped, cut around the first match, with ``<mark>`` around each term."""
    lowered = text.lower()
    first = min((i for i in (lowered.find(t) for t in terms if t) if i >= 0), default=0)
    start = max(0, first - limit // 3)
    snippet = text[start:start + limit].replace(MARK_START, "").replace(MARK_END, "")
    pattern = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True) if t)
    if pattern:
        snippet = re.sub(f"({pattern})", f"{MARK_START}\\1{MARK_END}", snippet,
                         flags=re.IGNORECASE)
    return marked(("…" if start else "") + snippet + ("…" if start + limit < len(text) else ""))
