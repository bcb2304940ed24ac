"""Joining: an organisation applies, staff approve or decline, the admin sets a password."""

import re

from django.core import mail

from members.models import (
    ApplicationStatus,
    Membership,
    MembershipEvent,
    Organisation,
    OrganisationApplication,
    User,
)
from tests.factories import UserFactory

APPLICATION = {
    "kind": "city", "name_en": "Gwangju Metropolitan City", "name_ko": "광주광역시",
    "country": "KR", "region": "Gwangju", "website": "gwangju.example",
    "contact_name": "Jeon Ji-woo", "contact_job_title": "AI City Planner",
    "contact_email": "Ji-woo@Gwangju.example",
    "motivation": "We want to replicate Daegu's data hub.",
}


def counts():
    return (Organisation.objects.count(), OrganisationApplication.objects.count(),
            User.objects.count(), Membership.objects.count(), MembershipEvent.objects.count())


def test_an_organisation_applies_through_the_public_form(client, network, on_commit):
    with on_commit():
        response = client.post("/en/members/apply/", APPLICATION)
    assert response.status_code == 200
    assert "Thank you" in response.text
    application = OrganisationApplication.objects.get()
    assert application.country == "KR"
    assert application.contact_email == "ji-woo@gwangju.example"
    assert application.website == "https://gwangju.example"
    assert [m.to for m in mail.outbox] == [["staff@consortium.example"]]


def test_a_duplicate_application_is_refused_and_changes_nothing(client, network):
    client.post("/en/members/apply/", APPLICATION)
    before = counts()
    again = client.post("/en/members/apply/", {**APPLICATION, "name_en": "Gwangju City"})
    assert "already waiting for review" in again.text
    same_name = client.post("/en/members/apply/",
                            {**APPLICATION, "contact_email": "other@gwangju.example"})
    assert "has already applied or is already a member" in same_name.text
    existing = client.post("/en/members/apply/", {**APPLICATION, "name_en": "daegu",
                                                    "contact_email": "x@daegu.example"})
    assert "has already applied or is already a member" in existing.text
    assert counts() == before


def test_an_incomplete_application_is_refused_field_by_field(client, network):
    before = counts()
    response = client.post("/en/members/apply/", {**APPLICATION, "country": "Korea",
                                                    "contact_email": "not-an-address"})
    assert "Select a valid choice" in response.text
    assert "Enter a valid email address" in response.text
    assert counts() == before


def test_staff_approve_and_the_new_admin_sets_a_password(client, network, as_user,
                                                        on_commit):
    client.post("/en/members/apply/", APPLICATION)
    application = OrganisationApplication.objects.get()

    staff = as_user(network.staff)
    with on_commit():
        response = staff.post(f"/en/members/applications/{application.pk}/",
                              {"decision": "approve"})
    assert response.status_code == 302
    organisation = Organisation.objects.get(name_en="Gwangju Metropolitan City")
    assert organisation.membership_status == "active"
    admin = User.objects.get(email="ji-woo@gwangju.example")
    assert admin.memberships.get().role == "org_admin"
    assert not admin.has_usable_password()
    assert MembershipEvent.objects.filter(organisation=organisation,
                                          action="approved").exists()

    (message,) = mail.outbox
    assert message.to == ["ji-woo@gwangju.example"]
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+/", message.body).group(0)
    client.logout()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"password1": "gwangju-smart-2026", "password2": "gwangju-smart-2026"})
    response = client.post("/en/accounts/login/", {"login": "ji-woo@gwangju.example",
                                                   "password": "gwangju-smart-2026"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_approving_twice_is_refused(network, as_user, client):
    client.post("/en/members/apply/", APPLICATION)
    application = OrganisationApplication.objects.get()
    staff = as_user(network.staff)
    staff.post(f"/en/members/applications/{application.pk}/", {"decision": "approve"})
    before = counts()
    response = staff.post(f"/en/members/applications/{application.pk}/",
                          {"decision": "decline", "reason": "late"})
    assert "already been decided" in response.text
    assert counts() == before


def test_declining_needs_a_reason_which_is_sent_to_the_applicant(client, network, as_user,
                                                                on_commit):
    client.post("/en/members/apply/", APPLICATION)
    application = OrganisationApplication.objects.get()
    staff = as_user(network.staff)
    with on_commit():
        response = staff.post(f"/en/members/applications/{application.pk}/",
                              {"decision": "decline", "reason": "  "})
    assert "Give the applicant a reason" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert mail.outbox == []

    with on_commit():
        staff.post(f"/en/members/applications/{application.pk}/",
                   {"decision": "decline", "reason": "Only local governments in phase one."})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert "Only local governments in phase one." in mail.outbox[0].body


def test_only_staff_decide_applications(client, network, as_user):
    client.post("/en/members/apply/", APPLICATION)
    application = OrganisationApplication.objects.get()
    response = as_user(network.org_admin).post(
        f"/en/members/applications/{application.pk}/", {"decision": "approve"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_an_unverified_account_with_the_contact_address_cannot_take_over(client, network,
                                                                         as_user, on_commit):
    squatter = UserFactory(email="ji-woo@gwangju.example", verified=False)
    client.post("/en/members/apply/", APPLICATION)
    application = OrganisationApplication.objects.get()
    with on_commit():
        as_user(network.staff).post(f"/en/members/applications/{application.pk}/",
                                    {"decision": "approve"})
    squatter.refresh_from_db()
    assert not squatter.has_usable_password()  # only the mailbox owner can set it now
    assert "/password/reset/key/" in mail.outbox[-1].body


def test_an_organisation_cannot_take_a_reserved_slug(client, network, as_user):
    client.post("/en/members/apply/", {**APPLICATION, "name_en": "Apply"})
    application = OrganisationApplication.objects.get()
    as_user(network.staff).post(f"/en/members/applications/{application.pk}/",
                                {"decision": "approve"})
    organisation = Organisation.objects.get(name_en="Apply")
    assert organisation.slug == "apply-2"
    assert client.get("/en/members/apply-2/").status_code == 200


def test_the_application_form_is_rate_limited(client, network):
    for n in range(5):
        client.post("/en/members/apply/", {**APPLICATION, "name_en": f"City {n}",
                                           "contact_email": f"c{n}@x.example"})
    before = counts()
    response = client.post("/en/members/apply/", {**APPLICATION, "name_en": "City 6",
                                                  "contact_email": "c6@x.example"})
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"  # the limit is 5 an hour
    assert "Too many applications" in response.text
    assert counts() == before
