"""The public member directory: filters with counts, each facet counted under the other
facets' filters (multi-select), in a fixed number of queries whatever the page size."""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from .models import Organisation, OrganisationKind

SLUG = re.compile(r"^[-a-z0-9]{1,80}$")


@dataclass(frozen=True)
class Facet:
    param: str
    lookup: str
    label_fields: tuple[str, ...]
    valid: re.Pattern | set[str]


FACETS = [
    Facet("kind", "kind", (), set(OrganisationKind.values)),
    Facet("country", "country", (), {code for code, _name in countries}),
    Facet("theme", "focus_themes__slug", ("focus_themes__name_ko", "focus_themes__name_en"),
          SLUG),
    Facet("consortium", "consortium__slug", ("consortium__name_ko", "consortium__name_en"),
          SLUG),
]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Directory:
    organisations: list[Organisation]
    facets: dict[str, list[FacetOption]]
    selected: dict[str, list[str]]
    errors: list[str] = field(default_factory=list)


def _accepts(facet: Facet, value: str) -> bool:
    if isinstance(facet.valid, set):
        return value in facet.valid
    return bool(facet.valid.match(value))


def _label(facet: Facet, row: dict, value: str) -> str:
    if facet.param == "kind":
        return str(OrganisationKind(value).label)
    if facet.param == "country":
        return str(countries.name(value))
    if not facet.label_fields:
        return value
    ko, en = (row[f] for f in facet.label_fields)
    return (ko if get_language() == "ko" else en) or en or ko or value


def build_directory(params: QueryDict) -> Directory:
    selected: dict[str, list[str]] = {}
    errors: list[str] = []
    for facet in FACETS:
        values = [v.strip() for v in params.getlist(facet.param) if v.strip()]
        good = [v for v in values if _accepts(facet, v)]
        if len(good) < len(values):
            errors.append(
                _("Ignored an unknown %(filter)s filter value.") % {"filter": facet.param}
            )
        selected[facet.param] = good

    def filtered(excluding: str | None = None):
        queryset = Organisation.objects.active()
        for facet in FACETS:
            if facet.param != excluding and selected[facet.param]:
                queryset = queryset.filter(Q(**{f"{facet.lookup}__in": selected[facet.param]}))
        return queryset

    facets = {}
    for facet in FACETS:
        rows = (filtered(excluding=facet.param).exclude(**{f"{facet.lookup}__isnull": True})
                .values(facet.lookup, *facet.label_fields)
                .annotate(count=Count("pk", distinct=True)).order_by(facet.lookup))
        facets[facet.param] = sorted(
            (FacetOption(row[facet.lookup], _label(facet, row, row[facet.lookup]), row["count"],
                         row[facet.lookup] in selected[facet.param]) for row in rows),
            key=lambda option: (-option.count, option.label),
        )

    order = "name_ko" if get_language() == "ko" else "name_en"
    organisations = list(filtered().distinct().select_related("consortium").order_by(order))
    return Directory(organisations, facets, selected, errors)
