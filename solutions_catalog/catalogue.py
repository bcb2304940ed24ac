"""The catalogue listing: live case studies of one language, filtered on plain database
queries (the search issue moves this onto the search engine)."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Page

from common.facets import Facet, FacetedPage, apply_facets, paginate

from .models import CaseStudyPage

FACETS = [
    Facet("theme", "themes__slug", _("Theme"), label_fields=("themes__name_ko", "themes__name_en")),
    Facet("domain", "service_domain__slug", _("Service domain"),
          label_fields=("service_domain__name_ko", "service_domain__name_en")),
    Facet("maturity", "maturity__slug", _("Maturity"),
          label_fields=("maturity__name_ko", "maturity__name_en")),
    Facet("funding", "funding_model__slug", _("Funding model"),
          label_fields=("funding_model__name_ko", "funding_model__name_en")),
    Facet("city", "city__slug", _("City"), label_fields=("city__name_ko", "city__name_en")),
    Facet("country", "city__country", _("Country"), label=countries.name,
          valid=[code for code, _n in countries]),
]


PAGE_SIZE = 24


def build_catalogue(index: Page, params: QueryDict) -> FacetedPage:
    base = CaseStudyPage.objects.live().public().child_of(index)
    result = apply_facets(base, FACETS, params)
    listing = (result.queryset
               .select_related("city", "maturity", "service_domain", "funding_model")
               .prefetch_related("themes").with_adoption_counts()
               .order_by("-first_published_at", "-pk"))
    return paginate(result, listing, params, PAGE_SIZE)
