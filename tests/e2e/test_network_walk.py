"""A Bucheon officer meets a case study harvested from another consortium's portal: follows
it, starts replicating it into a draft prefilled with its indicators, and finds it on the
dashboard marked with its portal. Screenshots in Korean and English, axe-core on each page."""

import re

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator
from solutions_catalog.models import Adoption, CaseStudyFollow
from tests.e2e.test_case_study_walk import seeded, sign_in  # noqa: F401 (a fixture)
from tests.solutions_catalog.test_harvested import harvested, peer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_follows_and_replicates_a_case_study_of_another_portal(
        browser, live_server, seeded, screenshot, accessibility):  # noqa: F811
    indicator = Indicator.objects.order_by("code").first()
    item = harvested(peer(), code=indicator.code)
    officer = sign_in(browser, live_server, "officer.bucheon@demo.example")

    officer.goto(f"/catalogue/network/{item.pk}/")
    expect(officer.get_by_role("heading", level=1)).to_have_text("부산 스마트 주차 안내")
    expect(officer.locator(".node-badge").first).to_contain_text("부산 스마트시티 포털")
    officer.get_by_role("button", name="이 사례 팔로우하기").click()
    expect(officer.get_by_role("button", name="이 사례 팔로우 그만두기")).to_be_visible()
    accessibility(officer)
    screenshot(officer, "network-case-study-ko")
    assert CaseStudyFollow.objects.filter(remote_case_study_iri=item.iri).count() == 1

    officer.goto(f"/en/catalogue/network/{item.pk}/")
    officer.get_by_role("button", name="Start replicating").click()
    officer.wait_for_url(re.compile(r"/en/case-studies/write/\d+/problem/$"))
    adoption = Adoption.objects.get(remote_origin_iri=item.iri, adopter__slug="bucheon")
    assert adoption.adopter_case_study.title == "Busan smart parking guidance in Bucheon"
    officer.goto(f"/en/catalogue/network/{item.pk}/")
    expect(officer.get_by_text("1 city is replicating this.")).to_be_visible()
    accessibility(officer)
    screenshot(officer, "network-case-study-en")

    officer.goto("/en/dashboard/")
    followed = officer.locator("section[aria-labelledby=following-heading]")
    expect(followed.get_by_role("link", name="Busan smart parking guidance").first).to_be_visible()
    expect(followed).to_contain_text("From Busan Smart City Portal")
    expect(followed.locator("table")).to_contain_text("Bucheon")
    accessibility(officer)
    screenshot(officer, "network-dashboard-en")
