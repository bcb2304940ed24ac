"""News and the standard pages, as the demo seeds them: in both languages, newest first,
in the footer, in a feed and in search."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from portal import demo
from portal.models import NewsArticlePage, StandardPage

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site_pages(demo_site):
    home_ko, home_en = (Page.objects.get(slug=s, depth=2).specific
                        for s in ("home", "home-en"))
    demo.seed_site_pages(home_ko, home_en)


def test_news_lists_articles_newest_first_in_each_language(site_pages, client):
    html = client.get("/news/").content.decode()
    titles = [a.title for a in NewsArticlePage.objects.filter(locale__language_code="ko")
              .order_by("-date")]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    english = client.get("/en/news/").content.decode()
    assert "Five themes, one meeting a month" in english and titles[0] not in english


def test_the_news_feed_carries_the_articles_of_the_reader_s_language(site_pages, client):
    feed = ET.fromstring(client.get("/en/news.atom").content)
    newest = feed.find(f"{ATOM}entry")
    assert newest.findtext(f"{ATOM}title") == "Five themes, one meeting a month"


def test_standard_pages_are_in_the_footer_of_every_page(site_pages, client):
    html = client.get("/en/meetings/").content.decode()
    footer = html[html.index('<footer'):]
    for page in StandardPage.objects.filter(locale__language_code="en"):
        assert f'href="{page.get_url()}"' in footer
    assert 'href="/en/news/"' in footer
    about = client.get("/en/about/")
    assert about.status_code == 200 and "seven regional" in about.content.decode()


def test_a_page_left_out_of_menus_leaves_the_footer(site_pages, client):
    privacy = StandardPage.objects.get(slug="privacy", locale__language_code="ko")
    privacy.show_in_menus = False
    privacy.save_revision().publish()
    assert f'href="{privacy.get_url()}"' not in client.get("/meetings/").content.decode()


def test_news_is_found_by_search(site_pages, search_engine):
    from tests.support.search import find, titles

    search_engine.rebuild()
    assert "Daegu's data hub travels to Bucheon and Suwon" in titles(
        find(search_engine, "data hub travels", language="en"))
