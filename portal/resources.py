"""The resource library's listing: the resources a viewer may see, filtered by kind, theme
and document language with counts, one page at a time."""

from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from common.facets import Facet, FacetedPage, apply_facets, paginate

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
    base = ResourcePage.objects.child_of(library).live().public().visible_to(user)
    result = apply_facets(base, FACETS, params)
    listing = (result.queryset.select_related("document").prefetch_related("themes")
               .order_by("-date", "-pk"))
    return paginate(result, listing, params, RESOURCES_PER_PAGE)
