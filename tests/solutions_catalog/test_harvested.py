"""Case studies harvested from peer nodes, as readers meet them: in search with their node,
on a read-only page with a link back, in the catalogue and theme hubs."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from harvest.models import HarvestedItem, Peer
from indicators.models import Indicator
from portal.demo import seed_theme_hubs
from portal.models import HomePage, ThemeHubPage
from search.registry import records_of

pytestmark = pytest.mark.django_db
BUSAN = "https://busan.example/federation/"


def peer(name_en: str = "Busan Smart City Portal", name_ko: str = "부산 스마트시티 포털",
         url: str = BUSAN) -> Peer:
    now = timezone.now()
    return Peer.objects.create(url=url, node_id=url, name_en=name_en, name_ko=name_ko,
                               status="confirmed", last_harvest_at=now, last_success_at=now)


def harvested(at: Peer, key: str = "1", *, korean_only: bool = False,
              code: str | None = None) -> HarvestedItem:
    base = at.url.removesuffix("/federation/")
    name = {"ko": "부산 스마트 주차 안내"} if korean_only else {
        "ko": "부산 스마트 주차 안내", "en": "Busan smart parking guidance"}
    data = {
        "id": f"{at.url}items/case-study/{key}", "type": "scc:CaseStudy",
        "scc:node": at.url, "scc:audience": "public", "name": name,
        "description": {"ko": "주차장 빈자리를 실시간으로 안내합니다."} | (
            {} if korean_only else {"en": "Free parking spaces shown as they open."}),
        "url": {"ko": f"{base}/catalogue/busan-parking/"} | (
            {} if korean_only else {"en": f"{base}/en/catalogue/busan-parking/"}),
        "scc:theme": ["mobility"],
        "scc:city": {"name": {"ko": "부산", "en": "Busan"}, "addressCountry": "KR"},
        "scc:body": {"ko": "도심 주차난을 센서로 줄였습니다."},
        "scc:outcome": [{"scc:indicator": code,
                         "name": {"ko": "주차 탐색 시간", "en": "Search time"},
                         "value": 6, "unit": "min", "scc:baseline": 12,
                         "scc:measuredOn": "2025-06-01"}],
        "dateModified": "2026-01-10T09:00:00+00:00",
    }
    return HarvestedItem.objects.create(
        peer=at, iri=data["id"], kind="case-study", data=data, title_ko=name["ko"],
        title_en=name.get("en", ""), summary_ko=data["description"]["ko"],
        summary_en=data["description"].get("en", ""), url_ko=data["url"]["ko"],
        url_en=data["url"].get("en", ""), themes=["mobility"], country="KR",
        modified_at=datetime.datetime(2026, 1, 10, 9, tzinfo=datetime.UTC),
        last_seen=timezone.now())


def test_a_korean_query_finds_a_harvested_case_study_with_its_node(client, catalogue,
                                                                  search_engine):
    item = harvested(peer())
    search_engine.rebuild()
    page = client.get("/search/", {"q": "주차 안내"}).content.decode()
    assert "부산 스마트 주차 안내" in page
    assert "출처: 부산 스마트시티 포털" in page  # the hit names its node
    # The node facet offers the peer by name, and filtering on it keeps the hit.
    assert re.search(f'name="node" value="{item.peer_id}"', page)
    only = client.get("/search/", {"q": "주차", "node": str(item.peer_id)}).content.decode()
    assert "부산 스마트 주차 안내" in only
    english = client.get("/en/search/", {"q": "parking guidance"}).content.decode()
    assert "Busan smart parking guidance" in english
    assert "From Busan Smart City Portal" in english


def test_a_harvested_item_removed_leaves_search(client, catalogue, search_engine):
    item = harvested(peer())
    search_engine.rebuild()
    pk = item.pk
    item.delete()
    assert records_of("harvested_case_study", str(pk)) == []
    search_engine.sync("harvested_case_study", str(pk))
    search_engine.refresh()
    after = client.get("/search/", {"q": "주차 안내"}).content.decode()
    assert "부산 스마트 주차 안내" not in after


def test_the_page_shows_the_origin_and_links_back_in_the_readers_language(client, catalogue):
    code = Indicator.objects.order_by("code").first().code
    item = harvested(peer(), code=code)
    english = client.get(f"/en/catalogue/network/{item.pk}/").content.decode()
    assert "<h1>Busan smart parking guidance</h1>" in english
    assert "From Busan Smart City Portal" in english
    assert 'href="https://busan.example/en/catalogue/busan-parking/" hreflang="en"' in english
    # The body exists only in Korean: shown, marked as Korean.
    assert '<p lang="ko">도심 주차난을 센서로 줄였습니다.</p>' in english
    assert f'href="/en/indicators/{code}/"' in english
    korean = client.get(f"/catalogue/network/{item.pk}/").content.decode()
    assert "<h1>부산 스마트 주차 안내</h1>" in korean
    assert 'href="https://busan.example/catalogue/busan-parking/" hreflang="ko"' in korean


def test_a_korean_only_case_study_in_english_is_marked_and_links_to_the_korean_page(
        client, catalogue):
    item = harvested(peer(), korean_only=True)
    english = client.get(f"/en/catalogue/network/{item.pk}/").content.decode()
    assert '<h1 lang="ko">부산 스마트 주차 안내</h1>' in english
    assert 'href="https://busan.example/catalogue/busan-parking/" hreflang="ko"' in english


def test_a_silent_peer_s_case_study_says_when_it_was_last_seen(client, catalogue):
    busan = peer()
    Peer.objects.filter(pk=busan.pk).update(
        last_success_at=datetime.datetime(2026, 2, 3, 4, tzinfo=datetime.UTC),
        last_harvest_at=timezone.now())
    item = harvested(busan)
    english = client.get(f"/en/catalogue/network/{item.pk}/").content.decode()
    assert "has not answered since" in english and "2026" in english
    assert client.get("/en/catalogue/network/999999/").status_code == 404


def test_catalogue_and_theme_hub_list_harvested_case_studies_in_constant_queries(
        client, catalogue, django_assert_max_num_queries):
    seed_theme_hubs(HomePage.objects.get(locale__language_code="ko"),
                    HomePage.objects.get(locale__language_code="en"))
    busan = peer()
    harvested(busan)
    hub = ThemeHubPage.objects.get(theme__slug="mobility", locale__language_code="en")
    with django_assert_max_num_queries(60) as first:
        listing = client.get("/en/catalogue/").content.decode()
    # Read at once: captured_queries slices the connection's log, which a request empties.
    listing_queries = len(first.captured_queries)
    cache.clear()  # the hub keeps parts in the cache: count them fresh each time
    with django_assert_max_num_queries(60) as first_hub:
        hub_page = client.get(hub.url).content.decode()
    hub_queries = len(first_hub.captured_queries)
    assert "Busan smart parking guidance" in listing and "From Busan Smart City Portal" in listing
    assert "Busan smart parking guidance" in hub_page
    seoul = peer("Seoul portal", "서울 포털", "https://seoul.example/federation/")
    for key in "23456":
        harvested(busan if key < "4" else seoul, key)
    with django_assert_max_num_queries(listing_queries):
        listing = client.get("/en/catalogue/").content.decode()
    # The catalogue's filters offer each portal; choosing one lists its case studies only.
    assert re.search(f'name="node" value="{seoul.pk}"', listing)
    only_seoul = client.get("/en/catalogue/", {"node": str(seoul.pk)}).content.decode()
    assert "From Seoul portal" in only_seoul and "From Busan" not in only_seoul
    assert "Daegu" not in only_seoul.split('id="results-title"', 1)[1].split("network-title")[0]
    cache.clear()
    with django_assert_max_num_queries(hub_queries):
        assert "Seoul" in client.get(hub.url).content.decode()
