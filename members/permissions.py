"""The one place to ask "may this user do this to that?" (DESIGN §7).

``check(user, action, obj)`` returns a ``Decision`` (allowed + the reason, shown to the user
when refused); ``visible(user, action, queryset)`` narrows a queryset to what the user may
see. Views, APIs, templates (``{% can %}``), search filters, feeds and exports all ask here.

The rules themselves live beside the querysets they guard: each app declares its actions and
a ``Rule`` pair per action in its ``permissions.py`` (members' own are below) and registers
them from its ``AppConfig.ready``, as each app's ``search.py`` registers its documents.
Objects of other apps take part through small protocols rather than imports: a meeting's
``is_registered(user) -> bool`` for members-only material.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import CONSORTIUM_STAFF_GROUP, MembershipStatus, Organisation, OrganisationKind, Role

# Companies and research partners see the network from the supplier side (DESIGN §1).
SUPPLIER_KINDS = {OrganisationKind.VENDOR, OrganisationKind.RESEARCH}


class MemberAction(StrEnum):
    READ_PUBLIC = "read_public"
    READ_MEMBERS_ONLY = "read_members_only"
    VIEW_MEMBER_CONTACTS = "view_member_contacts"
    PUBLISH = "publish"
    MANAGE_ORGANISATION = "manage_organisation"
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


def sign_in(v: Viewer, reason: str | Promise) -> Decision:
    """A refusal that asks a visitor to sign in first, and tells others ``reason``."""
    return Decision(False, _("Please sign in first.") if not v.authenticated else reason)


def staff_only(reason: str | Promise) -> Callable[[Viewer, Any], Decision]:
    def rule(v: Viewer, obj: Any) -> Decision:
        return ALLOW if v.staff else sign_in(v, reason)

    return rule


QS = TypeVar("QS", bound=QuerySet)


@dataclass(frozen=True)
class Rule:
    """One action's rule as a pair: may this viewer act on this object, and which objects
    of a queryset may this viewer see (for actions that list things)."""

    may: Callable[[Viewer, Any], Decision]
    visible: Callable[[Viewer, Any], Any] | None = None


_rules: dict[StrEnum, Rule] = {}


def register(rules: Mapping[StrEnum, Rule]) -> None:
    """Called by each app's ``AppConfig.ready`` with the rules of its own actions."""
    for action, rule in rules.items():
        if _rules.get(action, rule) is not rule:
            raise ValueError(f"{action!r} already has a rule")
        _rules[action] = rule


class _Actions:
    """Every registered action, whichever app declared it: ``Action.VIEW_BID``,
    ``list(Action)``. Code names its own app's enum (``FundingAction.VIEW_BID``)."""

    def __getattr__(self, name: str) -> StrEnum:
        for action in _rules:
            if action.name == name:
                return action
        raise AttributeError(name)

    def __iter__(self) -> Iterator[StrEnum]:
        return iter(list(_rules))


Action = _Actions()


def _rule(action: StrEnum | str) -> Rule:
    # An action is a StrEnum: it hashes and compares as its value, so "view_bid" finds it.
    try:
        return _rules[action]
    except KeyError:
        raise ValueError(f"{action!r} is not a registered action") from None


def check(user: Any, action: StrEnum | str, obj: Any = None) -> Decision:
    return _rule(action).may(viewer(user), obj)


def require(user: Any, action: StrEnum | str, obj: Any = None) -> None:
    """Raise ``PermissionDenied`` with the reason unless allowed."""
    decision = check(user, action, obj)
    if not decision:
        raise PermissionDenied(decision.reason)


def visible(user: Any, action: StrEnum | str, queryset: QS) -> QS:
    """The objects of ``queryset`` ``user`` may ``action``: the list beside ``check``."""
    rule = _rule(action)
    if rule.visible is None:
        raise ValueError(f"{action!r} has no rule for lists, only for single objects")
    return rule.visible(viewer(user), queryset)


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


# -- members' own rules -----------------------------------------------------------------

def _read_members_only(v: Viewer, obj: Any) -> Decision:
    if v.staff or v.municipal_member:
        return ALLOW
    if v.member and obj is not None and getattr(obj, "is_registered", None):
        if obj.is_registered(v.user):
            return ALLOW
        return Decision(False, _("Partners see this once they have registered."))
    return sign_in(v, _("Only member organisations can see this."))


def _member_contacts(v: Viewer, obj: Any) -> Decision:
    return ALLOW if v.staff or v.member else sign_in(v, _("Contact details are for members."))


def _access_admin(v: Viewer, obj: Any) -> Decision:
    # City officers write their case studies in the Wagtail admin; vendors never do.
    if v.staff or v.city_ids:
        return ALLOW
    return sign_in(v, _("The administration is for consortium staff and city officers."))


def _manage_organisation(v: Viewer, org: Organisation) -> Decision:
    if v.staff or (org is not None and v.admin_of(org.pk)):
        return ALLOW
    return sign_in(v, _("Only this organisation's admins can change its profile and people."))


RULES = {
    MemberAction.READ_PUBLIC: Rule(lambda v, obj: ALLOW),
    MemberAction.READ_MEMBERS_ONLY: Rule(_read_members_only),
    MemberAction.VIEW_MEMBER_CONTACTS: Rule(_member_contacts),
    MemberAction.PUBLISH: Rule(staff_only(_("Only consortium staff can approve and publish."))),
    MemberAction.MANAGE_ORGANISATION: Rule(_manage_organisation),
    MemberAction.REVIEW_APPLICATIONS: Rule(staff_only(_("Only consortium staff review "
                                                        "applications."))),
    MemberAction.ACCESS_ADMIN: Rule(_access_admin),
}
