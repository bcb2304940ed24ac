"""What funding publishes to peer nodes: open calls everyone may see. Never bids, partners or
members-only calls; a call that closes leaves the feed as a tombstone."""

from federation.iris import item_iri
from federation.items import human_urls, iso, item, language_map, number
from federation.registry import PublishedType, register

from .models import FundingOpportunity


def _amount(value, currency: str) -> dict | None:
    return {"type": "schema:MonetaryAmount", "value": number(value),
            "currency": currency} if value is not None else None


def funding_call_item(rows: list[FundingOpportunity]) -> dict:
    call = rows[0]
    return item(item_iri("funding-call", str(call.pk)), "scc:FundingCall", {
        "name": language_map(call, "programme"),
        "description": language_map(call, "description"),
        "url": human_urls(call.get_absolute_url),
        "scc:funder": {"name": language_map(call, "funder")},
        "scc:opensOn": iso(call.opens_on),
        "scc:deadline": iso(call.deadline),
        "scc:totalAward": _amount(call.total_award, call.currency),
        "scc:maxAward": _amount(call.max_award, call.currency),
        "scc:matchPercent": call.match_percent,
        "scc:theme": sorted(theme.slug for theme in call.themes.all()),
        "datePublished": iso(call.created_at),
        "dateModified": iso(call.updated_at),
    })


register(PublishedType(
    kind="funding-call", type="scc:FundingCall", model=FundingOpportunity,
    public=lambda: FundingOpportunity.objects.public().open().prefetch_related("themes"),
    to_item=funding_call_item,
))
