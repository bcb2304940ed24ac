"""The search page and its autocomplete: thin views over ``search.engines``."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language

from common.facets import chips
from members.permissions import search_audiences

from .engines import SearchUnavailable, ask, ask_or
from .presentation import facet_groups, page_url
from .query import MAX_PREFIX_LENGTH, SearchResults, clean_text, parse


def search(request: HttpRequest) -> HttpResponse:
    query, errors = parse(request.GET, audiences=search_audiences(request.user),
                          language=get_language())
    unavailable = False
    try:
        results = ask(lambda engine: engine.search(query))
    except SearchUnavailable:
        results, unavailable = SearchResults(total=0), True
    groups = facet_groups(results)
    context = {
        "query": query, "results": results, "errors": errors, "unavailable": unavailable,
        "facets": groups,
        "chips": chips(groups, request.GET),
        "clear_url": "?" + urlencode({"q": query.text} if query.text else {}),
        "previous_url": page_url(request.GET, query.page - 1) if query.page > 1 else "",
        "next_url": page_url(request.GET, query.page + 1) if query.page < results.pages else "",
    }
    return TemplateResponse(request, "search/search.html", context,
                            status=503 if unavailable else 200)


def suggest(request: HttpRequest) -> HttpResponse:
    """Titles for the search box as the reader types (an htmx fragment)."""
    prefix = clean_text(request.GET.get("q", ""))
    hits = []
    if 1 <= len(prefix) <= MAX_PREFIX_LENGTH:
        hits = ask_or([], lambda engine: engine.suggest(
            prefix, audiences=search_audiences(request.user), language=get_language()))
    return TemplateResponse(request, "search/includes/suggestions.html", {"hits": hits})
