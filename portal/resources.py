"""The resource library's listing: the resources a viewer may see, filtered by kind, theme
and document language with counts, one page at a time."""

from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from common.facets import Facet, FacetedPage, apply_facets, paginate
from common.listings import NEWEST, RELEVANCE, read_listing, relevance, with_keyword

from .models.resources import (
    RESOURCES_PER_PAGE,
    ResourceKind,
    ResourceLanguage,
    ResourceLibraryPage,
    ResourcePage,
)

FACETS = [
    Facet("kind", "kind", _("Kind"), label=lambda v: ResourceKind(v).label,
          valid=ResourceKind.values),
    Facet("theme", "themes__slug", _("Theme"), label_fields=("themes__name_ko", "themes__name_en")),
    Facet("language", "resource_language", _("Language of the document"),
          label=lambda v: ResourceLanguage(v).label, valid=ResourceLanguage.values),
]


def resource_listing(library: ResourceLibraryPage, user: Any, params: QueryDict) -> FacetedPage:
    asked = read_listing(params, [NEWEST, RELEVANCE])
    base = with_keyword(ResourcePage.objects.child_of(library).live().public().visible_to(user),
                        asked, ["title", "summary"])
    result = apply_facets(base, FACETS, params)
    listing = (result.queryset.select_related("document").prefetch_related("themes")
               .annotate(relevance=relevance(asked, ["title"]))
               .order_by(*(("-relevance",) if asked.sort == "relevance" else ()), "-date", "-pk"))
    return paginate(result, listing, params, RESOURCES_PER_PAGE, asked)
