"""The catalogue's listing controls as a reader uses them: chips that each remove one filter,
a selected option that stays (with its 0) when the other filters leave it nothing, a keyword,
a sort order; bad input gets a message and the listing, never an error page."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from solutions_catalog.models import Adoption, CaseStudyPage

pytestmark = pytest.mark.django_db
ISSUE_EXAMPLE = {"theme": ["mobility", "cybersecurity"], "funding": "public-private"}


def cards(response) -> list[str]:
    return [case.title for case in response.context["catalogue"].page]


def option(response, facet, value):
    return next((o for o in response.context["catalogue"].facets[facet] if o.value == value),
                None)


def chip_links(response) -> dict[str, dict]:
    """Chip text → the query its link leads to."""
    found = re.findall(r'<a href="([^"]+)" class="chip">([^<]+?) <span', response.text)
    return {unescape(text): parse_qs(urlsplit(unescape(href)).query) for href, text in found}


def test_a_selected_option_stays_checked_with_its_zero(client, catalogue):
    # The issue's example: Cybersecurity had no public–private mobility case study and vanished
    response = client.get("/en/catalogue/", ISSUE_EXAMPLE)
    cyber = option(response, "theme", "cybersecurity")
    assert cyber is not None and cyber.selected
    assert cyber.label == "Cybersecurity"
    assert 'value="cybersecurity" checked' in response.text
    korean = client.get("/catalogue/", ISSUE_EXAMPLE)
    assert option(korean, "theme", "cybersecurity").label == "사이버보안"
    assert option(korean, "funding", "public-private").selected


def test_each_chip_removes_only_its_own_value(client, catalogue):
    response = client.get("/en/catalogue/", {**ISSUE_EXAMPLE, "q": "data", "page": "1"})
    chips = chip_links(response)
    assert set(chips) == {"Keyword: data", "Theme: Mobility", "Theme: Cybersecurity",
                          "Funding model: Public–private"}
    assert chips["Theme: Cybersecurity"] == {"theme": ["mobility"], "funding": ["public-private"],
                                             "q": ["data"]}
    assert chips["Keyword: data"] == {"theme": ["mobility", "cybersecurity"],
                                      "funding": ["public-private"]}
    assert 'class="chip clear">Clear all</a>' in response.text
    # following a chip's link leaves the other filters applied
    href = re.search(r'<a href="([^"]+)" class="chip">Theme: Cybersecurity', response.text)
    after = client.get("/en/catalogue/" + unescape(href.group(1)))
    assert set(chip_links(after)) == {"Keyword: data", "Theme: Mobility",
                                      "Funding model: Public–private"}


def test_keyword_finds_case_studies_by_title_summary_or_city(client, catalogue):
    found = cards(client.get("/en/catalogue/", {"q": "daegu street"}))
    assert "Daegu smart street lights" in found
    assert all("Daegu" in title or "street" in title.lower()
               or CaseStudyPage.objects.get(title=title).city.slug == "daegu"
               for title in found)
    korean = cards(client.get("/catalogue/", {"q": "대구"}))
    assert {"대구 스마트 가로등", "대구 스마트시티 데이터 허브"} <= set(korean)
    # facet counts follow the keyword
    response = client.get("/en/catalogue/", {"q": "daegu"})
    counts = sum(o.count for o in response.context["catalogue"].facets["city"])
    assert counts == response.context["catalogue"].page.paginator.count


def test_sort_by_most_replicated_and_by_relevance(client, catalogue):
    replicated = client.get("/en/catalogue/", {"sort": "replicated"}).context["catalogue"].page
    counts = [case.adoption_count for case in replicated if not case.other_language]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    assert Adoption.objects.exists()
    relevant = cards(client.get("/en/catalogue/", {"q": "street lights"}))
    in_title = [("street" in t.lower()) + ("lights" in t.lower()) for t in relevant]
    assert in_title == sorted(in_title, reverse=True)  # titles with more of the words first
    assert "Daegu smart street lights" in relevant[:in_title.count(2)]
    page = client.get("/en/catalogue/", {"q": "lights"}).text
    assert '<option value="relevance" selected>' in page
    assert 'value="relevance"' not in client.get("/en/catalogue/").text  # no keyword, no relevance


@pytest.mark.parametrize("params,message", [
    ({"sort": "sideways"}, "Unknown sort order; the listing is in its usual order (Newest)."),
    ({"theme": "<script>"}, "Ignored an unknown value in the “Theme” filter."),
    ({"theme": "no-such-theme"}, "Ignored an unknown value in the “Theme” filter."),
    ({"country": "XX"}, "Ignored an unknown value in the “Country” filter."),
    ({"q": "street " * 1500}, "Search text is limited to 200 characters"),
])
def test_bad_input_gets_a_message_and_the_listing(client, catalogue, params, message):
    response = client.get("/en/catalogue/", params)
    assert response.status_code == 200
    assert message in response.text
    assert "<script>" not in response.text
    assert cards(response)  # the listing is shown


def test_a_ten_thousand_character_keyword_is_cut_and_kept_short_in_links(client, catalogue):
    response = client.get("/en/catalogue/", {"q": "x" * 10_000, "theme": "mobility"})
    assert response.status_code == 200
    assert "Search text is limited to 200 characters" in response.text
    assert response.context["catalogue"].asked.keyword == "x" * 200
    panel = response.text.split('class="facets"', 1)[1]  # the panel and the results
    assert f'value="{"x" * 200}"' in panel and "x" * 201 not in panel
    assert "No case study matches these filters." in response.text


def test_unknown_sort_in_korean(client, catalogue):
    response = client.get("/catalogue/", {"sort": "옆으로"})
    assert response.status_code == 200
    assert "알 수 없는 정렬 순서" in response.text


def test_filtered_catalogue_queries_stay_bounded(client, catalogue, django_assert_max_num_queries):
    """A selected option with no match costs one query to name it, whatever the page."""
    client.get("/en/catalogue/")  # the footer's pages, cached afterwards
    with django_assert_max_num_queries(24) as plain:
        client.get("/en/catalogue/", {"q": "smart", "sort": "replicated"})
    with django_assert_max_num_queries(len(plain.captured_queries) + 2):
        client.get("/en/catalogue/", {**ISSUE_EXAMPLE, "q": "smart", "sort": "replicated"})
