"""Multi-select filters with counts over a queryset: each facet is counted under the other
facets' filters, in one query per facet whatever the page size. A selected option stays
shown (checked, with its 0) when the other filters leave it nothing, and each active filter
is a chip that removes just itself. Used by every listing and by the search page."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .listings import ListingQuery

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


@dataclass(frozen=True)
class Chip:
    """An active filter, as a link to the same listing without it."""

    title: str
    label: str
    remove_url: str


def without(params: QueryDict, name: str, value: str | None = None) -> str:
    """``?query`` with ``name`` (or only its ``value``) and the page number left out."""
    rest = params.copy()
    if value is None:
        rest.pop(name, None)
    else:
        rest.setlist(name, [v for v in params.getlist(name) if v != value])
    rest.pop("page", None)
    return f"?{rest.urlencode()}"


def chips(groups: dict[str, FacetGroup], params: QueryDict) -> list[Chip]:
    return [Chip(group.title, option.label, without(params, name, option.value))
            for name, group in groups.items() for option in group.options if option.selected]


@dataclass
class FacetedResult:
    queryset: QuerySet
    facets: dict[str, FacetGroup]
    selected: dict[str, list[str]]
    errors: list[str] = field(default_factory=list)
    params: QueryDict = field(default_factory=QueryDict)  # as applied: refused values left out

    @property
    def filtered(self) -> bool:
        return any(self.selected.values())


def _ignored(facet: Facet) -> str:
    return (_("Ignored an unknown value in the “%(filter)s” filter.")
            % {"filter": facet.title or facet.param})


def _selected_options(base: QuerySet, facet: Facet, missing: list[str]) -> list[FacetOption]:
    """Selected values the other filters leave no match, with a count of 0, named by a
    query on the model they name (only when there are some): a theme no row has yet is
    still a theme. Values that name nothing are left out."""
    if not facet.label_fields:
        return [FacetOption(v, facet.name({}, v), 0, True) for v in missing]
    *path, attr = facet.lookup.split("__")
    model = base.model
    for name in path:  # themes__slug → Theme.slug
        model = model._meta.get_field(name).related_model
    prefix = "".join(f"{name}__" for name in path)
    fields = [label.removeprefix(prefix) for label in facet.label_fields]
    rows = {str(row[attr]): row for row in
            model._default_manager.filter(**{f"{attr}__in": missing}).values(attr, *fields)}
    return [FacetOption(v, facet.name({f"{prefix}{k}": n for k, n in rows[v].items()}, v),
                        0, True) for v in missing if v in rows]


def apply_facets(base: QuerySet, facets: list[Facet], params: QueryDict) -> FacetedResult:
    selected: dict[str, list[str]] = {}
    errors: list[str] = []
    for facet in facets:
        values = [v.strip() for v in params.getlist(facet.param) if v.strip()]
        good = list(dict.fromkeys(v for v in values if facet.accepts(v)))
        if len(good) < len(set(values)):
            errors.append(_ignored(facet))
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
        shown = {option.value for option in options}
        missing = [v for v in selected[facet.param] if v not in shown]
        if missing:
            kept = _selected_options(base, facet, missing)
            if len(kept) < len(missing):  # a well-formed name of nothing there is
                unknown = set(missing) - {option.value for option in kept}
                return _without_unknown(base, facets, params, facet, unknown, errors)
            options += kept
        groups[facet.param] = FacetGroup(str(facet.title or facet.param), options)
    # Filters across many-to-many relations repeat rows; selecting the ids in a subquery
    # removes the repeats without a DISTINCT over every (wide, text) column of the listing.
    matching = base.filter(pk__in=filtered().values("pk")) if any(selected.values()) else base
    applied = params.copy()
    for facet in facets:
        applied.setlist(facet.param, selected[facet.param])
    return FacetedResult(matching, groups, selected, errors, applied)


def _without_unknown(base: QuerySet, facets: list[Facet], params: QueryDict, facet: Facet,
                     unknown: set[str], errors: list[str]) -> FacetedResult:
    """The listing again with the values of ``facet`` that name nothing left out: only bad
    input (a mistyped or outdated link) takes this second pass."""
    rest = params.copy()
    rest.setlist(facet.param, [v for v in params.getlist(facet.param)
                               if v.strip() not in unknown])
    result = apply_facets(base, facets, rest)
    result.errors = list(dict.fromkeys([*errors, _ignored(facet), *result.errors]))
    return result


@dataclass
class Filters:
    """What a listing's filter panel shows: the options, the active filters as chips, the
    keyword and sort order asked for, and the refused input."""

    facets: dict[str, FacetGroup]
    errors: list[str]
    filtered: bool
    chips: list[Chip]
    asked: ListingQuery | None
    kept: list[tuple[str, str]]  # the view's own parameters (closed=1, view=month)

    @property
    def clear_query(self) -> str:
        return urlencode(self.kept)

    @property
    def chosen(self) -> int:
        """Options ticked behind the "Filters" disclosure (the keyword stands outside it)."""
        return sum(option.selected for group in self.facets.values() for option in group)


def filters_of(result: FacetedResult, asked: ListingQuery | None = None,
               keep: Iterable[str] = ()) -> tuple[Filters, QueryDict]:
    """The panel, and the parameters as applied (for links that keep them)."""
    params = result.params.copy()
    params.pop("q", None)
    if asked and asked.keyword:
        params["q"] = asked.keyword
    if asked and "sort" in params:
        params["sort"] = asked.sort
    found = chips(result.facets, params)
    if asked and asked.keyword:
        found.insert(0, Chip(str(_("Keyword")), asked.keyword, without(params, "q")))
    errors = [*(asked.errors if asked else []), *result.errors]
    kept = [(name, value) for name in keep for value in params.getlist(name)]
    return Filters(result.facets, errors, result.filtered or bool(asked and asked.keyword),
                   found, asked, kept), params


@dataclass
class FacetedPage(Filters):
    """One page of a filtered listing, with what the filter panel and the pager need."""

    page: PaginatorPage
    query_without_page: str


def paginate(result: FacetedResult, listing: QuerySet, params: QueryDict, per_page: int,
             asked: ListingQuery | None = None, keep: Iterable[str] = ()) -> FacetedPage:
    """``listing`` is ``result.queryset`` with its ordering and related-object loading."""
    page = Paginator(listing, per_page).get_page(params.get("page"))
    panel, applied = filters_of(result, asked, keep)
    applied.pop("page", None)
    return FacetedPage(**vars(panel), page=page, query_without_page=applied.urlencode())
