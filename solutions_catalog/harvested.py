"""Case studies and adoptions harvested from peer nodes, as this portal shows them: read-only,
in the reader's language where the origin wrote one (else the other, marked), with the origin
node's name and a link back. Harvested items are public by construction (the harvester
refuses anything else), so no permission narrows them."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.facets import Chip, FacetGroup, FacetOption, Filters, without
from federation.iris import item_iri
from harvest.models import HarvestedItem, Peer
from indicators.models import Indicator

from .models import AdoptionStatus, CaseStudyPage, Theme

CASE_STUDY, ADOPTION = "case-study", "adoption"


def case_study_iri(page: CaseStudyPage) -> str:
    """The IRI this node publishes ``page`` under (one item for both language versions),
    which peers' adoptions name as their origin."""
    return case_study_iri_of_key(page.translation_key)


def case_study_iri_of_key(translation_key: UUID | str) -> str:
    """The IRI of the case study with ``translation_key`` (its language versions' one item)."""
    return item_iri(CASE_STUDY, str(translation_key))


def reader_language() -> str:
    return (get_language() or "ko")[:2]


@dataclass(frozen=True)
class Localised:
    """A text of a language map in the reader's language, else in the one there is;
    ``language`` says which (``lang_attr`` and ``language_badge`` read it)."""

    text: str
    language: str

    def __str__(self) -> str:
        return self.text


def localised(mapping: object, language: str | None = None) -> Localised:
    language = language or reader_language()
    if isinstance(mapping, str):
        return Localised(mapping, language)
    if not isinstance(mapping, dict):
        return Localised("", language)
    if mapping.get(language):
        return Localised(str(mapping[language]), language)
    for other, text in mapping.items():
        if text:
            return Localised(str(text), str(other))
    return Localised("", language)


def node_name(peer: Peer, language: str | None = None) -> str:
    language = language or reader_language()
    names = {"ko": peer.name_ko, "en": peer.name_en}
    return names.get(language) or peer.name_en or peer.name_ko or peer.url


def node_labels(values: Iterable[str]) -> dict[str, str]:
    """The ``node`` facet's values (peer keys) named in the active language."""
    keys = [int(v) for v in values if v.isdigit()]
    return {str(peer.pk): node_name(peer) for peer in Peer.objects.filter(pk__in=keys)}


def last_seen(peer: Peer) -> datetime | None:
    """When a peer that stopped answering last answered; None while it answers."""
    answered, tried = peer.last_success_at, peer.last_harvest_at
    return answered if tried and answered and answered < tried else None


def _decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Outcome:
    """A figure of ``scc:outcome`` or ``scc:result``, with the local indicator of its code."""

    code: str
    indicator: Indicator | None
    name: Localised
    value: Decimal | None
    unit: str
    baseline: Decimal | None
    measured_on: date | None


def outcomes(entries: object, indicators: dict[str, Indicator]) -> list[Outcome]:
    found = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        code = str(entry.get("scc:indicator") or "")
        found.append(Outcome(code, indicators.get(code), localised(entry.get("name")),
                             _decimal(entry.get("value")), str(entry.get("unit") or ""),
                             _decimal(entry.get("scc:baseline")),
                             _date(entry.get("scc:measuredOn"))))
    return found


def outcome_codes(items: Iterable[HarvestedItem], key: str) -> set[str]:
    return {str(entry.get("scc:indicator")) for item in items
            for entry in (item.data.get(key) or []) if isinstance(entry, dict)
            and entry.get("scc:indicator")}


def indicators_by_code(codes: Iterable[str]) -> dict[str, Indicator]:
    codes = set(codes)
    return {i.code: i for i in Indicator.objects.filter(code__in=codes)} if codes else {}


@dataclass
class HarvestedCaseStudy:
    """One harvested case study as a reader sees it. ``language`` is its title's."""

    item: HarvestedItem
    themes: list[Theme] = field(default_factory=list)
    indicators: dict[str, Indicator] = field(default_factory=dict)

    @property
    def pk(self) -> int:
        return self.item.pk

    @property
    def title(self) -> Localised:
        return localised(self.item.data.get("name")) if self.item.data.get("name") else \
            localised({"ko": self.item.title_ko, "en": self.item.title_en})

    @property
    def language(self) -> str:
        return self.title.language

    @property
    def other_language(self) -> bool:
        """Not in the reader's language (for ``reader_first`` orderings)."""
        return self.language != reader_language()

    @property
    def summary(self) -> Localised:
        return localised(self.item.data.get("description")
                         or {"ko": self.item.summary_ko, "en": self.item.summary_en})

    @property
    def body(self) -> Localised:
        return localised(self.item.data.get("scc:body"))

    @property
    def city(self) -> Localised:
        city = self.item.data.get("scc:city")
        return localised(city.get("name") if isinstance(city, dict) else None)

    @property
    def outcomes(self) -> list[Outcome]:
        return outcomes(self.item.data.get("scc:outcome"), self.indicators)

    @property
    def node(self) -> str:
        return node_name(self.item.peer)

    @property
    def origin_page(self) -> Localised:
        """The page at the origin, in the reader's language where there is one."""
        return localised(self.item.data.get("url")
                         or {"ko": self.item.url_ko, "en": self.item.url_en})

    @property
    def last_seen(self) -> datetime | None:
        return last_seen(self.item.peer)

    def get_absolute_url(self) -> str:
        return reverse("catalogue:harvested_case_study", args=[self.item.pk])

    @property
    def url(self) -> str:  # as a page's, for templates showing either
        return self.get_absolute_url()


