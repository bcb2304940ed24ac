"""A case study written and approved only in Korean is not missing on the English side: the
catalogue, the city's page, theme hubs, offerings, the feed and the open-data API show it
after the English ones, marked as Korean. Drafts and members-only documents stay out."""

import csv
import io
import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from portal import demo as site_demo
from portal.models import ThemeHubPage
from solutions_catalog.demo_case_studies import CASES
from solutions_catalog.models import (
    CaseStudyDocument,
    CaseStudyPage,
    Deployment,
    Theme,
    VendorOffering,
)

pytestmark = pytest.mark.django_db
BADGE = '<span class="language-badge">In Korean</span>'


def korean_only(catalogue, slug: str, title: str, *, live: bool = True) -> CaseStudyPage:
    """A case study of Daegu's, on the data hub's themes, with no English version."""
    page = CaseStudyPage(title=title, slug=slug, city=catalogue.city, locale=catalogue.locale,
                         summary=f"{title}: 한국어로만 쓴 요약", problem="<p>문제</p>",
                         approach="<p>접근</p>", live=False)
    catalogue.get_parent().add_child(instance=page)
    page.themes.set(catalogue.themes.all())
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


@pytest.fixture
def parking(catalogue):
    return korean_only(catalogue, "daegu-parking-share", "대구 공유 주차")


@pytest.fixture
def hidden(catalogue):
    """What must not reach English readers: a Korean-only draft, and a members-only
    document on a published Korean-only case study."""
    draft = korean_only(catalogue, "daegu-draft", "대구 미공개 초안", live=False)
    shown = korean_only(catalogue, "daegu-bike-share", "대구 공공자전거")
    document = Document.objects.create(title="회원 전용 평가 보고서",
                                       file=ContentFile(b"%PDF-1.4", name="secret.pdf"))
    CaseStudyDocument.objects.create(page=shown, document=document, kind="evaluation_report",
                                     visibility="members")
    return draft, document


