"""The catalogue listing: live case studies in the index's language, then those written only
in the other language, filtered on plain database queries (the search issue moves this onto
the search engine)."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

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


def build_catalogue(language: str, params: QueryDict) -> FacetedPage:
    base = CaseStudyPage.objects.for_reader(language)
    result = apply_facets(base, FACETS, params)
    listing = (result.queryset
               .select_related("city", "maturity", "service_domain", "funding_model")
               .prefetch_related("themes").with_adoption_counts()
               .reader_first("-first_published_at", "-pk"))
    return paginate(result, listing, params, PAGE_SIZE)
