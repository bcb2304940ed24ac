"""The public member directory: organisations filtered by kind, country, focus theme and
regional consortium, with counts."""

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import Facet, FacetGroup, apply_facets

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


@dataclass
class Directory:
    organisations: list[Organisation]
    facets: dict[str, FacetGroup]
    errors: list[str]


def build_directory(params: QueryDict) -> Directory:
    result = apply_facets(Organisation.objects.active(), FACETS, params)
    order = "name_ko" if get_language() == "ko" else "name_en"
    organisations = list(result.queryset.select_related("consortium").order_by(order))
    return Directory(organisations, result.facets, result.errors)
