"""The pages that show other portals' content, in a browser in both languages: a harvested
case study, the search page with the node facet, and a case study of this portal with a
peer's replication in its lineage; axe-core's check on each."""

import pytest

from search.engines import get_engine
from solutions_catalog.harvested import case_study_iri
from solutions_catalog.models import CaseStudyKPI
from tests.solutions_catalog.test_harvested import harvested, peer
from tests.solutions_catalog.test_harvested_adoptions import remote_adoption

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch,
              pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)
def test_harvested_content_in_both_languages(full_demo, page, screenshot, accessibility):
    busan = peer()
    item = harvested(busan)
    kpi = (CaseStudyKPI.objects.filter(indicator__isnull=False, page__live=True,
                                       page__slug="daegu-data-hub")
           .select_related("indicator", "page").order_by("pk").first())
    remote_adoption(busan, case_study_iri(kpi.page), "a1", "기장군", "Gijang County", [{
        "scc:indicator": kpi.indicator.code, "name": {"en": kpi.indicator.name_en},
        "value": float(kpi.result), "unit": kpi.unit, "scc:baseline": None,
        "scc:measuredOn": "2025-11-01", "scc:evidenceLevel": "monitored"}])
    get_engine().rebuild()
    for language, prefix, node in (("ko", "", "부산 스마트시티 포털"),
                                   ("en", "/en", "Busan Smart City Portal")):
        page.goto(f"{prefix}/catalogue/network/{item.pk}/")
        assert node in page.locator("main").inner_text()
        accessibility(page)
        screenshot(page, f"harvested-case-study-{language}")
        page.goto(f"{prefix}/search/?q={'주차' if language == 'ko' else 'parking'}")
        assert page.locator(f"input[name=node][value='{busan.pk}']").count() == 1
        accessibility(page)
        screenshot(page, f"search-node-facet-{language}")
        page.goto(f"{prefix}/catalogue/daegu-data-hub/")
        assert "기장군" in page.locator("main").inner_text() or "Gijang County" in (
            page.locator("main").inner_text())
        accessibility(page)
        screenshot(page, f"case-study-remote-adoption-{language}")
