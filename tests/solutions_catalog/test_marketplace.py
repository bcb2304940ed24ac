"""Vendor offerings with city-confirmed deployments, and city challenges with answers and a
shortlist: who may do what, what others see, and refused input."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from members.models import User
from solutions_catalog.models import (
    CaseStudyPage,
    Challenge,
    ChallengeResponse,
    Deployment,
    Theme,
    VendorOffering,
)

pytestmark = pytest.mark.django_db


def person(email):
    return User.objects.get(email=email)


@pytest.fixture
def lights(catalogue):
    return CaseStudyPage.objects.get(slug="daegu-smart-street-lights", locale__language_code="en")


def offering_form(**fields):
    return {"vendor": "", "name_ko": "", "name_en": "Hanbit bus-stop displays",
            "summary_en": "Real-time arrival displays.", "summary_ko": "",
            "themes": [Theme.objects.get(slug="mobility").pk], "pricing_model": "per_unit",
            "certifications": "", "website": "", "is_listed": "on", **fields}


def test_the_offering_list_shows_listed_offerings_in_bounded_queries(
        client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/en/offerings/?theme=sustainability")
    assert response.status_code == 200
    names = [o.name for o in response.context["offerings"].page]
    assert "Hanbit smart street-lighting control" in names
    assert "Saebyeok demand-responsive bus" not in names  # mobility only
    assert "1 confirmed deployment" in response.text
    assert client.get("/en/offerings/?pricing=free-lunch").context["offerings"].errors


def test_a_vendor_lists_an_offering_and_nobody_else_can(as_user, catalogue):
    vendor = person("vendor@demo.example")
    hanbit = vendor.memberships.get().organisation
    response = as_user(vendor).post("/en/offerings/new/", offering_form(vendor=hanbit.pk))
    offering = VendorOffering.objects.get(name_en="Hanbit bus-stop displays")
    assert response["Location"] == f"/en/offerings/{offering.slug}/"
    assert offering.vendor == hanbit

    officer = as_user(person("officer.daegu@demo.example"))
    assert officer.get("/en/offerings/new/").status_code == 403
    other_vendor = as_user(person("vendor.civicsense@demo.example"))
    edit = other_vendor.post(f"/en/offerings/{offering.slug}/edit/",
                             offering_form(name_en="Taken over"))
    assert edit.status_code == 403
    refused = other_vendor.post("/en/offerings/new/", offering_form(vendor=hanbit.pk,
                                                                    name_en="Sneaky"))
    assert "Select a valid choice" in refused.text  # cannot list for another vendor
    assert not VendorOffering.objects.filter(name_en__in=["Taken over", "Sneaky"]).exists()


@pytest.mark.parametrize(("fields", "message"), [
    ({"name_en": ""}, "Give the offering a name in Korean or English."),
    ({"website": "javascript:alert(1)"}, "Enter a valid URL."),
    ({"pricing_model": "barter"}, "Select a valid choice"),
    ({"themes": []}, "This field is required."),
])
def test_bad_offering_input_is_refused(as_user, catalogue, fields, message):
    vendor = person("vendor@demo.example")
    before = VendorOffering.objects.count()
    response = as_user(vendor).post("/en/offerings/new/", offering_form(
        vendor=vendor.memberships.get().organisation.pk, **fields))
    assert response.status_code == 200
    assert message in response.text
    assert VendorOffering.objects.count() == before


def test_a_deployment_shows_only_once_the_city_confirms(as_user, client, lights, on_commit):
    offering = VendorOffering.objects.get(slug="hanbit-private-5g")
    vendor = as_user(person("vendor@demo.example"))
    with on_commit():
        vendor.post(f"/en/offerings/{offering.slug}/deployments/", {"case_study": lights.pk})
    claim = Deployment.objects.get(offering=offering)
    assert claim.status == "claimed"
    assert mail.outbox[-1].to == ["smartcity@daegu.example"]

    client.logout()
    assert "Hanbit private 5G" not in client.get(lights.url).text
    assert lights.title not in client.get(f"/en/offerings/{offering.slug}/").text

    stranger = as_user(person("officer.bucheon@demo.example"))
    assert stranger.post(f"/en/offerings/deployments/{claim.pk}/",
                         {"decision": "confirm"}).status_code == 403
    daegu = as_user(person("officer.daegu@demo.example"))
    assert "Is that right?" in daegu.get(lights.url).text
    daegu.post(f"/en/offerings/deployments/{claim.pk}/", {"decision": "confirm",
                                                          "next": "https://evil.example/"})
    claim.refresh_from_db()
    assert claim.status == "confirmed"
    client.logout()
    assert "Hanbit private 5G" in client.get(lights.url).text
    assert lights.title in client.get(f"/en/offerings/{offering.slug}/").text


def challenge_form(city, **fields):
    return {"city": city.pk, "title_ko": "", "title_en": "Quieter night buses",
            "problem_ko": "", "problem_en": "Residents complain about night bus noise.",
            "themes": [Theme.objects.get(slug="mobility").pk], "service_domain": "",
            "deadline": str(timezone.localdate() + datetime.timedelta(days=30)), **fields}


def test_a_city_posts_a_challenge_and_others_cannot(as_user, catalogue):
    officer = person("officer.suwon@demo.example")
    suwon = officer.memberships.get().organisation
    response = as_user(officer).post("/en/challenges/new/", challenge_form(suwon))
    challenge = Challenge.objects.get(title_en="Quieter night buses")
    assert response["Location"] == f"/en/challenges/{challenge.slug}/"
    assert challenge.created_by == officer

    vendor = as_user(person("vendor@demo.example"))
    assert vendor.get("/en/challenges/new/").status_code == 403
    daegu = as_user(person("officer.daegu@demo.example"))
    assert daegu.post(f"/en/challenges/{challenge.slug}/edit/",
                      challenge_form(suwon, title_en="Hijacked")).status_code == 403
    assert not Challenge.objects.filter(title_en="Hijacked").exists()


@pytest.mark.parametrize(("fields", "message"), [
    ({"deadline": "2020-01-01"}, "The deadline cannot be in the past."),
    ({"deadline": "next friday"}, "Enter a valid date."),
    ({"title_en": ""}, "Give the challenge a title in Korean or English."),
])
def test_bad_challenge_input_is_refused(as_user, catalogue, fields, message):
    officer = person("officer.suwon@demo.example")
    before = Challenge.objects.count()
    response = as_user(officer).post("/en/challenges/new/", challenge_form(
        officer.memberships.get().organisation, **fields))
    assert message in response.text
    assert Challenge.objects.count() == before


def test_answers_reach_the_city_only_and_the_city_shortlists(as_user, client, catalogue,
                                                             on_commit):
    challenge = Challenge.objects.get(slug="busan-port-air-quality")
    page = client.get(f"/en/challenges/{challenge.slug}/")
    assert "Our sensor network runs on lamp posts" not in page.text  # answers are private

    vendor = person("admin.saebyeok@demo.example")
    with on_commit():
        as_user(vendor).post(f"/en/challenges/{challenge.slug}/answers/", {
            "organisation": vendor.memberships.get().organisation.pk,
            "proposal": "Electric port shuttles cut lorry trips."})
    answer = ChallengeResponse.objects.get(challenge=challenge,
                                           organisation__slug="saebyeok-mobility")
    assert mail.outbox[-1].to == ["officer.busan@demo.example"]

    other = as_user(person("vendor@demo.example")).get(f"/en/challenges/{challenge.slug}/")
    assert "Electric port shuttles" not in other.text
    busan = as_user(person("officer.busan@demo.example"))
    assert "Electric port shuttles" in busan.get(f"/en/challenges/{challenge.slug}/").text

    assert as_user(vendor).post(f"/en/challenges/answers/{answer.pk}/shortlist/",
                                {"shortlisted": "1"}).status_code == 403
    busan = as_user(person("officer.busan@demo.example"))
    with on_commit():
        busan.post(f"/en/challenges/answers/{answer.pk}/shortlist/", {"shortlisted": "1"})
    answer.refresh_from_db()
    assert answer.shortlisted
    assert mail.outbox[-1].to == [vendor.email]


def test_answers_are_refused_after_the_deadline_and_from_the_city_itself(as_user, catalogue):
    closed = Challenge.objects.get(slug="daegu-heatwave-shelters")
    vendor = person("vendor@demo.example")
    response = as_user(vendor).post(f"/en/challenges/{closed.slug}/answers/", {
        "organisation": vendor.memberships.get().organisation.pk, "proposal": "Late"},
        follow=True)
    assert "This challenge closed on" in response.text
    officer = person("officer.daegu@demo.example")
    response = as_user(officer).post(f"/en/challenges/{closed.slug}/answers/", {
        "organisation": officer.memberships.get().organisation.pk, "proposal": "Ourselves"},
        follow=True)
    assert "Select a valid choice" in response.text
    assert not closed.responses.filter(proposal__in=["Late", "Ourselves"]).exists()


def test_the_challenge_list_shows_open_challenges_in_bounded_queries(
        client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get("/en/challenges/")
    titles = [c.title for c in response.context["challenges"].page]
    assert "Air quality around the port" in titles
    assert "Placing heatwave shelters" not in titles  # closed
    assert "Placing heatwave shelters" in client.get("/en/challenges/?closed=1").text


def test_a_confirmed_deployment_of_an_unlisted_offering_is_not_shown(client, lights):
    offering = VendorOffering.objects.get(slug="hanbit-smart-lighting")
    assert offering.name_en in client.get(lights.url).text  # the English page
    offering.is_listed = False
    offering.save()
    assert offering.name_en not in client.get(lights.url).text


def test_a_name_that_is_one_of_our_paths_gets_another_slug(as_user, catalogue):
    vendor = person("vendor@demo.example")
    as_user(vendor).post("/en/offerings/new/", offering_form(
        vendor=vendor.memberships.get().organisation.pk, name_en="New"))
    offering = VendorOffering.objects.get(name_en="New")
    assert offering.slug != "new"
    assert as_user(vendor).get(f"/en/offerings/{offering.slug}/").status_code == 200


def test_staff_edit_any_citys_challenge(as_user, catalogue):
    challenge = Challenge.objects.get(slug="busan-port-air-quality")
    staff = as_user(person("staff@demo.example"))
    response = staff.post(f"/en/challenges/{challenge.slug}/edit/",
                          challenge_form(challenge.city, title_en="Port air quality"))
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title_en == "Port air quality"


def test_answers_go_to_the_city_once_their_author_has_left_it(as_user, catalogue, on_commit):
    challenge = Challenge.objects.get(slug="busan-port-air-quality")
    challenge.created_by.memberships.all().delete()  # the officer left Busan
    vendor = person("admin.saebyeok@demo.example")
    with on_commit():
        as_user(vendor).post(f"/en/challenges/{challenge.slug}/answers/", {
            "organisation": vendor.memberships.get().organisation.pk,
            "proposal": "Electric port shuttles."})
    assert mail.outbox[-1].to == [challenge.city.contact_email]