def read(response) -> str:
    """The page as a reader sees it (JSON with its Korean unescaped)."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def listed(response) -> list[CaseStudyPage]:
    return list(response.context["catalogue"].page.paginator.object_list)


def test_the_english_catalogue_lists_a_korean_only_case_study_last_and_marked(client, parking):
    response = client.get("/en/catalogue/?page=2")
    pages = listed(response)
    assert len(pages) == len(CASES) + 1
    assert [p.language for p in pages] == ["en"] * len(CASES) + ["ko"]  # after the English
    assert pages[-1].pk == parking.pk
    assert len({p.translation_key for p in pages}) == len(pages)  # each case study once
    html = response.text
    assert f'<a href="/catalogue/daegu-parking-share/" lang="ko">대구 공유 주차</a>{BADGE}' in html
    assert '<p lang="ko">대구 공유 주차: 한국어로만 쓴 요약</p>' in html
    assert html.count("language-badge") == 1  # the English ones carry no mark
    korean = client.get("/catalogue/").text  # in its own language: not marked
    assert "대구 공유 주차" in korean and "language-badge" not in korean


def test_facet_counts_count_what_is_listed(client, parking):
    response = client.get("/en/catalogue/?city=daegu")
    daegu = [c for c in CASES if c["city"] == "daegu"]
    assert len(listed(response)) == len(daegu) + 1
    counts = {o.value: o.count for o in response.context["catalogue"].facets["city"]}
    assert counts["daegu"] == len(daegu) + 1
    theme = parking.themes.first().slug
    themed = {o.value: o.count for o in response.context["catalogue"].facets["theme"]}
    assert themed[theme] == len([c for c in daegu if theme in c["themes"]]) + 1


def test_a_case_study_with_both_versions_appears_once_in_the_readers_language(
        client, catalogue):
    english = CaseStudyPage.objects.get(translation_key=catalogue.translation_key,
                                        locale__language_code="en")
    english.unpublish()  # now Korean only, as far as readers go
    pages = listed(client.get("/en/catalogue/"))
    assert pages[-1].pk == catalogue.pk and pages[-1].language == "ko"
    assert [p.pk for p in pages].count(catalogue.pk) == 1 and english.pk not in [
        p.pk for p in pages]
    assert {p.language for p in listed(client.get("/catalogue/"))} == {"ko"}


def test_the_citys_english_page_lists_it_after_its_english_case_studies(client, parking):
    html = client.get("/en/members/daegu/").text
    assert f'lang="ko">대구 공유 주차</a>{BADGE}' in html
    last_english = max(html.index(c["en"]["title"]) for c in CASES if c["city"] == "daegu")
    assert html.index("대구 공유 주차") > last_english


def test_the_english_theme_hub_shows_it_marked(client, parking):
    site_demo.seed_theme_hubs(*_homes())
    theme = Theme.objects.filter(hubs__isnull=False, case_studies=parking).first()
    hub = ThemeHubPage.objects.get(theme=theme, locale__language_code="en")
    html = client.get(hub.get_url()).text
    assert f'lang="ko">대구 공유 주차</a>{BADGE}' in html
    assert '<p lang="ko">대구 공유 주차: 한국어로만 쓴 요약</p>' in html


def _homes():
    from wagtail.models import Page

    return [Page.objects.get(slug=slug, depth=2).specific for slug in ("home", "home-en")]


def test_the_api_returns_it_in_korean_after_the_english_ones(client, parking):
    body = client.get("/api/catalogue/case-studies?lang=en&page_size=100").json()
    assert body["count"] == len(CASES) + 1
    assert [r["language"] for r in body["results"]] == ["en"] * len(CASES) + ["ko"]
    last = body["results"][-1]
    assert last["id"] == str(parking.translation_key) and last["title"] == "대구 공유 주차"
    assert last["city"]["slug"] == "daegu"
    assert last["url"].endswith("/catalogue/daegu-parking-share/")
    rows = list(csv.DictReader(io.StringIO(
        client.get("/api/catalogue/case-studies.csv?lang=en").content.decode("utf-8-sig"))))
    assert len(rows) == len(CASES) + 1 and rows[-1]["language"] == "ko"
    schema = client.get("/api/openapi.json").json()
    language = schema["components"]["schemas"]["CaseStudyOut"]["properties"]["language"]
    assert "other language" in language["description"]


def test_drafts_and_members_only_documents_never_reach_english_readers(client, hidden):
    draft, document = hidden
    for url in ("/en/catalogue/?page=2", "/en/members/daegu/", "/en/case-studies.atom",
                "/api/catalogue/case-studies?lang=en&page_size=100"):
        text, name = read(client.get(url)), url
        assert "대구 공공자전거" in text, name  # the published one is there
        assert draft.title not in text, name
        assert document.title not in text and document.url not in text, name
    bike = client.get("/catalogue/daegu-bike-share/").text  # its own page, to a visitor
    assert document.title not in bike


def test_the_english_feed_carries_it_as_korean(client, parking):
    feed = client.get("/en/case-studies.atom").content.decode()
    entry = feed[feed.index('<entry xml:lang="ko">'):]
    assert entry.index("대구 공유 주차") < entry.index("</entry>")
    assert '<category term="In Korean"' in entry
    assert feed.count("xml:lang=\"ko\"") == 1


def test_an_offering_shows_a_korean_only_deployment_and_a_korean_only_name(client, parking):
    offering = VendorOffering.objects.get(slug="hanbit-smart-lighting")
    Deployment.objects.create(offering=offering, case_study=parking, status="confirmed")
    html = client.get(f"/en/offerings/{offering.slug}/").text
    assert f'lang="ko">대구 공유 주차</a>{BADGE}' in html
    offering.name_en, offering.name_ko = "", "한빛 스마트 조명 제어"
    offering.save()
    listing = client.get("/en/offerings/").text
    assert f'lang="ko">한빛 스마트 조명 제어</a>{BADGE}' in listing


@pytest.mark.parametrize("url", ["/en/catalogue/?city=daegu", "/en/members/daegu/",
                                 "/api/catalogue/case-studies?lang=en&page_size=100"])
def test_korean_only_case_studies_cost_no_query_each(client, catalogue, url,
                                                     django_assert_max_num_queries):
    korean_only(catalogue, "only-0", "한국어 전용 0")
    client.get(url)  # the footer's pages are cached from now on
    with django_assert_max_num_queries(30) as one:
        client.get(url)
    for n in range(1, 10):
        korean_only(catalogue, f"only-{n}", f"한국어 전용 {n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        text = read(client.get(url))
    assert "한국어 전용 9" in text


def test_the_english_city_page_marks_a_replicated_case_study_written_only_in_korean(
        client, parking, catalogue):
    from solutions_catalog.models import Adoption

    bucheon = CaseStudyPage.objects.exclude(city=parking.city).first().city
    Adoption.objects.create(origin=parking, adopter=bucheon, status="piloting")
    html = client.get(f"/en/members/{bucheon.slug}/").text
    assert f'<a href="/catalogue/daegu-parking-share/" lang="ko">대구 공유 주차</a>{BADGE}' in html


def test_the_korean_catalogue_lists_an_english_only_case_study_marked_in_korean(
        client, catalogue):
    catalogue.unpublish()  # Daegu's data hub: now English only
    html = client.get("/catalogue/?city=daegu").text
    assert ('<a href="/en/catalogue/daegu-data-hub/" lang="en">Daegu smart-city data hub</a>'
            '<span class="language-badge">영문</span>') in html
