"""Replication lineage: a city records that it replicates another's case study; both sides
show it, the origin city hears of it, and a city cannot adopt its own work."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from members.models import User
from solutions_catalog.models import Adoption, CaseStudyPage
from solutions_catalog.services import record_adoption

pytestmark = pytest.mark.django_db


def adopt(client, page, city_pk, status="piloting", adapted="Started with parking data"):
    return client.post(f"/en/case-studies/{page.pk}/adopt/",
                       {"adopter": city_pk, "status": status, "adapted": adapted}, follow=True)


@pytest.fixture
def lights(catalogue):
    return CaseStudyPage.objects.get(slug="daegu-smart-street-lights",
                                     locale__language_code="en")


def test_an_officer_records_an_adoption_shown_on_both_sides(client, lights,
                                                            django_capture_on_commit_callbacks):
    officer = User.objects.get(email="officer.suwon@demo.example")
    suwon = officer.memberships.get().organisation
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = adopt(client, lights, suwon.pk)
    assert "Your city&#x27;s adoption is recorded." in response.text
    adoption = Adoption.objects.get(adopter=suwon, origin__slug="daegu-smart-street-lights")
    assert adoption.origin.locale.language_code == "ko"  # one lineage for both languages
    assert adoption.status == "piloting"
    assert suwon.name_en in client.get("/en/catalogue/daegu-smart-street-lights/").text
    assert suwon.name_ko in client.get("/catalogue/daegu-smart-street-lights/").text
    assert "Daegu smart street lights" in client.get("/en/members/suwon/").text
    assert mail.outbox[-1].to == ["smartcity@daegu.example"]

    adopt(client, lights, suwon.pk, status="deployed")  # an update, not a second lineage
    assert Adoption.objects.get(adopter=suwon, origin__slug=lights.slug).status == "deployed"


def test_a_city_cannot_adopt_its_own_case_study(client, lights):
    officer = User.objects.get(email="officer.daegu@demo.example")
    client.force_login(officer)
    before = Adoption.objects.count()
    response = adopt(client, lights, officer.memberships.get().organisation.pk)
    assert "Select a valid choice" in response.text
    assert Adoption.objects.count() == before


def test_the_service_refuses_a_self_adoption_with_a_message(lights):
    officer = User.objects.get(email="officer.daegu@demo.example")
    with translation.override("en"), pytest.raises(ValidationError, match="cannot adopt its own"):
        record_adoption(lights, lights.city, officer)


def test_a_vendor_cannot_record_an_adoption_for_a_city(client, lights):
    vendor = User.objects.get(email="vendor@demo.example")
    client.force_login(vendor)
    before = Adoption.objects.count()
    suwon = User.objects.get(email="officer.suwon@demo.example").memberships.get().organisation
    adopt(client, lights, suwon.pk)
    assert Adoption.objects.count() == before
    assert "Record adoption" not in client.get("/en/catalogue/daegu-smart-street-lights/").text


def test_the_demo_shows_daegu_data_hub_replicated_by_bucheon_then_suwon(client, catalogue):
    page = client.get("/en/catalogue/daegu-data-hub/").text
    assert "1 city is replicating this." in page  # Bucheon; Suwon replicates Bucheon's
    assert "Daegu Metropolitan City → Bucheon → Suwon" in page


def test_the_adopters_own_case_study_links_back_in_the_readers_language(client, catalogue):
    page = client.get("/en/catalogue/bucheon-urban-data-platform/")
    assert "This replicates a solution first built by Daegu" in page.text
    assert 'href="/en/catalogue/daegu-data-hub/"' in page.text
    korean = client.get("/catalogue/bucheon-urban-data-platform/")
    assert 'href="/catalogue/daegu-data-hub/"' in korean.text
