"""The funding dashboard's figures, computed in the database over the bids a viewer may see.

Amounts are never added across currencies: every sum is per currency (a bid's currency is its
opportunity's). Each function runs one or two grouped queries, whatever the number of bids.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from members.models import Organisation, OrganisationKind, User
from solutions_catalog.models import CaseStudyPage
from solutions_catalog.models.case_studies import Currency

from .models import Bid, BidPartner, BidStatus, BidTask

ZERO = Decimal(0)
CURRENCIES = list(Currency.values)

# Bids whose request reached the funder; they count in "requested" by year of submission.
SENT = (BidStatus.SUBMITTED, BidStatus.AWARDED, BidStatus.NOT_AWARDED)

# The three funding models of seed 003 (FundingModel slugs), in the report's order.
PUBLIC, PRIVATE, PUBLIC_PRIVATE = "public", "private", "public-private"
MIX = (PUBLIC, PRIVATE, PUBLIC_PRIVATE)
MIX_LABELS: dict[str, Promise] = {
    PUBLIC: pgettext_lazy("funding mix", "Public"),
    PRIVATE: pgettext_lazy("funding mix", "Private"),
    PUBLIC_PRIVATE: pgettext_lazy("funding mix", "Public–private"),
}
# What the consortium's 2022 report found across 31 global cities (seed 003), in %.
REPORTED_MIX = {PUBLIC: Decimal("51.3"), PRIVATE: Decimal("36.6"),
                PUBLIC_PRIVATE: Decimal("12.1")}
REPORT_LABEL = gettext_lazy("2022 report, 31 cities")


def currency_order(code: str) -> int:
    return CURRENCIES.index(code) if code in CURRENCIES else len(CURRENCIES)


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole``, to one decimal place (None for nothing)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def each_once(bids: QuerySet[Bid]) -> QuerySet[Bid]:
    """The same bids without the joins ``visible_to()`` adds: a sum over a join with the
    partners would count a bid once per partner."""
    return Bid.objects.filter(pk__in=bids.values("pk")).order_by()


@dataclass(frozen=True)
class Money:
    currency: str
    amount: Decimal


def _by_currency(amounts: dict[str, Decimal]) -> list[Money]:
    return [Money(code, amounts[code]) for code in sorted(amounts, key=currency_order)]


# --- 1. pipeline by status ---------------------------------------------------------------
@dataclass(frozen=True)
class StatusFigure:
    status: str
    label: str
    count: int
    requested: list[Money]  # stated requests only; a currency appears once it has one


def pipeline(bids: QuerySet[Bid]) -> list[StatusFigure]:
    """Every status in the workflow's order, with its bids and the amount they request."""
    rows = (each_once(bids).values("status", currency=F("opportunity__currency"))
            .annotate(count=Count("pk"), requested=Sum("requested_amount")))
    counts: dict[str, int] = defaultdict(int)
    requested: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in rows:
        counts[row["status"]] += row["count"]
        if row["requested"] is not None:
            requested[row["status"]][row["currency"]] = row["requested"]
    return [StatusFigure(status, str(label), counts[status], _by_currency(requested[status]))
            for status, label in BidStatus.choices]


# --- 2. requested and awarded by year ----------------------------------------------------
@dataclass
class YearFigure:
    year: int
    submitted: int = 0
    requested: Decimal = ZERO
    awards: int = 0
    awarded: Decimal = ZERO


@dataclass(frozen=True)
class CurrencyYears:
    currency: str
    years: list[YearFigure]


def by_year(bids: QuerySet[Bid]) -> list[CurrencyYears]:
    """Per currency and year: what was requested, by the year the bid was submitted (for
    bids submitted, awarded or not awarded), and what was awarded, by the year of the award.
    """
    base = each_once(bids)
    sent = (base.filter(status__in=SENT, submitted_on__isnull=False)
            .values(year=ExtractYear("submitted_on"), currency=F("opportunity__currency"))
            .annotate(count=Count("pk"), amount=Coalesce(Sum("requested_amount"), ZERO)))
    awarded = (base.filter(status=BidStatus.AWARDED)
               .values(year=ExtractYear("awarded_on"), currency=F("opportunity__currency"))
               .annotate(count=Count("pk"), amount=Coalesce(Sum("awarded_amount"), ZERO)))
    table: dict[str, dict[int, YearFigure]] = defaultdict(dict)
    for row in sent:
        year = int(row["year"])  # EXTRACT is a numeric (a Decimal) on PostgreSQL 14+
        figure = table[row["currency"]].setdefault(year, YearFigure(year))
        figure.submitted, figure.requested = row["count"], row["amount"]
    for row in awarded:
        year = int(row["year"])
        figure = table[row["currency"]].setdefault(year, YearFigure(year))
        figure.awards, figure.awarded = row["count"], row["amount"]
    return [CurrencyYears(code, [table[code][year] for year in sorted(table[code])])
            for code in sorted(table, key=currency_order)]


