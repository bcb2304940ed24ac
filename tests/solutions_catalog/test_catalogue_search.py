"""Searching the demo catalogue as people do: the /search/ page and its API, similar case
studies on a case-study page, and solutions proposed for a challenge."""

import re

import pytest
from django.test import override_settings

from members.models import User
from search.engines import get_engine
from solutions_catalog.models import CaseStudyPage

pytestmark = pytest.mark.django_db
DEAD_CLUSTER = "http://127.0.0.1:9"  # nothing listens there


def result_titles(response) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


@pytest.fixture
def indexed(catalogue, search_engine):
    search_engine.rebuild()
    return search_engine


def test_korean_search_with_two_themes_and_a_country(client, indexed):
    response = client.get("/search/", {"q": "스마트", "theme": ["sustainability", "resilience"],
                                       "country": "KR"})
    assert response.status_code == 200
    found = result_titles(response)
    assert "대구 스마트 가로등" in found
    expected = CaseStudyPage.objects.live().filter(
        locale__language_code="ko", city__country="KR",
        themes__slug__in=["sustainability", "resilience"], title__contains="스마트").distinct()
    case_study_titles = {t for t in found if t in {p.title for p in expected}}
    assert case_study_titles == {p.title for p in expected}
    page = response.content.decode()
    # Active filters as chips, each a link that removes only itself.
    assert 'class="chip">주제: 지속가능성' in page
    assert "theme=resilience" in re.search(r'href="([^"]+)" class="chip">주제: 지속가능성',
                                           page).group(1).replace("&amp;", "&")


def test_korean_compound_with_or_without_the_space(client, indexed):
    spaced = result_titles(client.get("/search/", {"q": "스마트 가로등"}))
    joined = result_titles(client.get("/search/", {"q": "스마트가로등"}))
    assert "대구 스마트 가로등" in spaced and "대구 스마트 가로등" in joined


def test_bad_parameters_get_a_message_and_the_rest_of_the_search_runs(client, indexed):
    plain = client.get("/en/search/", {"q": "smart"})
    bad = client.get("/en/search/", {"q": "smart", "theme": "<script>", "page": "x",
                                     "sort": "sideways", "from": "yesterday"})
    assert bad.status_code == 200
    text = bad.content.decode()
    for message in ("Unknown value in the “Theme” filter.", "Unknown page number.",
                    "Unknown sort order", "Unreadable date “yesterday”"):
        assert message in text
    assert "<script>" not in text.split("<main", 1)[1]
    assert result_titles(bad) == result_titles(plain)


def test_the_search_page_counts_its_queries(client, indexed, django_assert_max_num_queries):
    with django_assert_max_num_queries(30) as first:
        client.get("/en/search/", {"q": "smart"})
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get("/en/search/", {"q": "data", "theme": ["mobility", "connectivity"],
                                   "country": ["KR", "US"], "page": "1"})


def test_api_answers_with_hits_and_facets_and_refuses_bad_input(client, indexed):
    data = client.get("/api/search/", {"q": "street lights", "lang": "en",
                                       "theme": "sustainability"}).json()
    assert "Daegu smart street lights" in [hit["title"] for hit in data["hits"]]
    themes = next(f for f in data["facets"] if f["name"] == "theme")
    assert {"value": "sustainability", "label": "Sustainability", "selected": True} .items() <= (
        next(o for o in themes["options"] if o["value"] == "sustainability").items())
    refused = client.get("/api/search/", {"q": "x", "year": "soon"})
    assert refused.status_code == 400
    assert "Year" in refused.json()["detail"] or "연도" in refused.json()["detail"]
    assert client.get("/api/search/", {"lang": "fr"}).status_code == 400
    suggestions = client.get("/api/search/suggest", {"q": "스마트 가", "lang": "ko"}).json()
    assert "대구 스마트 가로등" in [s["title"] for s in suggestions]


def test_autocomplete_fragment_links_titles(client, indexed):
    fragment = client.get("/en/search/suggest/", {"q": "Daegu smart"}).content.decode()
    assert '<a href="/en/catalogue/daegu-smart-street-lights/">Daegu smart street lights</a>' in (
        fragment)
    assert client.get("/en/search/suggest/", {"q": ""}).content.strip() == b""


def test_a_case_study_page_shows_similar_case_studies(client, indexed):
    page = CaseStudyPage.objects.get(slug="daegu-smart-street-lights", locale__language_code="en")
    html = client.get(page.url).content.decode()
    similar = html.split('id="similar-title"', 1)[1].split("</section>", 1)[0]
    assert '<li class="card">' in similar
    assert ">Daegu smart street lights<" not in similar
    # Peoria replicates Daegu's design: it is in the lineage, not among the similar
    assert "Peoria smart street lights" not in similar and "Peoria smart street lights" in html


def test_a_challenge_proposes_solutions_found_by_its_text(client, indexed):
    html = client.get("/en/challenges/busan-port-air-quality/").content.decode()
    proposed = html.split('id="matches-title"', 1)[1].split('id="answers-title"', 1)[0]
    assert "CivicSense air-quality sensor network</a> · CivicSense Analytics" in proposed
    assert "Busan port air-quality network" not in proposed  # Busan's own: not "elsewhere"
    assert "heatwave" not in proposed.lower()


@pytest.mark.elasticsearch
@pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)
def test_while_the_cluster_is_down_pages_still_answer(client, indexed, settings):
    settings.ELASTICSEARCH_URL = DEAD_CLUSTER
    get_engine.cache_clear()
    search = client.get("/en/search/", {"q": "smart"})
    assert search.status_code == 503
    assert "Search is unavailable for a moment" in search.content.decode()
    assert client.get("/api/search/", {"q": "smart"}).status_code == 503
    page = CaseStudyPage.objects.get(slug="daegu-smart-street-lights", locale__language_code="en")
    assert client.get(page.url).status_code == 200
    challenge = client.get("/en/challenges/busan-port-air-quality/").content.decode()
    assert "None yet." not in challenge.split('id="matches-title"', 1)[1].split(
        "Offerings", 1)[0]  # themes and domain stand in for the text match


@override_settings(LANGUAGE_CODE="en")
def test_members_only_results_need_a_member_session(client, indexed, as_user):
    """The engines' contract covers hidden documents in detail; here the page passes the
    session's audiences through."""
    officer = User.objects.get(email="officer.daegu@demo.example")
    anonymous = client.get("/api/search/", {"lang": "en"}).json()["total"]
    member = as_user(officer).get("/api/search/", {"lang": "en"}).json()["total"]
    assert member >= anonymous > 0


def test_control_characters_and_odd_digits_are_handled(client, indexed):
    page = client.get("/en/search/", {"q": "smart\x00lights", "page": "²"})
    assert page.status_code == 200
    assert "Unknown page number." in page.content.decode()
    assert client.get("/en/search/suggest/", {"q": "\x00"}).status_code == 200
    assert client.get("/api/search/suggest", {"q": "\x00\x01"}).status_code == 400
