"""The catalogue in search, on both engines: published case studies in their language,
listed offerings and challenges; drafts, unlisted offerings and answers never."""

import pytest
from wagtail.models import PageViewRestriction

from search.registry import PUBLIC
from solutions_catalog.models import CaseStudyPage, ChallengeResponse, VendorOffering
from tests.support.search import find, titles

pytestmark = pytest.mark.django_db



def test_case_studies_are_found_in_their_own_language(catalogue, search_engine):
    search_engine.rebuild()
    korean = find(search_engine, "데이터 허브", audiences={PUBLIC}, language="ko")
    english = find(search_engine, "data hub", audiences={PUBLIC}, language="en")
    assert "대구 스마트시티 데이터 허브" in titles(korean)
    assert "Daegu smart-city data hub" in titles(english)
    assert all(hit.url.startswith("/en/") for hit in english.hits)


def test_drafts_unlisted_offerings_and_answers_are_not_found(catalogue, search_engine):
    catalogue.unpublish()
    VendorOffering.objects.filter(slug="civicsense-soc").update(is_listed=False)
    ChallengeResponse.objects.filter(proposal__contains="lamp posts").update(
        proposal="Zyxwo confidential pricing")
    search_engine.rebuild()
    korean = titles(find(search_engine, "데이터 허브", audiences={PUBLIC}, language="ko"))
    assert "대구 스마트시티 데이터 허브" not in korean
    assert find(search_engine, "security operations", audiences={PUBLIC},
                                language="en").hits  # Seoul's case study still is
    assert "CivicSense city security operations" not in titles(
        find(search_engine, "security operations", audiences={PUBLIC}, language="en"))
    assert find(search_engine, "Zyxwo", audiences={PUBLIC}).total == 0


def test_offerings_and_challenges_are_found_in_both_languages(catalogue, search_engine):
    search_engine.rebuild()
    assert "Saebyeok demand-responsive bus" in titles(
        find(search_engine, "demand-responsive", audiences={PUBLIC}, language="en"))
    assert "항만 배후지 대기질" in titles(
        find(search_engine, "항만", audiences={PUBLIC}, language="ko"))
    hits = find(search_engine, "lorries", audiences={PUBLIC}, language="en").hits
    assert "/en/challenges/busan-port-air-quality/" in [hit.url for hit in hits]


def test_status_counts_each_catalogue_kind(catalogue, search_engine):
    search_engine.rebuild()
    counts = search_engine.status()["documents_by_kind"]
    live = CaseStudyPage.objects.live().public().count()
    assert live >= 80  # 40+ case studies in two languages
    # documents: one per case-study page (each language is a page), two per offering
    assert counts["case_study"] == live
    assert counts["offering"] == 2 * VendorOffering.objects.listed().count()
    assert counts["challenge"] > 0


def test_unpublishing_and_suspending_a_vendor_reach_the_index(catalogue, search_engine,
                                                               on_commit):
    from members.models import Organisation

    search_engine.rebuild()
    with on_commit():
        catalogue.unpublish()  # Wagtail's unpublish, as the bulk and scheduled ones use
    assert "대구 스마트시티 데이터 허브" not in titles(
        find(search_engine, "데이터 허브", audiences={PUBLIC}, language="ko"))
    with on_commit():
        vendor = Organisation.objects.get(slug="saebyeok-mobility")
        vendor.membership_status = "suspended"
        vendor.save()
    assert "Saebyeok demand-responsive bus" not in titles(
        find(search_engine, "demand-responsive", audiences={PUBLIC}, language="en"))


def test_a_page_made_private_leaves_search_with_its_descendants(catalogue, search_engine,
                                                                on_commit):
    """Wagtail's privacy setting saves no page: the restriction itself re-records them."""
    search_engine.rebuild()
    index = catalogue.get_parent()
    with on_commit():
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN)
    assert "대구 스마트시티 데이터 허브" not in titles(
        find(search_engine, "데이터 허브", language="ko"))
    with on_commit():
        restriction.delete()
    assert "대구 스마트시티 데이터 허브" in titles(
        find(search_engine, "데이터 허브", language="ko"))
