"""DESIGN §7's matrix: every role × every action, through members.permissions and, where the
page exists, through HTTP."""

import pytest

from members.models import Invitation, Organisation
from members.permissions import Action, check, search_audiences

ROLES = ["visitor", "vendor", "officer", "org_admin", "staff"]


class Meeting:
    """A members-only meeting, as the events app will present it."""

    audience = "members"

    def __init__(self, registered):
        self.registered = registered

    def is_registered(self, user):
        return user in self.registered


class Bid:
    """A bid led by the first organisation, as the funding app presents it."""

    def __init__(self, *organisations):
        self.ids = {o.pk for o in organisations}
        self.lead_id = organisations[0].pk

    def team_organisation_ids(self):
        return self.ids


class Move:
    def __init__(self, bid, roles):
        self.bid, self.roles = bid, frozenset(roles)


def subject(network, action):
    return {
        Action.READ_PUBLIC: None,
        Action.READ_MEMBERS_ONLY: Meeting(registered=[]),
        Action.VIEW_MEMBER_CONTACTS: network.daegu,
        Action.DRAFT_CASE_STUDY: network.daegu,
        Action.REQUEST_TRANSLATION: network.daegu,
        Action.RECORD_ADOPTION: network.daegu,
        Action.RECORD_ADOPTION_OUTCOMES: network.daegu,  # Daegu adopts
        Action.POST_CHALLENGE: network.daegu,
        Action.CONFIRM_DEPLOYMENT: network.daegu,
        Action.RESPOND_TO_CHALLENGE: network.hanbit,  # answering for the vendor
        Action.PUBLISH: None,
        Action.MANAGE_ORGANISATION: network.daegu,
        Action.LIST_OFFERING: network.hanbit,
        Action.VIEW_BID: Bid(network.bucheon),
        Action.EDIT_BID: Bid(network.bucheon),
        Action.START_BID: network.daegu,
        Action.MOVE_BID: Move(Bid(network.bucheon), {"lead", "staff"}),
        Action.MANAGE_BID_TEAM: Bid(network.bucheon),
        Action.RECORD_MATCH: Bid(network.bucheon, network.daegu),  # Daegu a partner
        Action.EVIDENCE_PACK: Bid(network.bucheon, network.daegu),
        Action.MANAGE_FUNDING: None,
        Action.REVIEW_APPLICATIONS: None,
        Action.ACCESS_ADMIN: None,
        Action.REGISTER_FOR_MEETING: Meeting(registered=[]),
        Action.MANAGE_MEETINGS: None,
    }[action]


# visitor, vendor (of Hanbit), officer (Daegu), org admin (Daegu), staff
EXPECTED = {
    Action.READ_PUBLIC: [1, 1, 1, 1, 1],
    Action.READ_MEMBERS_ONLY: [0, 0, 1, 1, 1],  # the vendor has not registered
    Action.VIEW_MEMBER_CONTACTS: [0, 1, 1, 1, 1],
    Action.DRAFT_CASE_STUDY: [0, 0, 1, 1, 1],
    Action.REQUEST_TRANSLATION: [0, 0, 1, 1, 1],
    Action.RECORD_ADOPTION: [0, 0, 1, 1, 1],
    Action.RECORD_ADOPTION_OUTCOMES: [0, 0, 1, 1, 1],
    Action.POST_CHALLENGE: [0, 0, 1, 1, 1],
    Action.CONFIRM_DEPLOYMENT: [0, 0, 1, 1, 1],
    Action.RESPOND_TO_CHALLENGE: [0, 1, 0, 0, 0],  # staff answer for no organisation
    Action.PUBLISH: [0, 0, 0, 0, 1],
    Action.MANAGE_ORGANISATION: [0, 0, 0, 1, 1],
    Action.LIST_OFFERING: [0, 1, 0, 0, 1],
    Action.VIEW_BID: [0, 0, 0, 0, 1],  # a Bucheon bid: no Daegu or Hanbit person on it
    Action.EDIT_BID: [0, 0, 0, 0, 1],
    Action.START_BID: [0, 0, 1, 1, 1],  # a Daegu bid; vendors join bids, they do not lead
    Action.MOVE_BID: [0, 0, 0, 0, 1],
    Action.MANAGE_BID_TEAM: [0, 0, 0, 0, 1],
    Action.RECORD_MATCH: [0, 0, 0, 0, 1],  # the lead (Bucheon) records the match, not partners
    Action.EVIDENCE_PACK: [0, 0, 1, 1, 1],  # the whole team: Daegu's people too
    Action.MANAGE_FUNDING: [0, 0, 0, 0, 1],
    Action.REVIEW_APPLICATIONS: [0, 0, 0, 0, 1],
    Action.ACCESS_ADMIN: [0, 0, 1, 1, 1],  # city people write case studies there
    Action.REGISTER_FOR_MEETING: [0, 1, 1, 1, 1],  # a members' meeting: vendors are members
    Action.MANAGE_MEETINGS: [0, 0, 0, 0, 1],
}


