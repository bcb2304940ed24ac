"""Search results as a page shows them: facet options with names in the reader's language,
and the active filters as chips that each remove themselves."""

from dataclasses import dataclass

from django.http import QueryDict

from .query import FACET_TITLES, FacetCount, SearchResults
from .registry import FACETS, facet_labels


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    param: str
    title: str
    options: list[Option]


@dataclass(frozen=True)
class Chip:
    title: str
    label: str
    remove_url: str


def facet_groups(results: SearchResults) -> list[FacetGroup]:
    groups = []
    for facet in FACETS:
        counts: list[FacetCount] = results.facets.get(facet, [])
        if not counts:
            continue
        labels = facet_labels(facet, [c.value for c in counts])
        options = [Option(c.value, labels.get(c.value, c.value), c.count, c.selected)
                   for c in counts]
        groups.append(FacetGroup(facet, str(FACET_TITLES[facet]), options))
    return groups


def chips(groups: list[FacetGroup], params: QueryDict) -> list[Chip]:
    found = []
    for group in groups:
        for option in group.options:
            if option.selected:
                rest = params.copy()
                rest.setlist(group.param, [v for v in params.getlist(group.param)
                                           if v != option.value])
                rest.pop("page", None)
                found.append(Chip(group.title, option.label, f"?{rest.urlencode()}"))
    return found


def page_url(params: QueryDict, page: int) -> str:
    rest = params.copy()
    rest["page"] = str(page)
    return f"?{rest.urlencode()}"
