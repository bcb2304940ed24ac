"""Must-show walk of the evidence issue: an officer of Suwon starts replicating Bucheon's data
platform from its kit, records two results, and Bucheon's page shows them beside its own; the
lineage graph reads Daegu → Bucheon → Suwon. Screenshots of the comparison and the lineage in
Korean and English, each page checked by axe-core."""

import re

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator
from solutions_catalog.models import Adoption, CaseStudyPage
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_case_study_walk import seeded, sign_in  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLATFORM = "bucheon-urban-data-platform"


def record_result(page, indicator, value, unit, baseline, measured_on):
    form = page.locator("form:has(input[name=form][value=result])")
    form.locator("select[name=indicator]").select_option(str(indicator.pk))
    form.locator("input[name=value]").fill(value)
    form.locator("input[name=unit]").fill(unit)
    form.locator("input[name=baseline]").fill(baseline)
    form.locator("input[name=measured_on]").fill(measured_on)
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/adoptions/\d+/$"))


def test_suwon_replicates_bucheons_platform_and_its_results_sit_beside_bucheons(
        browser, live_server, seeded, screenshot, accessibility):  # noqa: F811
    # Suwon has not started yet in this walk: its demo adoption of the platform is undone.
    Adoption.objects.filter(adopter__slug="suwon", origin__slug=PLATFORM).delete()
    officer = sign_in(browser, live_server, "officer.suwon@demo.example")

    # 1. From the kit on Bucheon's page: "Start replicating".
    officer.goto(f"/en/catalogue/{PLATFORM}/")
    kit = officer.locator("section.replication-kit")
    expect(kit.get_by_role("heading", name="How to replicate this")).to_be_visible()
    kit.get_by_role("button", name="Start replicating").click()
    officer.wait_for_url(re.compile(r"/case-studies/write/\d+/problem/$"))
    adoption = Adoption.objects.get(adopter__slug="suwon", origin__slug=PLATFORM)
    draft = CaseStudyPage.objects.get(pk=adoption.adopter_case_study_id)
    assert not draft.live and draft.city.slug == "suwon"

    # 2. Two results on the adoption's page, reached from the origin's kit.
    officer.goto(f"/en/catalogue/{PLATFORM}/")
    officer.get_by_role("link", name="Suwon's replication: record stages and results").click()
    officer.wait_for_url(re.compile(r"/adoptions/\d+/$"))
    accessibility(officer)
    open_data = Indicator.objects.get(code="U4SSC:EC-ICT-PS-1A")
    services = Indicator.objects.get(code="U4SSC:EC-ICT-PS-2A")
    record_result(officer, open_data, "15", "datasets", "3", "2025-06-01")
    record_result(officer, services, "4", "services", "1", "2025-06-01")
    expect(officer.locator("#results-title + .scrollbox table, #results-title ~ * table")
           .first).to_contain_text("Open Data")

    # 3. Bucheon's page: Suwon's results beside Bucheon's, and the lineage over generations.
    for prefix, language in (("/en", "en"), ("", "ko")):
        officer.goto(f"{prefix}/catalogue/{PLATFORM}/")
        compared = officer.locator("section[aria-labelledby=compared-title]")
        table = compared.locator("table").first
        expect(table).to_contain_text("400.0%")  # Suwon: 3 → 15 datasets
        expect(table).to_contain_text("283.3%")  # Bucheon: 12 → 46
        expect(table).to_contain_text("300.0%")  # Suwon: 1 → 4 services
        desc = officer.locator("#lineage-svg-desc")
        names = {"en": "Daegu Metropolitan City → Bucheon → Suwon",
                 "ko": "대구광역시 → 부천시 → 수원시"}
        expect(desc).to_have_text(names[language])
        accessibility(officer)
        screenshot(officer, f"evidence-origin-page-{language}")
        compared.screenshot(path=str(ARTIFACTS / f"evidence-comparison-{language}.png"))
        officer.locator("section[aria-labelledby=lineage-title]").screenshot(
            path=str(ARTIFACTS / f"evidence-lineage-{language}.png"))
