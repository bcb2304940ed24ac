"""The catalogue as readers meet it: filtered listings and case-study pages in both
languages, in a fixed number of queries, with members-only documents kept for members."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from members.demo import CITIES
from members.models import Organisation
from solutions_catalog.demo_case_studies import CASES
from solutions_catalog.models import CaseStudyDocument, CaseStudyImage, CaseStudyPage
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
COUNTRY = {slug: country for slug, _ko, _en, country, *_rest in CITIES}


def titles(response) -> list[str]:
    return [case.title for case in response.context["catalogue"].page]


def all_titles(response) -> list[str]:
    """Every match, not only the first page."""
    return [case.title for case in response.context["catalogue"].page.paginator.object_list]


def demo(language, theme=None, city=None, country=None) -> list[dict]:
    """The seeded case studies (in one language) a filter should find."""
    return [case | case[language] for case in CASES
            if (theme is None or theme in case["themes"]) and city in (None, case["city"])
            and country in (None, COUNTRY[case["city"]])]


def test_every_case_study_exists_in_both_languages(catalogue):
    korean = CaseStudyPage.objects.filter(locale__language_code="ko").live()
    english = CaseStudyPage.objects.filter(locale__language_code="en").live()
    assert korean.count() == english.count() == len(CASES) >= 40
    assert {p.translation_key for p in korean} == {p.translation_key for p in english}


def test_catalogue_filters_by_theme_city_and_country(client, catalogue):
    mobility = client.get("/en/catalogue/?theme=mobility")
    expected = sorted(c["title"] for c in demo("en", theme="mobility"))
    assert {"Kansas City smart corridor", "Suwon demand-responsive bus"} <= set(expected)
    assert sorted(all_titles(mobility)) == expected
    korea = client.get("/en/catalogue/?country=KR&theme=mobility")
    expected = sorted(c["title"] for c in demo("en", theme="mobility", country="KR"))
    assert "Suwon demand-responsive bus" in expected
    assert "Kansas City smart corridor" not in expected
    assert sorted(all_titles(korea)) == expected
    daegu = client.get("/catalogue/?city=daegu")
    expected = demo("ko", city="daegu")
    assert {"대구 스마트 가로등", "대구 스마트시티 데이터 허브"} <= {c["title"] for c in expected}
    assert sorted(all_titles(daegu)) == sorted(c["title"] for c in expected)
    counts = {o.value: o.count for o in daegu.context["catalogue"].facets["maturity"]}
    assert counts == Counter(c["maturity"] for c in expected)


def test_bad_filter_values_are_reported_not_applied(client, catalogue):
    response = client.get("/en/catalogue/?theme=<script>&page=last")
    assert "Ignored an unknown value in the “Theme” filter." in response.text
    assert "<script>" not in response.text
    assert response.context["catalogue"].page.paginator.count == len(CASES)  # nothing filtered


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_catalogue_index_queries_do_not_grow_with_the_catalogue(
        client, catalogue, prefix, django_assert_max_num_queries):
    # ~10 of them are Wagtail routing; 2 find the page's other language (hreflang) and 2 the
    # footer's pages (cached afterwards), 1 the breadcrumbs' ancestors, 2 the case studies
    # harvested from peer portals and the portals' filter
    with django_assert_max_num_queries(27) as first:
        client.get(f"{prefix}/catalogue/")
    index = catalogue.get_parent()
    for n in range(10):
        extra = CaseStudyPage(title=f"Extra {n}", slug=f"extra-{n}", city=catalogue.city,
                              summary="s", problem="<p>p</p>", approach="<p>a</p>",
                              locale=catalogue.locale)
        index.add_child(instance=extra)
        extra.themes.set(catalogue.themes.all())
        extra.save_revision().publish()
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get("/catalogue/").status_code == 200


@pytest.mark.parametrize("prefix,heading", [("", "대구 스마트시티 데이터 허브"),
                                            ("/en", "Daegu smart-city data hub")])
def test_case_study_page_in_both_languages(client, catalogue, prefix, heading,
                                           django_assert_max_num_queries):
    # routing, then one per relation shown (meetings it was presented at among them), two
    # for similar case studies (database engine), two for the other language (hreflang)
    # and the footer's pages (cached afterwards), and the breadcrumbs' ancestors; ten for the
    # evidence: lineage (adoption links, the versions read, the cities, the relatives left out
    # of similar), outcomes compared (adoptions, results, the origin's KPIs), the viewer's
    # cities and the adoptions' stages; three for the adoptions harvested from peer portals
    # (in the lineage, the list of replicating cities, the outcomes compared)
    with django_assert_max_num_queries(47):
        response = client.get(f"{prefix}/catalogue/daegu-data-hub/")
    assert response.status_code == 200
    assert heading in response.text
    assert "425.0%" in response.text  # linked datasets 40 → 210
    assert "Kyungpook" in response.text or "경북대학교" in response.text


def attach(page, visibility):
    document = Document.objects.create(title=f"{visibility} evaluation",
                                       file=ContentFile(b"%PDF-1.4 report", name="report.pdf"))
    CaseStudyDocument.objects.create(page=page, document=document, kind="evaluation_report",
                                     visibility=visibility)
    return document


def test_members_only_documents_are_listed_and_served_to_members_only(client, catalogue):
    public = attach(catalogue, "public")
    private = attach(catalogue, "members")
    response = client.get("/catalogue/daegu-data-hub/")
    assert "public evaluation" in response.text
    assert "members evaluation" not in response.text
    assert response.context["hidden_documents"] == 1
    assert client.get(public.url).status_code == 200
    direct = client.get(private.url)
    assert direct.status_code == 302 and "/accounts/login/" in direct["Location"]

    vendor = MembershipFactory(organisation=Organisation.objects.get(slug="hanbit-telecom")).user
    client.force_login(vendor)
    assert client.get(private.url).status_code == 403

    officer = MembershipFactory(organisation=Organisation.objects.get(slug="bucheon")).user
    client.force_login(officer)
    assert "members evaluation" in client.get("/catalogue/daegu-data-hub/").text
    assert client.get(private.url).status_code == 200


def test_contact_person_is_shown_to_members_only(client, catalogue):
    catalogue.contact_person = MembershipFactory(organisation=catalogue.city).user
    catalogue.save_revision().publish()
    email = catalogue.contact_person.email
    assert email not in client.get("/catalogue/daegu-data-hub/").text
    client.force_login(MembershipFactory(organisation=Organisation.objects.get(slug="suwon")).user)
    assert email in client.get("/catalogue/daegu-data-hub/").text


@pytest.mark.parametrize("field,value,message", [
    ("budget", -1, "A budget cannot be negative."),
    ("public_share_percent", 120, "less than or equal to 100"),
])
def test_bad_figures_are_refused(catalogue, field, value, message):
    setattr(catalogue, field, value)
    with translation.override("en"), pytest.raises(ValidationError, match=message):
        catalogue.full_clean()


def test_an_end_before_the_start_is_refused(catalogue):
    catalogue.ended_on = catalogue.started_on.replace(year=catalogue.started_on.year - 1)
    with translation.override("en"), pytest.raises(ValidationError, match="end date is before"):
        catalogue.full_clean()


ROLES = ["visitor", "vendor", "officer", "org_admin", "staff"]


@pytest.mark.parametrize("role,expected", list(zip(ROLES, ["login", 403, 200, 200, 200],
                                              strict=True)))
def test_members_only_document_matrix_over_http(client, catalogue, people, as_user, role,
                                                expected):
    """DESIGN §7 'read members-only content': a vendor sees it only once registered for a
    meeting (events issue), so here the vendor is refused."""
    private = attach(catalogue, "members")
    response = as_user(people[role]).get(private.url)
    if expected == "login":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_public_catalogue_matrix_over_http(client, catalogue, people, as_user, role):
    client = as_user(people[role])
    assert client.get("/en/catalogue/").status_code == 200
    assert client.get("/en/catalogue/daegu-data-hub/").status_code == 200


def test_images_show_with_their_text_alternative_and_caption(client, catalogue):
    image = Image.objects.create(title="Hub dashboard", file=get_test_image_file(),
                                 description="The hub's dashboard on a wall screen")
    CaseStudyImage.objects.create(page=catalogue, image=image, caption="Control room, 2024")
    response = client.get("/catalogue/daegu-data-hub/")
    assert 'alt="The hub&#x27;s dashboard on a wall screen"' in response.text
    assert "<figcaption>Control room, 2024</figcaption>" in response.text


def test_replication_counts_show_on_the_catalogue_and_the_city_page(client, catalogue):
    lights = "Daegu smart street lights"
    cards = client.get("/en/catalogue/?city=daegu").context["catalogue"].page
    counts = {case.title: case.adoption_count for case in cards}
    assert counts[lights] == 2  # Busan and Peoria, whichever language version they adopted
    assert "replicated by 2 cities" in client.get("/en/members/daegu/").text
