"""Multi-select filters with counts over a queryset: each facet is counted under the other
facets' filters, in one query per facet whatever the page size. Used by the member directory
and the catalogue."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _

SLUG = re.compile(r"^[-a-z0-9_]{1,80}$")


@dataclass(frozen=True)
class Facet:
    param: str
    lookup: str
    title: str = ""  # what the filter is called on the page, for messages
    # (Korean, English) name fields next to the lookup, or a function naming a value
    label_fields: tuple[str, str] | None = None
    label: Callable[[str], str] | None = None
    valid: re.Pattern | Iterable[str] = SLUG

    def accepts(self, value: str) -> bool:
        if isinstance(self.valid, re.Pattern):
            return bool(self.valid.match(value))
        return value in set(self.valid)

    def name(self, row: dict, value: str) -> str:
        if self.label:
            return str(self.label(value))
        if self.label_fields:
            ko, en = (row[f] for f in self.label_fields)
            return (ko if get_language() == "ko" else en) or en or ko or value
        return value


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    """One filter as the page shows it: its title and its options with counts."""

    title: str
    options: list[FacetOption]

    def __iter__(self):
        return iter(self.options)


@dataclass
class FacetedResult:
    queryset: QuerySet
    facets: dict[str, FacetGroup]
    selected: dict[str, list[str]]
    errors: list[str] = field(default_factory=list)

    @property
    def filtered(self) -> bool:
        return any(self.selected.values())


def apply_facets(base: QuerySet, facets: list[Facet], params: QueryDict) -> FacetedResult:
    selected: dict[str, list[str]] = {}
    errors: list[str] = []
    for facet in facets:
        values = [v.strip() for v in params.getlist(facet.param) if v.strip()]
        good = [v for v in values if facet.accepts(v)]
        if len(good) < len(values):
            errors.append(_("Ignored an unknown value in the “%(filter)s” filter.")
                          % {"filter": facet.title or facet.param})
        selected[facet.param] = good

    def filtered(excluding: str | None = None) -> QuerySet:
        queryset = base
        for facet in facets:
            if facet.param != excluding and selected[facet.param]:
                queryset = queryset.filter(**{f"{facet.lookup}__in": selected[facet.param]})
        return queryset

    groups: dict[str, FacetGroup] = {}
    for facet in facets:
        rows = (filtered(excluding=facet.param)
                .exclude(**{f"{facet.lookup}__isnull": True})
                .values(facet.lookup, *(facet.label_fields or ()))
                .annotate(count=Count("pk", distinct=True))
                .order_by(facet.lookup))
        options = sorted(
            (FacetOption(str(row[facet.lookup]), facet.name(row, row[facet.lookup]),
                         row["count"], str(row[facet.lookup]) in selected[facet.param])
             for row in rows),
            key=lambda option: (-option.count, option.label),
        )
        groups[facet.param] = FacetGroup(str(facet.title or facet.param), options)
    # Filters across many-to-many relations repeat rows; selecting the ids in a subquery
    # removes the repeats without a DISTINCT over every (wide, text) column of the listing.
    matching = base.filter(pk__in=filtered().values("pk")) if any(selected.values()) else base
    return FacetedResult(matching, groups, selected, errors)


@dataclass
class FacetedPage:
    """One page of a filtered listing, with what the filter sidebar and the pager need."""

    page: PaginatorPage
    facets: dict[str, FacetGroup]
    errors: list[str]
    filtered: bool
    query_without_page: str


def paginate(result: FacetedResult, listing: QuerySet, params: QueryDict,
             per_page: int) -> FacetedPage:
    """``listing`` is ``result.queryset`` with its ordering and related-object loading."""
    page = Paginator(listing, per_page).get_page(params.get("page"))
    rest = params.copy()
    rest.pop("page", None)
    return FacetedPage(page, result.facets, result.errors, result.filtered, rest.urlencode())
