"""The page cache for anonymous visitors (common.pagecache): the second visitor of a page gets
it without a query; signed-in people never get a cached page; publishing forgets; nothing
private or personal is stored into a visitor's answer."""

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from common.pagecache import HIT_HEADER
from portal import demo
from portal.models import StandardPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def about(demo_site) -> StandardPage:
    home_ko, home_en = (Page.objects.get(slug=s, depth=2).specific
                        for s in ("home", "home-en"))
    demo.seed_site_pages(home_ko, home_en)
    return StandardPage.objects.get(slug="about", locale__language_code="en")


def test_the_second_visitor_gets_the_page_from_the_cache_without_a_query(
        about, django_assert_num_queries):
    first = Client().get("/en/about/")
    assert first.status_code == 200 and first[HIT_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = Client().get("/en/about/")
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]
    # The security headers and the CSP are written afresh on the cached answer.
    assert second["Content-Security-Policy"] and second["X-Frame-Options"] == "DENY"


def test_the_key_holds_language_path_and_query_string(about):
    Client().get("/en/about/")
    assert Client().get("/en/about/?utm=x")[HIT_HEADER] == "miss"
    korean = Client().get("/about/")
    assert korean.status_code == 200 and korean[HIT_HEADER] == "miss"
    assert '<html lang="ko">' in korean.text


def test_a_signed_in_person_never_gets_or_leaves_a_cached_page(about, as_user):
    Client().get("/en/about/")  # a visitor's copy is in the cache
    person = UserFactory()
    signed_in = as_user(person)
    response = signed_in.get("/en/about/")
    assert HIT_HEADER not in response
    assert person.email not in Client().get("/en/about/").text
    # What a signed-in person is shown is never stored for visitors either.
    signed_in.get("/en/about/?theirs=1")
    assert Client().get("/en/about/?theirs=1")[HIT_HEADER] == "miss"


def test_publishing_a_page_forgets_it(about, on_commit):
    assert "seven regional" in Client().get("/en/about/").text
    about.body = [("paragraph", "<p>Eight regional offices now.</p>")]
    with on_commit():
        about.save_revision().publish()
    response = Client().get("/en/about/")
    assert response[HIT_HEADER] == "miss"
    assert "Eight regional offices" in response.text


def test_unpublishing_a_page_forgets_it(about, on_commit):
    assert Client().get("/en/about/").status_code == 200
    with on_commit():
        about.unpublish()
    assert Client().get("/en/about/").status_code == 404


def test_a_private_page_is_never_cached_into_a_public_answer(about, as_user, on_commit):
    Client().get("/en/about/")  # cached while it was public
    with on_commit():
        PageViewRestriction.objects.create(page=about,
                                           restriction_type=PageViewRestriction.LOGIN)
    member = as_user(UserFactory())
    assert member.get("/en/about/").status_code == 200
    anonymous = Client().get("/en/about/")
    assert anonymous.status_code == 302 and HIT_HEADER not in anonymous
    assert "seven regional" not in anonymous.text


def test_a_page_with_the_csrf_token_is_not_cached(demo_site):
    # The sign-in form carries a CSRF token tied to this visitor's cookie.
    first = Client().get("/en/accounts/login/")
    assert first.status_code == 200 and HIT_HEADER not in first
    assert HIT_HEADER not in Client().get("/en/accounts/login/")


def test_a_change_that_visitors_never_see_keeps_the_cache(about, on_commit):
    person = UserFactory()
    Client().get("/en/about/")
    with on_commit():
        person.save(update_fields=["last_login"])
    assert Client().get("/en/about/")[HIT_HEADER] == "hit"


def test_a_visitor_with_a_session_is_served_afresh(about):
    Client().get("/en/about/")
    visitor = Client()
    visitor.cookies["sessionid"] = "whatever"
    assert HIT_HEADER not in visitor.get("/en/about/")