# --- 3. success rate ---------------------------------------------------------------------
@dataclass(frozen=True)
class SuccessRate:
    awarded: int
    not_awarded: int

    @property
    def decided(self) -> int:
        return self.awarded + self.not_awarded

    @property
    def percent(self) -> Decimal | None:
        return percent(self.awarded, self.decided)


def success_rate(statuses: list[StatusFigure]) -> SuccessRate:
    """Awarded among decided bids (awarded or not); pending and withdrawn bids left out."""
    counts = {figure.status: figure.count for figure in statuses}
    return SuccessRate(counts[BidStatus.AWARDED], counts[BidStatus.NOT_AWARDED])


# --- 4. the viewer's open tasks ----------------------------------------------------------
def open_tasks(user: User, bids: QuerySet[Bid]) -> QuerySet[BidTask]:
    """``user``'s unfinished tasks that have a due date, on bids they may still see."""
    return (BidTask.objects.filter(owner=user, done_at__isnull=True, due_on__isnull=False,
                                   bid__in=bids.values("pk"))
            .select_related("bid").order_by("due_on", "pk"))


# --- 5. funding mix per city -------------------------------------------------------------
@dataclass(frozen=True)
class Share:
    kind: str
    label: str
    count: int
    percent: Decimal | None


@dataclass(frozen=True)
class CityMix:
    """How a city's projects are funded; ``city`` is None for all cities together."""

    city: Organisation | None
    case_studies: dict[str, int] = field(default_factory=dict)
    bids: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return self.case_studies.get(kind, 0) + self.bids.get(kind, 0)

    @property
    def case_study_count(self) -> int:
        return sum(self.case_studies.values())

    @property
    def bid_count(self) -> int:
        return sum(self.bids.values())

    @property
    def total(self) -> int:
        return self.case_study_count + self.bid_count

    @property
    def shares(self) -> list[Share]:
        return [Share(kind, str(MIX_LABELS[kind]), self.count(kind),
                      percent(self.count(kind), self.total)) for kind in MIX]


def _match(amount_field: str) -> Coalesce:
    """A bid's committed partner match of one kind (public or private), summed."""
    total = (BidPartner.objects.filter(bid=OuterRef("pk")).order_by().values("bid")
             .annotate(total=Sum(amount_field)).values("total"))
    return Coalesce(Subquery(total), Value(ZERO))


def funding_mix(bids: QuerySet[Bid]) -> list[CityMix]:
    """Per city, its live case studies by funding model (a case study counts once whatever
    its translations) plus its city-led bids, withdrawn ones left out, classified by their
    committed match: public only, or none (the funders are public), counts as public;
    private only as private; both as public–private. Cities by name."""
    case_studies = (CaseStudyPage.objects.live().public().filter(funding_model__slug__in=MIX)
                    .values("city_id", kind=F("funding_model__slug"))
                    .annotate(count=Count("translation_key", distinct=True)).order_by())
    kind = Case(When(public__gt=0, private__gt=0, then=Value(PUBLIC_PRIVATE)),
                When(private__gt=0, then=Value(PRIVATE)),
                default=Value(PUBLIC), output_field=CharField())
    led = (each_once(bids).filter(lead__kind=OrganisationKind.CITY)
           .exclude(status=BidStatus.WITHDRAWN)
           .annotate(public=_match("match_public"), private=_match("match_private"))
           .values("lead_id", kind=kind).annotate(count=Count("pk")))
    studies: dict[int, dict[str, int]] = defaultdict(dict)
    for row in case_studies:
        studies[row["city_id"]][row["kind"]] = row["count"]
    projects: dict[int, dict[str, int]] = defaultdict(dict)
    for row in led:
        projects[row["lead_id"]][row["kind"]] = row["count"]
    cities = Organisation.objects.in_bulk(studies.keys() | projects.keys())
    return sorted((CityMix(cities[pk], studies[pk], projects[pk]) for pk in cities),
                  key=lambda mix: mix.city.name)


def all_cities(mixes: list[CityMix]) -> CityMix:
    """The cities' mixes added up: the figure to set beside the report's."""

    def added(source: str) -> dict[str, int]:
        return {kind: sum(getattr(mix, source).get(kind, 0) for mix in mixes) for kind in MIX}

    return CityMix(None, added("case_studies"), added("bids"))
