"""A theme hub gathers what the network has on its theme, in the page's language, and
nothing members-only for visitors."""

import pytest

from funding.models import OpportunityStatus
from portal import demo
from portal.models import ThemeHubPage
from solutions_catalog.models import CaseStudyPage, Theme
from tests.factories import MeetingFactory, OpportunityFactory


@pytest.fixture
def hubs(catalogue):
    from wagtail.models import Page

    home_ko, home_en = (Page.objects.get(slug=s, depth=2).specific
                        for s in ("home", "home-en"))
    demo.seed_theme_hubs(home_ko, home_en)
    return ThemeHubPage.objects


def test_a_hub_shows_its_theme_s_case_studies_meetings_funding_and_organisations(
        hubs, client, django_assert_max_num_queries):
    mobility = Theme.objects.get(slug="mobility")
    meeting = MeetingFactory(theme=mobility, title_ko="모빌리티 정기 회의")
    call = OpportunityFactory(programme_ko="스마트 모빌리티 챌린지", status=OpportunityStatus.OPEN)
    call.themes.add(mobility)
    secret = OpportunityFactory(programme_ko="회원 전용 모빌리티 기금", audience="members")
    secret.themes.add(mobility)
    hub = hubs.get(theme=mobility, locale__language_code="ko")
    # Wagtail's routing and view restrictions (9), the lists (11), the translations (2), the
    # footer's pages (cached afterwards)
    with django_assert_max_num_queries(25):
        response = client.get(hub.get_url())
    html = response.content.decode()
    on_theme = CaseStudyPage.objects.live().filter(themes=mobility, locale=hub.locale)
    off_theme = CaseStudyPage.objects.live().exclude(themes=mobility).filter(locale=hub.locale)
    assert on_theme.exists() and off_theme.exists()
    assert on_theme.order_by("-first_published_at").first().title in html
    assert not any(page.title in html for page in off_theme)
    assert meeting.title_ko in html and "스마트 모빌리티 챌린지" in html
    assert "회원 전용 모빌리티 기금" not in html  # members-only: not for a visitor
    assert on_theme.first().city.name_ko in html


def test_each_language_has_its_hub_and_the_home_page_links_them(hubs, client):
    english = hubs.get(theme__slug="resilience", locale__language_code="en")
    html = client.get(english.get_url()).content.decode()
    assert english.get_url().startswith("/en/") and "Resilience" in html
    assert 'hreflang="ko" href="http://testserver/resilience/"' in html
    home = client.get("/en/").content.decode()
    assert f'href="{english.get_url()}"' in home
