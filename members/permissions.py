"""The one place that answers "may this user do this to that?" (DESIGN §7).

``check(user, action, obj)`` returns a ``Decision`` (allowed + the reason, shown to the user
when refused). Views, APIs, templates (``{% can %}``), search filters, feeds and exports all
ask here; nothing else decides.

Objects from other apps take part through small protocols rather than imports:
- ``is_registered(user) -> bool``: a meeting a vendor may have registered for;
- ``team_organisation_ids() -> set[int]`` and ``lead_id``: a bid's lead and partner
  organisations;
- ``bid`` and ``roles`` (a subset of lead / partner / staff): a proposed move of a bid's
  status, from ``funding.workflow``.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import CONSORTIUM_STAFF_GROUP, MembershipStatus, Organisation, OrganisationKind, Role

# Companies and research partners see the network from the supplier side (DESIGN §1).
SUPPLIER_KINDS = {OrganisationKind.VENDOR, OrganisationKind.RESEARCH}


class Action(StrEnum):
    READ_PUBLIC = "read_public"
    READ_MEMBERS_ONLY = "read_members_only"
    VIEW_MEMBER_CONTACTS = "view_member_contacts"
    DRAFT_CASE_STUDY = "draft_case_study"
    REQUEST_TRANSLATION = "request_translation"
    RECORD_ADOPTION = "record_adoption"
    POST_CHALLENGE = "post_challenge"
    CONFIRM_DEPLOYMENT = "confirm_deployment"
    RESPOND_TO_CHALLENGE = "respond_to_challenge"
    PUBLISH = "publish"
    MANAGE_ORGANISATION = "manage_organisation"
    LIST_OFFERING = "list_offering"
    VIEW_BID = "view_bid"
    REGISTER_FOR_MEETING = "register_for_meeting"
    MANAGE_MEETINGS = "manage_meetings"
    EDIT_BID = "edit_bid"
    START_BID = "start_bid"
    MOVE_BID = "move_bid"
    MANAGE_BID_TEAM = "manage_bid_team"
    MANAGE_FUNDING = "manage_funding"
    REVIEW_APPLICATIONS = "review_applications"
    ACCESS_ADMIN = "access_admin"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str | Promise = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)


@dataclass(frozen=True)
class Viewer:
    """What the rules need to know about a user, read once per request."""

    authenticated: bool
    staff: bool
    # organisation id -> (role, organisation kind), active organisations only
    memberships: dict[int, tuple[str, str]]
    user: Any = None

    def member_of(self, org_id: int) -> bool:
        return org_id in self.memberships

    def admin_of(self, org_id: int) -> bool:
        return self.memberships.get(org_id, ("", ""))[0] == Role.ORG_ADMIN

    @property
    def municipal_member(self) -> bool:
        return any(kind not in SUPPLIER_KINDS for _, kind in self.memberships.values())

    @property
    def member(self) -> bool:
        return bool(self.memberships)

    @property
    def city_ids(self) -> set[int]:
        return {org_id for org_id, (_, kind) in self.memberships.items()
                if kind == OrganisationKind.CITY}


ANONYMOUS = Viewer(authenticated=False, staff=False, memberships={})


def viewer(user: Any) -> Viewer:
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_portal_viewer", None)
    if cached is None:
        rows = user.memberships.filter(
            organisation__membership_status=MembershipStatus.ACTIVE
        ).values_list("organisation_id", "role", "organisation__kind")
        cached = Viewer(
            authenticated=True,
            staff=user.is_superuser or user.groups.filter(name=CONSORTIUM_STAFF_GROUP).exists(),
            memberships={org_id: (role, kind) for org_id, role, kind in rows},
            user=user,
        )
        user._portal_viewer = cached
    return cached


def forget(user: Any) -> None:
    """Drop the cached facts after a membership change within the same request."""
    if hasattr(user, "_portal_viewer"):
        del user._portal_viewer


def _sign_in(v: Viewer, reason: str | Promise) -> Decision:
    return Decision(False, _("Please sign in first.") if not v.authenticated else reason)


def _read_members_only(v: Viewer, obj: Any) -> Decision:
    if v.staff or v.municipal_member:
        return ALLOW
    if v.member and obj is not None and getattr(obj, "is_registered", None):
        if obj.is_registered(v.user):
            return ALLOW
        return Decision(False, _("Partners see this once they have registered."))
    return _sign_in(v, _("Only member organisations can see this."))


def _member_contacts(v: Viewer, obj: Any) -> Decision:
    return ALLOW if v.staff or v.member else _sign_in(v, _("Contact details are for members."))


def _act_for_city(reason: str | Promise):
    def rule(v: Viewer, city: Organisation) -> Decision:
        if v.staff or (city is not None and city.pk in v.city_ids):
            return ALLOW
        return _sign_in(v, reason)

    return rule


def _respond_to_challenge(v: Viewer, organisation: Organisation) -> Decision:
    # The object is the organisation answering: people answer for their own organisation.
    if organisation is not None and v.member_of(organisation.pk):
        return ALLOW
    return _sign_in(v, _("Only people of a member organisation can answer a challenge."))


def _access_admin(v: Viewer, obj: Any) -> Decision:
    # City officers write their case studies in the Wagtail admin; vendors never do.
    if v.staff or v.city_ids:
        return ALLOW
    return _sign_in(v, _("The administration is for consortium staff and city officers."))


def _register_for_meeting(v: Viewer, meeting: Any) -> Decision:
    members_only = meeting is not None and meeting.audience == "members"
    if not v.authenticated or (members_only and not (v.staff or v.member)):
        return _sign_in(v, _("This meeting is for member organisations."))
    return ALLOW


def _staff_only(reason: str | Promise):
    def rule(v: Viewer, obj: Any) -> Decision:
        return ALLOW if v.staff else _sign_in(v, reason)

    return rule


def _manage_organisation(v: Viewer, org: Organisation) -> Decision:
    if v.staff or (org is not None and v.admin_of(org.pk)):
        return ALLOW
    return _sign_in(v, _("Only this organisation's admins can change its profile and people."))


def _list_offering(v: Viewer, vendor: Organisation) -> Decision:
    if v.staff:
        return ALLOW
    if vendor is not None and vendor.kind in SUPPLIER_KINDS and v.member_of(vendor.pk):
        return ALLOW
    return _sign_in(v, _("Only this vendor's own people can list its offerings."))


def _bid_team(v: Viewer, bid: Any) -> Decision:
    if v.staff:
        return ALLOW
    if bid is not None and v.memberships.keys() & bid.team_organisation_ids():
        return ALLOW
    return _sign_in(v, _("Only the bid team and consortium staff can see this bid."))


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
    return _sign_in(v, _("Bids are led by a member city or public body; its people start "
                         "them, and companies join as partners."))


def _move_bid(v: Viewer, move: Any) -> Decision:
    roles = bid_roles(v, move.bid)
    if roles & move.roles:
        return ALLOW
    if not roles:
        return _bid_team(v, move.bid)
    return Decision(False, _("Only the lead organisation or consortium staff can make this "
                             "change."))


def _manage_bid_team(v: Viewer, bid: Any) -> Decision:
    if bid_roles(v, bid) & {"staff", "lead"}:
        return ALLOW
    if bid_roles(v, bid):
        return Decision(False, _("Only the lead organisation chooses the partners."))
    return _bid_team(v, bid)


RULES = {
    Action.READ_PUBLIC: lambda v, obj: ALLOW,
    Action.READ_MEMBERS_ONLY: _read_members_only,
    Action.REGISTER_FOR_MEETING: _register_for_meeting,
    Action.VIEW_MEMBER_CONTACTS: _member_contacts,
    Action.DRAFT_CASE_STUDY: _act_for_city(_("Only officers of this city can write its case "
                                             "studies.")),
    Action.REQUEST_TRANSLATION: _act_for_city(_("Only officers of this city can ask for a "
                                                "translation of its case studies.")),
    Action.RECORD_ADOPTION: _act_for_city(_("Only officers of the adopting city can record "
                                            "an adoption.")),
    Action.POST_CHALLENGE: _act_for_city(_("Only officers of this city can post and manage "
                                           "its challenges.")),
    Action.CONFIRM_DEPLOYMENT: _act_for_city(_("Only officers of this city can confirm what "
                                               "runs in its projects.")),
    Action.RESPOND_TO_CHALLENGE: _respond_to_challenge,
    Action.PUBLISH: _staff_only(_("Only consortium staff can approve and publish.")),
    Action.MANAGE_ORGANISATION: _manage_organisation,
    Action.LIST_OFFERING: _list_offering,
    Action.VIEW_BID: _bid_team,
    Action.EDIT_BID: _bid_team,
    Action.START_BID: _start_bid,
    Action.MOVE_BID: _move_bid,
    Action.MANAGE_BID_TEAM: _manage_bid_team,
    Action.MANAGE_FUNDING: _staff_only(_("Only consortium staff manage funding "
                                         "opportunities.")),
    Action.REVIEW_APPLICATIONS: _staff_only(_("Only consortium staff review applications.")),
    Action.MANAGE_MEETINGS: _staff_only(_("Only consortium staff manage meetings.")),
    Action.ACCESS_ADMIN: _access_admin,
}


def check(user: Any, action: Action | str, obj: Any = None) -> Decision:
    return RULES[Action(action)](viewer(user), obj)


def require(user: Any, action: Action | str, obj: Any = None) -> None:
    """Raise ``PermissionDenied`` with the reason unless allowed."""
    decision = check(user, action, obj)
    if not decision:
        raise PermissionDenied(decision.reason)


def is_staff(user: Any) -> bool:
    return viewer(user).staff


def search_audiences(user: Any) -> set[str]:
    """The audience tokens a user's searches may match (see ``search.registry``)."""
    v = viewer(user)
    audiences = {"public"}
    if v.staff or v.municipal_member:
        audiences.add("members")
    if v.staff:
        audiences.add("staff")
    audiences.update(f"org:{org_id}" for org_id in v.memberships)
    return audiences
