"""/api/search/: the search page's query as JSON, with the same parameters and the same
permission filtering (a signed-in member's session sees members-only documents)."""

import datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from common.api import ERRORS, Message, documented
from members.permissions import search_audiences

from .engines import SearchUnavailable, ask
from .presentation import facet_groups
from .query import (
    MAX_PAGE,
    MAX_PREFIX_LENGTH,
    MAX_QUERY_LENGTH,
    SORTS,
    SearchHit,
    clean_text,
    parse,
)

router = Router(tags=["search"])
LANGUAGES = sorted(code for code, _name in settings.LANGUAGES)
Language = documented(str, enum=LANGUAGES)
ANSWERS = {**ERRORS, 503: Message}


class HitOut(Schema):
    kind: str
    title: str
    url: str
    summary: str
    date: datetime.date | None
    language: str  # the version's language: another than ``lang`` when that is the only one
    highlight: str  # HTML: escaped text, matches wrapped in <mark>


class OptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    title: str
    options: list[OptionOut]


class SearchOut(Schema):
    total: int
    page: int
    pages: int
    suggestion: str
    hits: list[HitOut]
    facets: list[FacetOut]


class SuggestionOut(Schema):
    title: str
    url: str
    kind: str


def _language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise HttpError(400, f"lang must be one of: {', '.join(LANGUAGES)}")
    return lang


class SearchParams(Schema):
    """Documents the parameters; ``search.query.parse`` reads and checks them."""

    q: documented(str, maxLength=MAX_QUERY_LENGTH) = ""
    lang: Language = "ko"
    kind: list[str] = []
    theme: list[str] = []
    domain: list[str] = []
    maturity: list[str] = []
    funding: list[str] = []
    country: list[str] = []
    city: list[str] = []
    year: list[str] = []
    date_from: str = Field("", alias="from")
    date_to: str = Field("", alias="to")
    sort: documented(str, enum=list(SORTS)) = "relevance"
    page: documented(int, minimum=1, maximum=MAX_PAGE) = 1


@router.get("/", response={200: SearchOut, **ANSWERS}, summary="Search the portal",
            description="Facet parameters repeat for several values "
                        "(?theme=mobility&theme=resilience); a facet's options are counted "
                        "under the other facets' selections. Dates are ISO (2026-03-31).")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict:
    language = _language(params.lang)
    with translation.override(language):
        query, errors = parse(request.GET, audiences=search_audiences(request.user),
                              language=language)
        if errors:
            raise HttpError(400, " ".join(str(e) for e in errors))
        try:
            results = ask(lambda engine: engine.search(query))
        except SearchUnavailable:
            raise HttpError(503, "Search is unavailable for a moment; retry shortly.") from None
        facets = [{"name": name, "title": group.title, "options": group.options}
                  for name, group in facet_groups(results).items()]
    return {"total": results.total, "page": results.page, "pages": results.pages,
            "suggestion": results.suggestion, "hits": results.hits, "facets": facets}


@router.get("/suggest", response={200: list[SuggestionOut], **ANSWERS},
            summary="Titles for autocomplete")
def suggest(request: HttpRequest, q: documented(str, minLength=1, maxLength=MAX_PREFIX_LENGTH),
            lang: Language = "ko") -> list[SearchHit]:
    language = _language(lang)
    prefix = clean_text(q)
    if not 1 <= len(prefix) <= MAX_PREFIX_LENGTH:
        raise HttpError(400, f"q must be 1 to {MAX_PREFIX_LENGTH} characters")
    try:
        return ask(lambda engine: engine.suggest(
            prefix, audiences=search_audiences(request.user), language=language))
    except SearchUnavailable:
        raise HttpError(503, "Search is unavailable for a moment; retry shortly.") from None