def test_the_matrix_covers_every_action():
    assert set(EXPECTED) == set(Action)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(network, role, action):
    allowed = EXPECTED[action][ROLES.index(role)]
    decision = check(getattr(network, role), action, subject(network, action))
    assert decision.allowed is bool(allowed)
    if not decision.allowed:
        assert str(decision.reason)  # every refusal says why


def test_vendor_reads_members_only_material_of_a_meeting_they_registered_for(network):
    assert check(network.vendor, Action.READ_MEMBERS_ONLY, Meeting([network.vendor]))
    assert not check(network.vendor, Action.READ_MEMBERS_ONLY, Meeting([]))


def test_partners_on_a_bid_team_see_and_edit_it(network):
    bid = Bid(network.daegu, network.hanbit)
    for user in (network.officer, network.org_admin, network.vendor):
        assert check(user, Action.VIEW_BID, bid) and check(user, Action.EDIT_BID, bid)
    assert not check(network.other_admin, Action.VIEW_BID, bid)


def test_a_suspended_organisation_gives_its_people_no_rights(network):
    network.daegu.membership_status = "suspended"
    network.daegu.save()
    assert not check(network.org_admin, Action.MANAGE_ORGANISATION, network.daegu)
    assert not check(network.officer, Action.READ_MEMBERS_ONLY, Meeting([]))


# --- the same matrix over HTTP, for the pages that exist now ------------------------------

HTTP = [
    # (description, method, url, expected status per role)
    ("directory", "get", "/en/members/", [200, 200, 200, 200, 200]),
    ("public profile", "get", "/en/members/daegu/", [200, 200, 200, 200, 200]),
    ("manage profile and people", "get", "/en/members/daegu/manage/", [302, 403, 403, 200, 200]),
    ("review applications", "get", "/en/members/applications/", [302, 403, 403, 403, 200]),
    ("funding dashboard", "get", "/en/funding/dashboard/", [302, 200, 200, 200, 200]),
    ("my bids", "get", "/en/funding/bids/", [302, 200, 200, 200, 200]),
]


@pytest.mark.parametrize(("what", "method", "url", "statuses"), HTTP, ids=[h[0] for h in HTTP])
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_over_http(network, as_user, role, what, method, url, statuses):
    client = as_user(getattr(network, role))
    response = getattr(client, method)(url)
    assert response.status_code == statuses[ROLES.index(role)]
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_contact_details_only_for_members_over_http(network, as_user, role):
    page = as_user(getattr(network, role)).get("/en/members/daegu/").text
    shown = "smartcity@daegu.example" in page
    assert shown is (role != "visitor")
    assert "officer@daegu.example" not in page  # people's own addresses: never on the profile


def test_the_admin_is_for_staff_and_city_officers_only(network, as_user):
    response = as_user(network.vendor).get("/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "/admin/login/" in response["Location"]
    for role in ("officer", "org_admin"):  # they write their city's case studies there
        client = as_user(getattr(network, role))
        assert client.get("/admin/").status_code == 200
        # ...but the consortium's own records stay with staff
        assert client.get("/admin/snippets/members/organisation/").status_code in (302, 403)
        assert client.get("/admin/users/").status_code in (302, 403)
    staff = as_user(network.staff)
    assert staff.get("/admin/snippets/members/organisation/").status_code == 200


@pytest.mark.parametrize("role,allowed", list(zip(ROLES, [False, False, False, True, True],
                                             strict=True)))
def test_managing_people_and_profile_matrix_over_http(network, as_user, role, allowed):
    """'manage own organisation's profile and people', as POSTs that change data."""

    client = as_user(getattr(network, role))
    officer = network.officer.memberships.get()
    client.post("/en/members/daegu/manage/", {"invite": "1", "email": "x@daegu.example",
                                              "role": "officer"})
    client.post("/en/members/daegu/manage/", {"save_profile": "1", "name_en": "Daegu City",
                                              "name_ko": "대구시"})
    client.post(f"/en/members/daegu/people/{officer.pk}/", {"action": "role",
                                                            "role": "org_admin"})
    assert Invitation.objects.filter(email="x@daegu.example").exists() is allowed
    assert (Organisation.objects.get(slug="daegu").name_en == "Daegu City") is allowed
    officer.refresh_from_db()
    assert (officer.role == "org_admin") is allowed


def test_search_audiences_follow_the_same_rules(network):
    assert search_audiences(None) == {"public"}
    assert search_audiences(network.vendor) == {"public", f"org:{network.hanbit.pk}"}
    assert search_audiences(network.officer) == {"public", "members", f"org:{network.daegu.pk}"}
    assert {"public", "members", "staff"} <= search_audiences(network.staff)
