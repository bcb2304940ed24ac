"""The header's language links lead to the same place in the other language, from every kind
of page; a page with no version there leads to its nearest translated parent, with a notice;
a signed-in person's choice becomes their preferred language."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page

from events.models import Meeting
from funding.models import FundingOpportunity
from members.models import User
from solutions_catalog.models import Challenge, VendorOffering

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_demo(django_db_setup, django_db_blocker):
    """Everything ``seed_demo`` makes, once for the module, rolled back at its end."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", allow_production=True, stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_seeded_demo, db):
    return None


def places() -> list[tuple[str, str]]:
    """(Korean path, English path) of one page of every kind; listings with a query."""
    meeting = Meeting.objects.upcoming().first().slug
    opportunity = FundingOpportunity.objects.first().slug
    challenge = Challenge.objects.first().slug
    offering = VendorOffering.objects.first().slug
    article = Page.objects.get(slug="five-themes", locale__language_code="ko").slug
    korean = [
        "/", "/mobility/", "/catalogue/?city=daegu&theme=mobility",
        "/catalogue/daegu-smart-street-lights/", "/news/", f"/news/{article}/", "/about/",
        "/resources/", "/meetings/", f"/meetings/{meeting}/", "/meetings/past/", "/funding/",
        f"/funding/{opportunity}/", "/funding/dashboard/", "/members/?q=%EB%8C%80%EA%B5%AC",
        "/members/daegu/", "/challenges/", f"/challenges/{challenge}/", "/offerings/",
        f"/offerings/{offering}/", "/dashboard/", "/search/?q=%EC%8A%A4%EB%A7%88%ED%8A%B8",
        "/members/me/", "/accounts/email/",
    ]
    return [(path, f"/en{path}") for path in korean]


def switch_link(html: str, language: str) -> str:
    found = re.search(rf'<a href="([^"]+)" hreflang="{language}" lang="{language}">', html)
    assert found, f"no link to {language} in the header"
    return found.group(1).replace("&amp;", "&")


def switched(client, path: str, language: str):
    page = client.get(path)
    assert page.status_code == 200, path
    return client.get(switch_link(page.text, language), follow=True)


def test_every_page_kind_switches_to_the_same_place_both_ways(demo, client):
    officer = User.objects.get(email="officer.daegu@demo.example")
    client.force_login(officer)
    for korean, english in places():
        landed = switched(client, korean, "en")
        assert landed.request["PATH_INFO"] + _query(landed) == english, korean
        assert landed.status_code == 200 and '<html lang="en">' in landed.text
        landed = switched(client, english, "ko")
        assert landed.request["PATH_INFO"] + _query(landed) == korean, english
        assert landed.status_code == 200 and '<html lang="ko">' in landed.text


def _query(response) -> str:
    query = response.request.get("QUERY_STRING", "")
    return f"?{query}" if query else ""


def test_the_sign_in_page_switches_for_a_visitor(demo, client):
    landed = switched(client, "/en/accounts/login/?next=/en/dashboard/", "ko")
    assert landed.redirect_chain[-1][0] == "/accounts/login/?next=/en/dashboard/"


def test_a_page_without_that_language_leads_to_its_translated_parent_with_a_notice(demo, client):
    english = Page.objects.get(slug="five-themes", locale__language_code="en").specific
    english.unpublish()
    landed = switched(client, "/news/five-themes/", "en")
    assert landed.redirect_chain[-1][0] == "/en/news/"
    assert "no version in this language yet" in landed.text  # the notice, in English

    Page.objects.get(slug="five-themes", locale__language_code="ko").unpublish()
    english.save_revision().publish()
    landed = switched(client, "/en/news/five-themes/", "ko")
    assert landed.redirect_chain[-1][0] == "/news/"
    assert "이 언어로 된 판이 아직 없어" in landed.text


def test_the_choice_becomes_the_signed_in_persons_preferred_language(demo, client):
    officer = User.objects.get(email="officer.daegu@demo.example")
    officer.preferred_language = "ko"
    officer.save()
    client.force_login(officer)
    switched(client, "/meetings/", "en")
    officer.refresh_from_db()
    assert officer.preferred_language == "en"
    assert officer.wagtail_userprofile.preferred_language == "en"  # the admin speaks it too


def test_a_personal_calendar_speaks_its_owners_language(demo, client):
    from events.models import CalendarFeed

    officer = User.objects.get(email="officer.daegu@demo.example")
    officer.preferred_language = "en"
    officer.save()
    feed, _created = CalendarFeed.objects.get_or_create(user=officer)
    ics = client.get(f"/meetings/calendar/mine/{feed.token}.ics").content.decode()
    assert "My meetings" in ics


@pytest.mark.parametrize("next_url", ["https://elsewhere.example/", "//elsewhere.example/", ""])
def test_a_link_elsewhere_or_none_leads_home(demo, client, next_url):
    response = client.get(f"/language/en/?next={next_url}")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_an_unknown_language_is_not_found(demo, client):
    assert client.get("/language/xx/?next=/").status_code == 404
