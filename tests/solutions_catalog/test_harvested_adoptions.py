"""Replication across portals: a city here replicates a case study harvested from a peer, and
a peer's adoption of a case study of this portal shows on its page with the adopter's
results, marked with the peer's name."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from federation.shapes import validate
from harvest.models import HarvestedItem
from members.models import Organisation
from solutions_catalog.harvested import case_study_iri
from solutions_catalog.models import Adoption, CaseStudyKPI
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


def test_a_city_records_that_it_replicates_a_harvested_case_study(
        client, catalogue, people, as_user):
    item = harvested(peer())
    officer = people["officer"]
    as_user(officer)
    page = client.get(f"/en/catalogue/network/{item.pk}/").content.decode()
    assert "Your city is replicating this? Record it" in page
    city = Organisation.objects.get(slug="bucheon")
    response = client.post(f"/en/catalogue/network/{item.pk}/adopt/",
                           {"adopter": city.pk, "status": "planning"})
    adoption = Adoption.objects.get(remote_origin=item)
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
    iri, busan = item.iri, item.peer
    item.delete()
    adoption.refresh_from_db()
    assert adoption.remote_origin is None and adoption.stages.exists()
    again = harvested(busan)
    assert again.iri == iri
    adoption.refresh_from_db()
    assert adoption.remote_origin == again


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
