"""The resource library as the demo seeds it: filters with counts, pages in both languages,
and members-only resources kept from everyone who may not read them, in the listing, on the
page, in the sitemap, in search and at the document's direct URL."""

import xml.etree.ElementTree as ET

import pytest
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Revision

from portal import demo
from portal.models import HomePage, ResourceLibraryPage, ResourcePage
from solutions_catalog.models import Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
THEMES = ["connectivity", "cybersecurity", "mobility", "sustainability", "resilience"]
PRIVATE_EN = "Joint bid template"
PRIVATE_KO = "공동 제안서 서식"
PUBLIC_EN = "Five partnership models"


@pytest.fixture(scope="module")
def _seeded_library(django_db_setup, django_db_blocker):
    """The home pages, the themes and the demo's resource library, seeded once for this
    module inside a transaction rolled back at its end; each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        home_ko, home_en = demo.seed()
        for order, slug in enumerate(THEMES):
            Theme.objects.create(slug=slug, name_en=slug.title(), name_ko=f"주제 {order}",
                                 sort_order=order)
        demo.seed_resource_library(home_ko, home_en)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def library(_seeded_library, db) -> ResourceLibraryPage:
    return ResourceLibraryPage.objects.get(locale__language_code="ko")


@pytest.fixture
def viewers(network) -> dict:
    return {"visitor": None, "non_member": UserFactory(email="reader@example.com"),
            "vendor": network.vendor, "officer": network.officer, "staff": network.staff}


def listed(response) -> list[str]:
    assert response.status_code == 200
    return [resource.title for resource in response.context["resources"].page]


def private(language: str = "en") -> ResourcePage:
    return ResourcePage.objects.get(slug="joint-bid-template", locale__language_code=language)


def test_the_library_lists_public_resources_in_korean_and_english(library, client):
    korean = client.get("/resources/")
    assert "스마트시티 협력의 다섯 가지 방식" in listed(korean)
    assert PRIVATE_KO not in korean.text and "Five partnership models" not in korean.text
    english = client.get("/en/resources/")
    titles = listed(english)
    assert len(titles) == 6 and PUBLIC_EN in titles and PRIVATE_EN not in english.text
    assert "6 resources" in english.text
    card = english.text[english.text.index(PUBLIC_EN):]
    assert "Report · Language: English · PDF" in card and "Dec. 15, 2022" in card


@pytest.mark.parametrize("query,expected", [
    ("kind=dataset", {"Funding mix by city (data)"}),
    ("theme=resilience", {"Incident exercise for city control centres",
                          "The five meeting themes (slides)"}),
    ("language=ko", {"Adopting the data hub: a guide",
                     "Incident exercise for city control centres"}),
    ("kind=report&language=en", {PUBLIC_EN, "Smart Cities Index 2022: partnership and funding"}),
])
def test_each_filter_narrows_the_listing(library, client, query, expected):
    response = client.get(f"/en/resources/?{query}")
    assert set(listed(response)) == expected
    assert f"{len(expected)} resource" in response.text


def test_filters_show_labelled_options_with_counts(library, client):
    html = client.get("/en/resources/").text
    assert '<legend>Kind</legend>' in html and '<legend>Language of the document</legend>' in html
    assert 'for="f-kind-report">Report <span class="count">(2)</span>' in html
    assert 'for="f-language-both">Korean and English <span class="count">(1)</span>' in html


@pytest.mark.parametrize("query", ["kind=novel", "theme=%3Cscript%3E", "theme=42",
                                   "language=fr", "page=abc", "page=999", "kind=report&page=-1"])
def test_bad_filter_values_give_a_normal_page(library, client, query):
    response = client.get(f"/en/resources/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main", 1)[-1]


def test_an_unknown_kind_is_ignored_with_a_message(library, client):
    response = client.get("/en/resources/?kind=novel")
    assert len(listed(response)) == 6
    assert "Ignored an unknown value" in response.text


def test_no_match_says_so_and_offers_to_clear_the_filters(library, client):
    response = client.get("/en/resources/?kind=template")
    assert listed(response) == []
    assert "No resources match these filters." in response.text
    assert '<a href="?">Clear all</a>' in response.text  # the same page, no filter


@pytest.mark.parametrize("role,sees", [("visitor", False), ("non_member", False),
                                       ("vendor", False), ("officer", True), ("staff", True)])
def test_members_only_resources_are_listed_to_those_who_may_read_them(
        library, viewers, as_user, role, sees):
    client = as_user(viewers[role])
    assert (PRIVATE_EN in listed(client.get("/en/resources/"))) is sees
    assert (PRIVATE_KO in listed(client.get("/resources/"))) is sees
    notice = {"visitor": "Some resources are shared with member organisations only.",
              "non_member": "Some resources are shared with member cities and public bodies",
              "vendor": "Some resources are shared with member cities and public bodies"}
    html = client.get("/en/resources/").text
    assert ("Some resources are shared" in html) is not sees
    if not sees:
        assert notice[role] in html
        # Only a visitor is offered to sign in: for the others it would lead back here.
        assert ("/en/accounts/login/?next=" in html) is (role == "visitor")


@pytest.mark.parametrize("role,status", [("visitor", "login"), ("non_member", 404),
                                         ("vendor", 404), ("officer", 200), ("staff", 200)])
def test_a_members_only_resource_page(library, viewers, as_user, role, status):
    response = as_user(viewers[role]).get(private().url)
    if status == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == status
    if status == 200:
        assert "Members only" in response.text and private().document.url in response.text


def test_a_public_resource_page_offers_its_file(library, client):
    page = ResourcePage.objects.get(slug="partnership-models", locale__language_code="ko")
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.url.startswith("/resources/") and page.document.url in response.text
    assert "스마트시티 협력의 다섯 가지 방식" in response.text


@pytest.mark.parametrize("role,status", [("visitor", "login"), ("non_member", 403),
                                         ("vendor", 403), ("officer", 200), ("staff", 200)])
def test_the_direct_document_url_of_a_members_only_resource(library, viewers, as_user, role,
                                                            status):
    url = private().document.url
    assert url.startswith("/documents/")
    response = as_user(viewers[role]).get(url)
    if status == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == status


@pytest.mark.parametrize("role", ["visitor", "officer"])
@pytest.mark.parametrize("prefix", ["", "/", "./", "x/../"])
def test_no_document_is_served_from_the_media_folder(library, viewers, as_user, role, prefix,
                                                     settings):
    # The local media volume serves logos and images; a document's stored path there would
    # bypass the members-only check, so documents are only ever served through /documents/,
    # however the path is dressed up.
    assert settings.SERVE_MEDIA
    response = as_user(viewers[role]).get(f"/media/{prefix}{private().document.file.name}")
    assert response.status_code == 404


def test_images_are_still_served_from_the_media_folder(library, client, settings):
    from pathlib import Path

    image = Path(settings.MEDIA_ROOT) / "original_images" / "served-check.txt"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_text("logo")
    try:
        response = client.get("/media/original_images/served-check.txt")
        assert response.status_code == 200
    finally:
        image.unlink()


def test_the_document_of_a_public_resource_is_served_to_anyone(library, client):
    document = ResourcePage.objects.get(slug="funding-mix-31-cities",
                                        locale__language_code="en").document
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"Seoul" in b"".join(response.streaming_content)


def test_the_sitemap_has_public_resources_and_no_members_only_ones(library, client):
    response = client.get("/sitemap.xml")
    paths = {loc.text.split("testserver", 1)[1]
             for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    assert {"/resources/", "/en/resources/", "/en/resources/partnership-models/"} <= paths
    assert not any("joint-bid-template" in p or "adoption-pipeline" in p for p in paths)


def test_members_only_resources_are_found_by_members_only(library, search_engine):
    from search.registry import MEMBERS, PUBLIC
    from tests.support.search import find, titles

    search_engine.rebuild()
    assert PUBLIC_EN in titles(find(search_engine, "partnership models", language="en"))
    assert PRIVATE_EN not in titles(find(search_engine, "joint bid template", language="en"))
    assert PRIVATE_EN in titles(find(search_engine, "joint bid template", language="en",
                                     audiences={PUBLIC, MEMBERS}))


def test_seeding_twice_changes_nothing(library):
    counts = (ResourcePage.objects.count(), get_document_model().objects.count(),
              Revision.objects.count())
    demo.seed_resource_library(library.get_parent().specific,
                               HomePage.objects.get(locale__language_code="en"))
    assert (ResourcePage.objects.count(), get_document_model().objects.count(),
            Revision.objects.count()) == counts
    assert counts[0] == 16
    assert ResourcePage.objects.members_only().count() == 4  # two resources, two languages


def test_the_library_is_in_every_page_s_footer(library, client):
    html = client.get("/en/meetings/").content.decode()
    assert '<a href="/en/resources/">Resource library</a>' in html[html.index("<footer"):]
