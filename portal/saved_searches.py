"""The listings a search can be saved from, and what a saved search finds now for its
owner. Every listing answers with what its owner may see: the search page through the search
engine with the owner's audiences, the listings through their own querysets (funding calls
through ``visible_to``), so an alert never names an item its owner could not open."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from common.facets import Facet, apply_facets
from events.listing import FACETS as MEETING_FACETS
from events.models import Meeting
from funding.listing import FACETS as FUNDING_FACETS
from funding.models import FundingOpportunity
from members.permissions import search_audiences
from search.engines import ask
from search.query import parse
from search.registry import FACETS as SEARCH_FACETS
from solutions_catalog.catalogue import FACETS as CATALOGUE_FACETS
from solutions_catalog.models import CaseStudyPage, CatalogueIndexPage, Challenge, VendorOffering
from solutions_catalog.views.challenges import FACETS as CHALLENGE_FACETS
from solutions_catalog.views.offerings import FACETS as OFFERING_FACETS

MOST_MATCHES = 100  # newest first: what one run may find in one saved search


@dataclass(frozen=True)
class Match:
    item: str  # "<kind>-<id>", as search documents name them
    title: str
    url: str


@dataclass(frozen=True)
class Listing:
    key: str
    label: str | Promise
    path: Callable[[], str]  # the listing's address in the active language
    filters: tuple[str, ...]
    find: Callable[[object, QueryDict], list[Match]]
    # what is wrong with the filters' values, said to the person saving them
    problems: Callable[[QueryDict], list[str]]
    # the listing's own parameters besides its filters (kept; they do not filter)
    also_accepts: frozenset[str] = frozenset()

    def unknown(self, params: QueryDict) -> list[str]:
        return sorted(set(params) - {*self.filters, *self.also_accepts, "page"})


def _listing(key: str, label: Promise, path: Callable[[], str], kind: str,
             base: Callable[[object], QuerySet], facets: list[Facet],
             also_accepts: frozenset[str] = frozenset()) -> Listing:
    """A filtered listing of one model: its facets filter ``base(owner)``, newest first."""
    def find(owner, params: QueryDict) -> list[Match]:
        found = apply_facets(base(owner), facets, params).queryset.order_by("-pk")
        return [Match(f"{kind}-{obj.pk}", str(obj), _url(obj))
                for obj in found[:MOST_MATCHES]]

    def problems(params: QueryDict) -> list[str]:
        return [_("Unknown value in the “%(filter)s” filter.") % {"filter": facet.title}
                for facet in facets
                if not all(facet.accepts(v.strip()) for v in params.getlist(facet.param))]

    return Listing(key, label, path, tuple(f.param for f in facets), find, problems,
                   also_accepts)


def _url(obj) -> str:
    if isinstance(obj, CaseStudyPage):
        return obj.get_url()
    if isinstance(obj, Challenge):
        return reverse("catalogue:challenge", kwargs={"slug": obj.slug})
    return obj.get_absolute_url()


def _search(owner, params: QueryDict) -> list[Match]:
    params = params.copy()
    params["sort"] = "newest"
    params.pop("page", None)
    query, _errors = parse(params, audiences=search_audiences(owner),
                           language=owner.preferred_language, per_page=MOST_MATCHES)
    results = ask(lambda engine: engine.search(query))
    return [Match(f"{hit.kind}-{hit.object_id}", hit.title, hit.url) for hit in results.hits]


def _search_problems(params: QueryDict) -> list[str]:
    return parse(params, audiences=set(), language=None)[1]


def _catalogue_path() -> str:
    index = CatalogueIndexPage.objects.live().filter(
        locale__language_code=get_language()).first()
    return index.get_url() if index else "/"


LISTINGS: dict[str, Listing] = {listing.key: listing for listing in (
    Listing("search", gettext_lazy("Search"), lambda: reverse("search:search"), SEARCH_FACETS,
            _search, _search_problems, frozenset({"q", "from", "to", "sort"})),
    _listing("catalogue", gettext_lazy("Case studies"), _catalogue_path, "case_study",
             lambda owner: CaseStudyPage.objects.for_reader(owner.preferred_language),
             CATALOGUE_FACETS),
    _listing("offerings", gettext_lazy("Offerings"), lambda: reverse("catalogue:offerings"),
             "offering", lambda owner: VendorOffering.objects.listed(), OFFERING_FACETS),
    _listing("challenges", gettext_lazy("Challenges"), lambda: reverse("catalogue:challenges"),
             "challenge", lambda owner: Challenge.objects.open(), CHALLENGE_FACETS),
    _listing("meetings", gettext_lazy("Meetings"), lambda: reverse("events:meetings"),
             "meeting", lambda owner: Meeting.objects.upcoming(), MEETING_FACETS,
             frozenset({"view", "month"})),
    _listing("funding", gettext_lazy("Funding opportunities"),
             lambda: reverse("funding:opportunities"), "opportunity",
             FundingOpportunity.objects.visible_to, FUNDING_FACETS),
)}


def validated(listing_key: str, query: str) -> tuple[Listing | None, QueryDict, list[str]]:
    """The listing and its filters, or what is wrong with them (then nothing is saved)."""
    listing = LISTINGS.get(listing_key)
    if listing is None:
        return None, QueryDict(), [_("Searches of this page cannot be saved.")]
    params = QueryDict(query, mutable=True)
    if unknown := listing.unknown(params):
        return listing, params, [_("Unknown filters: %(names)s.") % {"names": ", ".join(unknown)}]
    return listing, params, listing.problems(params)
