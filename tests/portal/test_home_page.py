"""The home page shows the catalogue: the latest and the most replicated case studies and the
cities replicating each other, beside the themes, deadlines and figures, in a number of
queries that does not grow with what it lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from solutions_catalog.models import Adoption, CaseStudyPage

pytestmark = pytest.mark.django_db


def _latest_adoption() -> Adoption:
    return Adoption.objects.active().select_related("adopter", "origin__city").order_by(
        "-created_at", "-pk").first()


def test_home_shows_latest_and_most_replicated_case_studies(client, catalogue):
    html = client.get("/en/").content.decode()
    newest = (CaseStudyPage.objects.for_reader("en")
              .reader_first("-first_published_at", "-pk").first())
    most = CaseStudyPage.objects.for_reader("en").with_adoption_counts().order_by(
        "-adoption_count", "other_language", "-first_published_at", "-pk").first()
    latest_section = html.split('id="latest-title"')[1].split("</section>")[0]
    replicated_section = html.split('id="replicated-title"')[1].split("</section>")[0]
    assert newest.title in latest_section
    assert most.title in replicated_section
    assert "replicated by" in replicated_section


def test_home_says_which_city_replicates_which_in_each_language(client, catalogue):
    adoption = _latest_adoption()
    english = client.get("/en/").content.decode()
    assert (f"{adoption.adopter.name_en} is replicating {adoption.origin.city.name_en}&#x27;s"
            in english or
            f"{adoption.adopter.name_en} is replicating {adoption.origin.city.name_en}'s"
            in english)
    korean = client.get("/").content.decode()
    assert f"{adoption.adopter.name_ko}에서 {adoption.origin.city.name_ko}의" in korean


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_home_queries_do_not_grow_with_the_catalogue(client, catalogue, path):
    client.get(path)  # warm the caches every page shares (footer, catalogue link, sites)
    latest = _latest_adoption()
    kept = Adoption.objects.exclude(pk=latest.pk)
    saved = list(kept)
    kept.delete()
    with_one = _queries(client, path)
    Adoption.objects.bulk_create(saved)
    assert Adoption.objects.count() > 5
    assert _queries(client, path) == with_one
