"""A bid's match: what the lead and each partner commit (public, private, in kind), totalled
per currency and set against the share of the request the programme requires.

Only commitments in the programme's currency count towards the requirement: the portal keeps
no exchange rates, so a commitment in another currency is shown and totalled on its own
rather than converted at a guessed rate."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from members.models import Organisation

from .figures import ZERO, currency_order, percent
from .models import Bid, BidPartner, LeadShare
from .models.bids import Commitment

KINDS = ("public", "private", "in_kind")


@dataclass(frozen=True)
class CurrencyTotal:
    """Public, private and in-kind match in one currency: a commitment's, or a bid's total."""

    currency: str
    public: Decimal
    private: Decimal
    in_kind: Decimal

    @property
    def total(self) -> Decimal:
        return self.public + self.private + self.in_kind


@dataclass(frozen=True)
class MatchLine(CurrencyTotal):
    """One organisation's commitment; ``partner`` is None for the lead."""

    organisation: Organisation
    partner: BidPartner | None


@dataclass(frozen=True)
class Match:
    currency: str  # the programme's
    required_percent: int
    requested: Decimal | None
    lines: list[MatchLine]
    totals: list[CurrencyTotal]

    @property
    def committed(self) -> Decimal:
        """What counts towards the requirement: the commitments in the programme's currency."""
        return next((t.total for t in self.totals if t.currency == self.currency), ZERO)

    @property
    def other_currencies(self) -> list[CurrencyTotal]:
        return [t for t in self.totals if t.currency != self.currency and t.total]

    @property
    def committed_percent(self) -> Decimal | None:
        if not self.requested:
            return None
        return percent(self.committed, self.requested)

    @property
    def required_amount(self) -> Decimal | None:
        if self.requested is None:
            return None
        return (self.requested * self.required_percent / 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def shortfall(self) -> Decimal:
        """How much more match the requirement needs (zero when it is met or unknown)."""
        if self.required_amount is None:
            return ZERO
        return max(self.required_amount - self.committed, ZERO)

    @property
    def is_short(self) -> bool:
        return self.shortfall > 0

    @property
    def needs_request(self) -> bool:
        """A requirement that cannot be weighed until the bid says what it asks for."""
        return self.required_percent > 0 and not self.requested


def _line(bid: Bid, organisation: Organisation, commitment: Commitment | None,
          partner: BidPartner | None = None) -> MatchLine:
    if commitment is None:
        return MatchLine(bid.currency, ZERO, ZERO, ZERO, organisation, partner)
    return MatchLine(commitment.currency_in(bid), commitment.match_public,
                     commitment.match_private, commitment.match_in_kind, organisation, partner)


def bid_match(bid: Bid, partners: list[BidPartner]) -> Match:
    """``bid``'s match from its lead share and ``partners`` (with their organisations, as the
    bid page already lists them: no further query but the lead share's)."""
    share = LeadShare.objects.filter(bid=bid).first()
    lines = [_line(bid, bid.lead, share)]
    lines += [_line(bid, partner.organisation, partner, partner) for partner in partners]
    sums: dict[str, dict[str, Decimal]] = {}
    for line in lines:
        if line.total or line.currency == bid.currency:
            kinds = sums.setdefault(line.currency, dict.fromkeys(KINDS, ZERO))
            for kind in KINDS:
                kinds[kind] += getattr(line, kind)
    totals = [CurrencyTotal(code, **sums[code]) for code in sorted(sums, key=currency_order)]
    return Match(bid.currency, bid.opportunity.match_percent, bid.requested_amount, lines,
                 totals)
