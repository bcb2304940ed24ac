"""Search results as a page shows them: facet options with names in the reader's language
(the active filters become chips by ``common.facets.chips``, as on every listing)."""

from django.http import QueryDict

from common.facets import FacetGroup, FacetOption

from .query import FACET_TITLES, FacetCount, SearchResults
from .registry import FACETS, facet_labels


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


def page_url(params: QueryDict, page: int) -> str:
    rest = params.copy()
    rest["page"] = str(page)
    return f"?{rest.urlencode()}"
