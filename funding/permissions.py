"""The funding app's actions and their rules, registered with ``members.permissions`` by
``FundingConfig.ready``. A bid takes part through ``team_organisation_ids()`` and
``lead_id``; a proposed move of its status (``funding.workflow``) through ``bid`` and
``roles`` (a subset of lead / partner / staff)."""

from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from members.permissions import (
    ALLOW,
    SUPPLIER_KINDS,
    Decision,
    Rule,
    Viewer,
    sign_in,
    staff_only,
)


class FundingAction(StrEnum):
    VIEW_BID = "view_bid"
    EDIT_BID = "edit_bid"
    START_BID = "start_bid"
    MOVE_BID = "move_bid"
    MANAGE_BID_TEAM = "manage_bid_team"
    RECORD_MATCH = "record_match"
    EVIDENCE_PACK = "evidence_pack"
    MANAGE_FUNDING = "manage_funding"


# The bid-team rule, once: staff and the people of the lead and partner organisations.

def on_bid_team(v: Viewer, bid: Any) -> Decision:
    if v.staff:
        return ALLOW
    if bid is not None and v.memberships.keys() & bid.team_organisation_ids():
        return ALLOW
    return sign_in(v, _("Only the bid team and consortium staff can see this bid."))


def bids_of_teams(v: Viewer, bids: QuerySet) -> QuerySet:
    if v.staff:
        return bids
    if not v.member:
        return bids.none()
    teams = list(v.memberships)
    return bids.filter(Q(lead_id__in=teams) | Q(partners__organisation_id__in=teams)).distinct()


BID_TEAM = Rule(on_bid_team, bids_of_teams)


def bid_roles(v: Viewer, bid: Any) -> set[str]:
    """What the viewer is on ``bid``: any of "staff", "lead" and "partner"."""
    roles = {"staff"} if v.staff else set()
    if bid is not None and v.member_of(bid.lead_id):
        roles.add("lead")
    if bid is not None and v.memberships.keys() & (bid.team_organisation_ids() - {bid.lead_id}):
        roles.add("partner")
    return roles


def _start_bid(v: Viewer, lead: Organisation) -> Decision:
    leads = lead is not None and lead.kind not in SUPPLIER_KINDS
    if leads and (v.staff or v.member_of(lead.pk)):
        return ALLOW
    return sign_in(v, _("Bids are led by a member city or public body; its people start "
                        "them, and companies join as partners."))


def _move_bid(v: Viewer, move: Any) -> Decision:
    roles = bid_roles(v, move.bid)
    if roles & move.roles:
        return ALLOW
    if not roles:
        return on_bid_team(v, move.bid)
    return Decision(False, _("Only the lead organisation or consortium staff can make this "
                             "change."))


def _lead_or_staff(refusal: str) -> Rule:
    """The lead organisation and staff; the rest of the team is told ``refusal``, anyone else
    is refused as the bid-team rule refuses them."""

    def decide(v: Viewer, bid: Any) -> Decision:
        if bid_roles(v, bid) & {"staff", "lead"}:
            return ALLOW
        if bid_roles(v, bid):
            return Decision(False, refusal)
        return on_bid_team(v, bid)

    return Rule(decide)


RULES = {
    FundingAction.VIEW_BID: BID_TEAM,
    FundingAction.EDIT_BID: BID_TEAM,
    FundingAction.START_BID: Rule(_start_bid),
    FundingAction.MOVE_BID: Rule(_move_bid),
    FundingAction.MANAGE_BID_TEAM: _lead_or_staff(
        _("Only the lead organisation chooses the partners.")),
    FundingAction.RECORD_MATCH: _lead_or_staff(
        _("Only the lead organisation records the team's match.")),
    # The funder-ready PDF: the whole team, as the bid page (outsiders never learn it exists).
    FundingAction.EVIDENCE_PACK: BID_TEAM,
    FundingAction.MANAGE_FUNDING: Rule(staff_only(_("Only consortium staff manage funding "
                                                    "opportunities."))),
}

STAFF_PERMISSIONS = [
    "funding.add_fundingopportunity", "funding.change_fundingopportunity",
    "funding.delete_fundingopportunity",
    # Bids change only through funding.services (which keep their history); staff read
    # and export them in the admin and act on them in the bid room.
    "funding.view_bid",
]