def harvested_case_studies() -> QuerySet:
    return HarvestedItem.objects.filter(kind=CASE_STUDY).select_related("peer")


def shown(items: Iterable[HarvestedItem]) -> list[HarvestedCaseStudy]:
    """The items as readers see them, their themes and indicators read in two queries."""
    items = list(items)
    slugs = {slug for item in items for slug in item.themes or []}
    themes = {t.slug: t for t in Theme.objects.filter(slug__in=slugs)} if slugs else {}
    indicators = indicators_by_code(outcome_codes(items, "scc:outcome"))
    return [HarvestedCaseStudy(item, [themes[s] for s in item.themes or [] if s in themes],
                               indicators) for item in items]


def shown_one(item: HarvestedItem | None) -> HarvestedCaseStudy | None:
    return shown([item])[0] if item is not None else None


def selected_nodes(params: QueryDict) -> list[int]:
    return [int(v) for v in params.getlist("node") if v.isascii() and v.isdigit()][:20]


def node_filter(params: QueryDict) -> FacetGroup | None:
    """The catalogue's "Node" filter: each peer with harvested case studies, by name, with
    their number; one query."""
    chosen = set(selected_nodes(params))
    peers = (Peer.objects.annotate(n=Count("items", filter=Q(items__kind=CASE_STUDY)))
             .filter(Q(n__gt=0) | Q(pk__in=chosen)))
    options = [FacetOption(str(peer.pk), node_name(peer), peer.n, peer.pk in chosen)
               for peer in peers]
    return FacetGroup(str(_("Node")), options) if options else None


def with_node_filter(listing: Filters, params: QueryDict) -> Filters:
    """The catalogue's filters with the node filter added, and its chips."""
    group = node_filter(params)
    if group is not None:
        listing.facets["node"] = group
        listing.chips += [Chip(group.title, option.label, without(params, "node", option.value))
                          for option in group.options if option.selected]
        listing.filtered = listing.filtered or any(o.selected for o in group.options)
    return listing


def listed(theme: str = "", nodes: Iterable[int] = (), limit: int = 12
           ) -> list[HarvestedCaseStudy]:
    """Harvested case studies for the catalogue and a theme hub, newest first."""
    items = harvested_case_studies()
    if theme:
        # The JSON text holds the slug in quotes: SQLite, the embedded default, has no
        # JSON containment lookup, and slugs have no quotes of their own.
        items = items.filter(themes__icontains=f'"{theme}"')
    if nodes:
        items = items.filter(peer_id__in=list(nodes))
    return shown(items.order_by("-modified_at", "-pk")[:limit])


@dataclass(frozen=True)
class RemoteAdopter:
    """The city of an adoption recorded at a peer node (it is no organisation here)."""

    name: Localised

    @property
    def language(self) -> str:
        return self.name.language

    def get_absolute_url(self) -> str:
        return ""


@dataclass
class RemoteAdoption:
    """An adoption of one of this node's case studies, recorded at a peer node and harvested
    from it: shown in the lineage and compared outcomes, marked with its node."""

    item: HarvestedItem
    indicators: dict[str, Indicator] = field(default_factory=dict)
    remote = True

    @property
    def pk(self) -> str:
        return f"remote-{self.item.pk}"

    @property
    def adopter(self) -> RemoteAdopter:
        adopter = self.item.data.get("scc:adopter")
        return RemoteAdopter(localised(adopter.get("name") if isinstance(adopter, dict) else None))

    @property
    def status(self) -> str:
        return str(self.item.data.get("scc:stage") or "")

    def get_status_display(self) -> str:
        return str(dict(AdoptionStatus.choices).get(self.status, self.status))

    @property
    def node(self) -> str:
        return node_name(self.item.peer)

    @property
    def updated_at(self) -> datetime:
        return self.item.modified_at or self.item.first_seen

    @property
    def results(self) -> list[Outcome]:
        return outcomes(self.item.data.get("scc:result"), self.indicators)

    @property
    def evidence_levels(self) -> list[str]:
        return [str(entry.get("scc:evidenceLevel") or "") for entry in
                self.item.data.get("scc:result") or [] if isinstance(entry, dict)]

    @property
    def origin_key(self) -> str:
        return self.item.origin_iri.rsplit("/", 1)[-1]


def case_study_iri_prefix() -> str:
    return item_iri(CASE_STUDY, "")


def adoptions_of(iris: Iterable[str], since: datetime | None = None) -> list[RemoteAdoption]:
    """Harvested adoptions of the case studies named by ``iris`` (this node's or a peer's),
    first harvested ``since`` if given, their indicators read at once: three queries whatever
    their number."""
    items = HarvestedItem.objects.filter(origin_iri__in=list(iris))
    return _shown_adoptions(items.filter(first_seen__gte=since) if since else items)


def remote_adoptions(pages: Iterable[CaseStudyPage] | None = None) -> list[RemoteAdoption]:
    """Harvested adoptions of this node's case studies (of ``pages`` only, if given)."""
    if pages is not None:
        return adoptions_of(case_study_iri(page) for page in pages)
    return _shown_adoptions(
        HarvestedItem.objects.filter(origin_iri__startswith=case_study_iri_prefix()))


def _shown_adoptions(items: QuerySet) -> list[RemoteAdoption]:
    items = list(items.filter(kind=ADOPTION).select_related("peer").order_by("pk"))
    indicators = indicators_by_code(outcome_codes(items, "scc:result"))
    return [RemoteAdoption(item, indicators) for item in items]
