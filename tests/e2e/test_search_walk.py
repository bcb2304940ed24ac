"""Must-show walk of the search issue, on the real Elasticsearch: a visitor searches in Korean
from the home page (suggestions appear as they type), narrows the results to two themes and
a country with htmx, opens a case study and finds similar ones."""

import re

import pytest
from playwright.sync_api import expect

from members import demo as members_demo
from portal import demo as site_demo
from solutions_catalog import demo as catalog_demo

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch,
              pytest.mark.django_db(transaction=True)]


@pytest.fixture
def indexed(demo_site, search_engine):
    members_demo.seed()
    catalog_demo.seed()
    home_ko, home_en = site_demo.seed()
    catalog_demo.seed_pages(home_ko, home_en)
    search_engine.rebuild()


@pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)
def test_search_in_korean_from_home_to_similar_case_studies(indexed, page, screenshot):
    page.goto("/")
    box = page.get_by_label("포털 검색")
    box.press_sequentially("스마트 가", delay=40)
    suggestion = page.locator("#home-suggestions").get_by_role("link", name="대구 스마트 가로등")
    expect(suggestion).to_be_visible()
    screenshot(page, "search-1-home-suggestions-ko")
    box.fill("스마트")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.get_by_role("heading", name="검색", exact=True)).to_be_visible()
    everything = page.locator("#results-count").inner_text()

    # Each choice re-renders the results in place (htmx) and the address follows it.
    page.get_by_role("checkbox", name=re.compile(r"^지속가능성")).check()
    page.wait_for_url(re.compile(r"theme=sustainability"))
    page.get_by_role("checkbox", name=re.compile(r"^회복력")).check()
    page.wait_for_url(re.compile(r"theme=resilience"))
    page.get_by_role("checkbox", name=re.compile(r"^대한민국")).check()
    page.wait_for_url(re.compile(r"country=KR"))
    results = page.locator("#results")
    expect(results.get_by_role("link", name=re.compile("주제: 지속가능성"))).to_be_visible()
    expect(results.get_by_role("link", name=re.compile("국가: 대한민국"))).to_be_visible()
    assert page.locator("#results-count").inner_text() != everything
    expect(page.get_by_role("checkbox", name=re.compile(r"^회복력"))).to_be_checked()
    screenshot(page, "search-2-two-themes-and-a-country-ko")

    results.get_by_role("link", name="대구 스마트 가로등").click()
    expect(page.get_by_role("heading", name="대구 스마트 가로등", level=1)).to_be_visible()
    similar = page.locator("section[aria-labelledby=similar-title]")
    expect(similar.get_by_role("heading", name="비슷한 사례")).to_be_visible()
    expect(similar.locator("li.card").first).to_be_visible()
    # Peoria replicates Daegu's design: shown in the lineage, not among the similar
    expect(similar.get_by_role("link", name="피오리아 스마트 가로등")).to_have_count(0)
    similar.scroll_into_view_if_needed()
    screenshot(page, "search-3-case-study-with-similar-ko")
