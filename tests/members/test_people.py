"""Org admins invite colleagues, change roles, remove people and hand over the admin role;
nobody else can, and every change is in the audit trail."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from members.models import Invitation, Membership, MembershipEvent, Organisation, User
from tests.factories import UserFactory


def state():
    return (list(Membership.objects.order_by("pk").values_list("user_id", "organisation_id",
                                                                 "role")),
            Invitation.objects.count(), User.objects.count(),
            list(Organisation.objects.order_by("pk").values_list("name_en", "description_en")))


def invite(client, on_commit, email="new@daegu.example", role="officer"):
    with on_commit():
        client.post("/en/members/daegu/manage/", {"invite": "1", "email": email, "role": role})
    return re.search(r"http://\S+/members/invitations/(\S+)/", mail.outbox[-1].body).group(1)


def test_admin_invites_and_a_newcomer_creates_an_account(network, as_user, client, on_commit):
    token = invite(as_user(network.org_admin), on_commit)
    client.logout()
    page = client.get(f"/en/members/invitations/{token}/")
    assert "Join Daegu" in page.text
    response = client.post(f"/en/members/invitations/{token}/", {
        "display_name": "Yoo Na-rae", "password1": "daegu-data-hub-1", "password2":
        "daegu-data-hub-1"})
    assert response.status_code == 302
    assert response["Location"] == "/en/members/daegu/"
    user = User.objects.get(email="new@daegu.example")
    assert user.memberships.get().organisation == network.daegu
    assert user.emailaddress_set.get().verified
    assert client.session["_auth_user_id"] == str(user.pk)
    assert list(MembershipEvent.objects.filter(organisation=network.daegu)
                .values_list("action", flat=True)) == ["joined", "invited"]


def test_an_existing_account_accepts_after_signing_in(network, as_user, on_commit):
    colleague = UserFactory(email="colleague@daegu.example")
    token = invite(as_user(network.org_admin), on_commit, email="colleague@daegu.example")
    client = as_user(None)
    assert "Sign in to accept" in client.get(f"/en/members/invitations/{token}/").text
    client = as_user(colleague)
    client.post(f"/en/members/invitations/{token}/")
    assert colleague.memberships.get().role == "officer"


def test_a_used_invitation_is_refused(network, as_user, client, on_commit):
    token = invite(as_user(network.org_admin), on_commit)
    client.logout()
    client.post(f"/en/members/invitations/{token}/", {
        "display_name": "Yoo", "password1": "daegu-data-hub-1", "password2": "daegu-data-hub-1"})
    client.logout()
    before = state()
    response = client.post(f"/en/members/invitations/{token}/", {
        "display_name": "Impostor", "password1": "another-pass-99", "password2":
        "another-pass-99"})
    assert response.status_code == 410
    assert "already been used" in response.text
    assert state() == before


def test_an_expired_invitation_is_refused(network, as_user, client, on_commit):
    token = invite(as_user(network.org_admin), on_commit)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.logout()
    before = state()
    response = client.post(f"/en/members/invitations/{token}/", {
        "display_name": "Late", "password1": "daegu-data-hub-1", "password2": "daegu-data-hub-1"})
    assert response.status_code == 410
    assert "expired" in response.text
    assert state() == before


def test_an_unknown_invitation_link_is_refused(network, client):
    response = client.get("/en/members/invitations/not-a-real-token/")
    assert response.status_code == 410
    assert "not valid" in response.text


def test_an_invitation_for_someone_else_is_refused(network, as_user, on_commit):
    token = invite(as_user(network.org_admin), on_commit, email="intended@daegu.example")
    before = state()
    response = as_user(network.vendor).post(f"/en/members/invitations/{token}/", follow=True)
    assert "was sent to intended@daegu.example" in response.text
    assert state() == before


def test_inviting_a_member_twice_is_refused(network, as_user, on_commit):
    client = as_user(network.org_admin)
    before = state()
    response = client.post("/en/members/daegu/manage/", {
        "invite": "1", "email": "officer@daegu.example", "role": "officer"}, follow=True)
    assert "already a member" in response.text
    assert state() == before


def test_an_officer_cannot_promote_themself(network, as_user):
    mine = network.officer.memberships.get()
    before = state()
    response = as_user(network.officer).post(
        f"/en/members/daegu/people/{mine.pk}/", {"action": "role", "role": "org_admin"})
    assert response.status_code == 403
    assert state() == before


def test_an_officer_cannot_invite(network, as_user):
    before = state()
    response = as_user(network.officer).post("/en/members/daegu/manage/", {
        "invite": "1", "email": "friend@daegu.example", "role": "org_admin"})
    assert response.status_code == 403
    assert state() == before
    assert mail.outbox == []


def test_a_vendor_cannot_edit_a_city(network, as_user):
    before = state()
    response = as_user(network.vendor).post("/en/members/daegu/manage/", {
        "save_profile": "1", "name_en": "Hacked", "name_ko": "해킹", "description_en": "x"})
    assert response.status_code == 403
    assert state() == before


def test_the_last_admin_cannot_step_down_or_be_removed(network, as_user):
    admin_membership = network.org_admin.memberships.get()
    client = as_user(network.org_admin)
    before = state()
    demote = client.post(f"/en/members/daegu/people/{admin_membership.pk}/",
                         {"action": "role", "role": "officer"}, follow=True)
    assert "needs at least one admin" in demote.text
    assert state() == before


def test_admin_hands_over_the_role(network, as_user):
    officer_membership = network.officer.memberships.get()
    client = as_user(network.org_admin)
    client.post(f"/en/members/daegu/people/{officer_membership.pk}/", {"action": "hand_over"})
    assert network.officer.memberships.get().role == "org_admin"
    assert network.org_admin.memberships.get().role == "officer"
    events = MembershipEvent.objects.filter(action="role_changed")
    assert {e.subject_email for e in events} == {"officer@daegu.example", "admin@daegu.example"}
    assert all(e.actor == network.org_admin for e in events)


def test_admin_removes_a_person_and_edits_the_profile(network, as_user):
    client = as_user(network.org_admin)
    officer_membership = network.officer.memberships.get()
    client.post(f"/en/members/daegu/people/{officer_membership.pk}/", {"action": "remove"})
    assert not Membership.objects.filter(pk=officer_membership.pk).exists()
    assert MembershipEvent.objects.filter(action="removed",
                                          subject_email="officer@daegu.example").exists()
    response = client.post("/en/members/daegu/manage/", {
        "save_profile": "1", "name_en": "Daegu Metropolitan City", "name_ko": "대구광역시",
        "description_en": "Home of the data hub.", "website": "daegu.example",
        "population": "not a number"})
    assert response.status_code == 200
    assert "Enter a whole number" in response.text
    network.daegu.refresh_from_db()
    assert network.daegu.name_en == "Daegu"


@pytest.mark.parametrize("language,heading", [("en", "Manage Daegu"), ("ko", "대구 관리")])
def test_manage_page_in_both_languages(network, as_user, language, heading):
    prefix = "" if language == "ko" else "/en"
    page = as_user(network.org_admin).get(f"{prefix}/members/daegu/manage/").text
    assert heading in page


def test_a_person_edits_their_profile(network, as_user):
    client = as_user(network.officer)
    response = client.post("/en/members/me/", {
        "display_name_ko": "이서연", "display_name_en": "Lee Seo-yeon", "job_title": "Data Hub",
        "time_zone": "Mars/Olympus", "preferred_language": "en"})
    assert "Choose a time zone" in response.text
    network.officer.refresh_from_db()
    assert network.officer.job_title == ""
    client.post("/en/members/me/", {
        "display_name_ko": "이서연", "display_name_en": "Lee Seo-yeon", "job_title": "Data Hub",
        "time_zone": "Asia/Seoul", "preferred_language": "en"})
    network.officer.refresh_from_db()
    assert network.officer.job_title == "Data Hub"


def test_staff_read_and_export_the_audit_trail_in_the_admin(network, as_user, on_commit):
    invite(as_user(network.org_admin), on_commit)
    client = as_user(network.staff)
    listing = client.get("/admin/snippets/members/membershipevent/")
    assert listing.status_code == 200
    assert "new@daegu.example" in listing.text
    export = client.get("/admin/snippets/members/membershipevent/?export=csv")
    assert export.status_code == 200
    assert b"invited" in b"".join(export.streaming_content)
    # the trail is read-only: no edit form
    event = MembershipEvent.objects.get()
    assert client.get(f"/admin/snippets/members/membershipevent/edit/{event.pk}/").status_code \
        in (302, 403)
