"""The public member directory: organisations filtered by kind, country, focus theme and
regional consortium, with counts."""

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import Facet, Filters, apply_facets, filters_of
from common.listings import RELEVANCE, Sort, read_listing, relevance, with_keyword

from .models import Organisation, OrganisationKind

FACETS = [
    Facet("kind", "kind", _("Kind"), label=lambda v: OrganisationKind(v).label,
          valid=OrganisationKind.values),
    Facet("country", "country", _("Country"), label=countries.name,
          valid=[code for code, _n in countries]),
    Facet("theme", "focus_themes__slug", _("Focus theme"),
          label_fields=("focus_themes__name_ko", "focus_themes__name_en")),
    Facet("consortium", "consortium__slug", _("Regional consortium"),
          label_fields=("consortium__name_ko", "consortium__name_en")),
]


SORTS = [Sort("name", _("Name")), RELEVANCE]
NAMES = ["name_ko", "name_en"]


@dataclass
class Directory(Filters):
    organisations: list[Organisation]


def build_directory(params: QueryDict) -> Directory:
    asked = read_listing(params, SORTS)
    base = with_keyword(Organisation.objects.active(), asked,
                        [*NAMES, "description_ko", "description_en", "region"])
    result = apply_facets(base, FACETS, params)
    name = "name_ko" if get_language() == "ko" else "name_en"
    order = ("-relevance", name) if asked.sort == "relevance" else (name,)
    organisations = list(result.queryset.select_related("consortium")
                         .annotate(relevance=relevance(asked, NAMES)).order_by(*order))
    panel, _applied = filters_of(result, asked)
    return Directory(**vars(panel), organisations=organisations)
