"""Replication across portals: a city here replicates a case study harvested from a peer, and
a peer's adoption of a case study of this portal shows on its page with the adopter's
results, marked with the peer's name."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from federation.models import Activity, Change
from federation.shapes import validate
from harvest.models import HarvestedItem
from indicators.models import Indicator
from members.models import Organisation
from solutions_catalog.harvested import case_study_iri
from solutions_catalog.models import Adoption, CaseStudyKPI, CaseStudyPage
from tests.solutions_catalog.test_harvested import harvested, peer

pytestmark = pytest.mark.django_db


def remote_adoption(at, origin_iri: str, key: str, city_ko: str, city_en: str,
                    results: list[dict]) -> HarvestedItem:
    data = {"id": f"{at.url}items/adoption/{key}", "type": "scc:Adoption", "scc:node": at.url,
            "scc:audience": "public", "name": {"ko": f"{city_ko}의 도입", "en": city_en},
            "scc:origin": origin_iri, "scc:adopter": {"name": {"ko": city_ko, "en": city_en},
                                                      "addressCountry": "KR"},
            "scc:stage": "piloting", "scc:result": results}
    return HarvestedItem.objects.create(
        peer=at, iri=data["id"], kind="adoption", data=data, title_ko=data["name"]["ko"],
        title_en=city_en, origin_iri=origin_iri, last_seen=timezone.now())


def last_change(adoption: Adoption) -> str:
    return Change.objects.filter(kind="adoption", key=str(adoption.pk)).latest("pk").activity


def test_a_city_records_that_it_replicates_a_harvested_case_study(
        client, catalogue, people, as_user, on_commit):
    item = harvested(peer())
    officer = people["officer"]
    as_user(officer)
    page = client.get(f"/en/catalogue/network/{item.pk}/").content.decode()
    assert "Your city is replicating this? Record it" in page
    city = Organisation.objects.get(slug="bucheon")
    with on_commit():
        response = client.post(f"/en/catalogue/network/{item.pk}/adopt/",
                               {"adopter": city.pk, "status": "planning"})
    adoption = Adoption.objects.get(remote_origin=item)
    assert last_change(adoption) == Activity.CREATE
    assert adoption.origin is None and adoption.adopter == city
    assert adoption.remote_origin_iri == item.iri
    assert response.url == f"/en/adoptions/{adoption.pk}/"
    detail = client.get(response.url).content.decode()
    assert "Busan smart parking guidance" in detail and "From Busan Smart City Portal" in detail
    # Published here naming the origin's IRI, so the origin's portal finds it; it conforms.
    published = client.get(f"/federation/items/adoption/{adoption.pk}").json()
    assert published["scc:origin"] == item.iri
    assert validate(published) == []
    # Exactly one origin: never both, never none.
    with pytest.raises(IntegrityError), transaction.atomic():
        Adoption.objects.create(origin=catalogue, remote_origin_iri=item.iri, adopter=city)
    with pytest.raises(IntegrityError), transaction.atomic():
        Adoption.objects.create(adopter=city)
    # Unpublished at its node, the case study goes; the city's replication stays, and links
    # to the case study again when it comes back.
    # Its node's peers are told: the replication leaves this node's feed while the case study
    # is gone, and comes back with it.
    iri, busan = item.iri, item.peer
    with on_commit():
        item.delete()
    adoption.refresh_from_db()
    assert adoption.remote_origin is None and adoption.stages.exists()
    assert last_change(adoption) == Activity.DELETE
    assert client.get(f"/federation/items/adoption/{adoption.pk}").status_code in (404, 410)
    with on_commit():
        again = harvested(busan)
    assert again.iri == iri
    adoption.refresh_from_db()
    assert adoption.remote_origin == again
    assert last_change(adoption) == Activity.CREATE


def test_a_peer_s_adoption_shows_in_the_lineage_and_compared_outcomes(
        client, catalogue, django_assert_max_num_queries):
    kpi = (CaseStudyKPI.objects.filter(indicator__isnull=False, page__live=True,
                                       page__locale__language_code="en")
           .select_related("indicator", "page").first())
    page, indicator = kpi.page, kpi.indicator
    seoul = peer("Seoul portal", "서울 포털", "https://seoul.example/federation/")
    result = {"scc:indicator": indicator.code, "name": {"en": "Measured"},
              "value": float(kpi.result), "unit": kpi.unit, "scc:baseline": None,
              "scc:measuredOn": "2025-09-01", "scc:evidenceLevel": ""}
    remote_adoption(seoul, case_study_iri(page), "a1", "강남구", "Gangnam", [result])
    with django_assert_max_num_queries(200) as first:
        shown = client.get(page.url).content.decode()
    assert "Gangnam" in shown and "From Seoul portal" in shown
    assert 'id="compared-remote-' in shown  # its results beside the origin's
    for n in range(2, 5):
        remote_adoption(seoul, case_study_iri(page), f"a{n}", f"구{n}", f"District {n}",
                        [result])
    with django_assert_max_num_queries(len(first.captured_queries)):
        more = client.get(page.url).content.decode()
    assert "District 4" in more


def test_a_city_starts_replicating_a_harvested_case_study_from_a_prefilled_draft(
        client, catalogue, people, as_user):
    indicator = Indicator.objects.order_by("code").first()
    item = harvested(peer(), code=indicator.code)
    officer = people["officer"]
    as_user(officer)
    bucheon = Organisation.objects.get(slug="bucheon")
    assert "Start replicating" in client.get(f"/en/catalogue/network/{item.pk}/").text
    response = client.post(f"/en/catalogue/network/{item.pk}/replicate/",
                           {"adopter": bucheon.pk})
    adoption = Adoption.objects.get(remote_origin=item, adopter=bucheon)
    draft = adoption.adopter_case_study
    assert response["Location"] == f"/en/case-studies/write/{draft.pk}/problem/"
    assert not draft.live and draft.city == bucheon and draft.locale.language_code == "en"
    assert draft.title == "Busan smart parking guidance in Bucheon"
    revision = draft.get_latest_revision_as_object()
    assert [(k.metric, k.unit, k.indicator, k.result) for k in revision.kpis.all()] == [
        ("Search time", "min", indicator, None)]
    assert [theme.slug for theme in revision.themes.all()] == ["mobility"]
    assert client.get(response["Location"]).status_code == 200
    # Its page leads the city's people to their replication; starting again is the same one.
    assert f"/en/adoptions/{adoption.pk}/" in client.get(f"/en/catalogue/network/{item.pk}/").text
    client.post(f"/en/catalogue/network/{item.pk}/replicate/", {"adopter": bucheon.pk})
    assert Adoption.objects.filter(remote_origin_iri=item.iri).count() == 1
    assert CaseStudyPage.objects.filter(city=bucheon, live=False).count() == 1
    # The city's page lists what it replicates, this one linking to its page here; once its
    # node no longer publishes it, it is left out.
    with translation.override("en"):
        city_url = bucheon.get_absolute_url()
    city_page = client.get(city_url)
    assert city_page.status_code == 200
    assert f'href="/en/catalogue/network/{item.pk}/"' in city_page.text
    assert "Busan smart parking guidance" in city_page.text
    item.delete()
    city_page = client.get(city_url)
    assert city_page.status_code == 200
    assert "Busan smart parking guidance" not in city_page.text


def test_starting_a_replication_for_a_city_one_does_not_act_for_changes_nothing(
        client, catalogue, people, as_user):
    item = harvested(peer())
    before = (Adoption.objects.count(), CaseStudyPage.objects.count())
    as_user(people["officer"])
    elsewhere = Organisation.objects.get(slug="suwon")
    response = client.post(f"/en/catalogue/network/{item.pk}/replicate/",
                           {"adopter": elsewhere.pk}, follow=True)
    assert "Select a valid choice" in response.text
    as_user(people["vendor"])
    vendor_org = people["vendor"].memberships.get().organisation
    client.post(f"/en/catalogue/network/{item.pk}/replicate/", {"adopter": vendor_org.pk})
    assert (Adoption.objects.count(), CaseStudyPage.objects.count()) == before
