"""What crawlers and feed readers see: the sitemap, robots.txt, the case-study feed and each
page's language alternates and Open Graph tags. Nothing members-only is listed."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from solutions_catalog.models import CaseStudyPage
from tests.factories import MeetingFactory, OpportunityFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def _locations(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return {loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}


def test_the_sitemap_lists_public_things_in_both_languages_and_nothing_private(
        catalogue, client):
    english = CaseStudyPage.objects.get(translation_key=catalogue.translation_key,
                                        locale__language_code="en")
    hidden = CaseStudyPage.objects.live().exclude(pk__in=[catalogue.pk, english.pk]).first()
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    public_call = OpportunityFactory(slug="public-call")
    OpportunityFactory(slug="members-call", audience="members")
    MeetingFactory(slug="open-webinar", audience="public")
    MeetingFactory(slug="members-meeting", audience="members")
    locations = _locations(client)
    paths = {loc.split("testserver", 1)[1] for loc in locations}
    assert catalogue.get_url() in paths and english.get_url() in paths
    assert english.get_url().startswith("/en/")
    assert hidden.get_url() not in paths
    assert {"/meetings/", "/en/meetings/", "/funding/", "/en/funding/"} <= paths
    assert {public_call.get_absolute_url(), "/meetings/open-webinar/",
            "/en/meetings/open-webinar/"} <= paths
    assert not any("members-call" in p or "members-meeting" in p or "/admin" in p
                   for p in paths)


def test_robots_txt_keeps_crawlers_out_of_private_corners_and_names_the_sitemap(client, db):
    body = client.get("/robots.txt").content.decode()
    for path in ("/admin/", "/accounts/", "/funding/bids/", "/search/"):
        assert f"Disallow: {path}" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_the_feed_has_the_newest_public_case_studies_in_each_language(catalogue, client):
    catalogue.summary = "<b>Bold</b> claims & a hub"
    catalogue.save_revision().publish()
    CaseStudyPage.objects.filter(pk=catalogue.pk).update(first_published_at=timezone.now())
    feed = ET.fromstring(client.get("/case-studies.atom").content)
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 20
    newest = entries[0]
    assert newest.findtext(f"{ATOM}title") == catalogue.title
    # carried as HTML, escaped once more: a reader shows the text as written
    assert newest.findtext(f"{ATOM}summary") == "&lt;b&gt;Bold&lt;/b&gt; claims &amp; a hub"
    english = ET.fromstring(client.get("/en/case-studies.atom").content)
    assert all("/en/" in e.find(f"{ATOM}link").get("href")
               for e in english.findall(f"{ATOM}entry"))


@pytest.mark.parametrize("path", ["/meetings/", "/en/funding/"])
def test_pages_name_their_other_language_and_describe_themselves(path, client, db):
    html = client.get(path).content.decode()
    assert '<link rel="alternate" hreflang="ko" href="http://testserver/' in html
    assert 'hreflang="en" href="http://testserver/en/' in html
    assert '<meta property="og:site_name"' in html and 'rel="icon"' in html


def test_a_case_study_points_at_its_translation(catalogue, client):
    english = CaseStudyPage.objects.get(translation_key=catalogue.translation_key,
                                        locale__language_code="en")
    html = client.get(catalogue.get_url()).content.decode()
    assert f'hreflang="en" href="http://testserver{english.get_url()}"' in html
    assert f'<meta property="og:title" content="{catalogue.title}">' in html
