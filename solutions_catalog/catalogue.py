"""The catalogue listing: live case studies in the index's language, then those written only
in the other language, filtered on plain database queries: facets, a keyword (every word in
the title, summary or city's name; /search/ adds word analysis and the glossary) and a sort
order."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from common.facets import Facet, FacetedPage, apply_facets, paginate
from common.listings import NEWEST, RELEVANCE, Sort, read_listing, relevance, with_keyword

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


SORTS = [NEWEST, Sort("replicated", _("Most replicated")), RELEVANCE]
KEYWORD_FIELDS = ["title", "summary", "city__name_ko", "city__name_en"]
ORDER = {
    "newest": ("-first_published_at", "-pk"),
    "replicated": ("-adoption_count", "-first_published_at", "-pk"),
    "relevance": ("-relevance", "-first_published_at", "-pk"),
}
PAGE_SIZE = 24


def build_catalogue(language: str, params: QueryDict, nodes: list[int] | None = None
                    ) -> FacetedPage:
    """``nodes``: peer portals the reader chose; this portal's own case studies then go."""
    asked = read_listing(params, SORTS)
    base = with_keyword(CaseStudyPage.objects.for_reader(language), asked, KEYWORD_FIELDS)
    if nodes:
        base = base.none()
    result = apply_facets(base, FACETS, params)
    listing = (result.queryset
               .select_related("city", "maturity", "service_domain", "funding_model")
               .prefetch_related("themes").with_adoption_counts())
    if asked.sort == "relevance":
        listing = listing.annotate(relevance=relevance(asked, ["title"]))
    listing = listing.reader_first(*ORDER[asked.sort])
    return paginate(result, listing, params, PAGE_SIZE, asked)
