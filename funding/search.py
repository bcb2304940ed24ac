"""How funding appears in search: opportunities (public, or members-only), and bids, which
only their team and staff may find (DESIGN §5: a bid is the team's business)."""

from collections.abc import Iterator

from django.db.models.signals import post_delete, post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members.models import OrganisationKind
from search.registry import (
    MEMBERS,
    PUBLIC,
    SearchableType,
    SearchRecord,
    language_codes,
    register,
)
from search.tasks import record_change

from .models import Bid, BidPartner, FundingOpportunity

STAFF = "staff"


def opportunity_records(opportunity: FundingOpportunity) -> Iterator[SearchRecord]:
    audiences = (MEMBERS,) if opportunity.is_members_only else (PUBLIC,)
    for language in language_codes():
        with translation.override(language):
            yield SearchRecord(
                kind="opportunity", object_id=str(opportunity.pk), language=language,
                title=opportunity.programme, summary=opportunity.funder,
                body=f"{opportunity.description} {opportunity.eligibility}",
                themes=tuple(theme.slug for theme in opportunity.themes.all()),
                date=opportunity.local_deadline.date(), url=opportunity.get_absolute_url(),
                audiences=audiences)


def bid_records(bid: Bid) -> Iterator[SearchRecord]:
    # One record per language: the team writes in one language and searches in either.
    team = tuple(f"org:{pk}" for pk in sorted(bid.team_organisation_ids()))
    for language in language_codes():
        with translation.override(language):
            yield SearchRecord(
                kind="bid", object_id=str(bid.pk), language=language, title=bid.title,
                summary=bid.summary, body=bid.opportunity.programme,
                themes=tuple(theme.slug for theme in bid.opportunity.themes.all()),
                country=bid.lead.country.code, organisation=bid.lead.slug,
                city=bid.lead.slug if bid.lead.kind == OrganisationKind.CITY else "",
                date=bid.updated_at.date(), url=bid.get_absolute_url(),
                audiences=(STAFF, *team))


register(SearchableType(
    kind="opportunity", model=FundingOpportunity,
    indexable=lambda: FundingOpportunity.objects.prefetch_related("themes"),
    to_records=opportunity_records, label=_("Funding opportunity")))
register(SearchableType(
    kind="bid", model=Bid,
    indexable=lambda: Bid.objects.select_related("lead", "opportunity")
    .prefetch_related("opportunity__themes"),
    to_records=bid_records, label=_("Bid")))


def _team_changed(sender, instance: BidPartner, raw: bool = False, **kwargs) -> None:
    """Who may find a bid changes with its partners."""
    if not raw:
        record_change("bid", str(instance.bid_id))


def _opportunity_changed(sender, instance: FundingOpportunity, created: bool,
                         raw: bool = False, **kwargs) -> None:
    """A bid's document carries its opportunity's name and themes."""
    if not (created or raw):
        for pk in instance.bids.values_list("pk", flat=True):
            record_change("bid", str(pk))


post_save.connect(_team_changed, sender=BidPartner, dispatch_uid="search-bid-team")
post_delete.connect(_team_changed, sender=BidPartner, dispatch_uid="search-bid-team-gone")
post_save.connect(_opportunity_changed, sender=FundingOpportunity,
                  dispatch_uid="search-bid-opportunity")
