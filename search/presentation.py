"""Search results as a page shows them: facet options with names in the reader's language,
and the active filters as chips that each remove themselves."""

from dataclasses import dataclass

from django.http import QueryDict

from common.facets import FacetGroup, FacetOption

from .query import FACET_TITLES, FacetCount, SearchResults
from .registry import FACETS, facet_labels


@dataclass(frozen=True)
class Chip:
    title: str
    label: str
    remove_url: str


def facet_groups(results: SearchResults) -> dict[str, FacetGroup]:
    """facet -> its title and options, named in the active language (the same groups the
    catalogue's and directory's filters show)."""
    groups = {}
    for facet in FACETS:
        counts: list[FacetCount] = results.facets.get(facet, [])
        if not counts:
            continue
        labels = facet_labels(facet, [c.value for c in counts])
        options = [FacetOption(c.value, labels.get(c.value, c.value), c.count, c.selected)
                   for c in counts]
        groups[facet] = FacetGroup(str(FACET_TITLES[facet]), options)
    return groups


def chips(groups: dict[str, FacetGroup], params: QueryDict) -> list[Chip]:
    found = []
    for facet, group in groups.items():
        for option in group.options:
            if option.selected:
                rest = params.copy()
                rest.setlist(facet, [v for v in params.getlist(facet) if v != option.value])
                rest.pop("page", None)
                found.append(Chip(group.title, option.label, f"?{rest.urlencode()}"))
    return found


def page_url(params: QueryDict, page: int) -> str:
    rest = params.copy()
    rest["page"] = str(page)
    return f"?{rest.urlencode()}"
