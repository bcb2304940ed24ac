"""Every listing reads a keyword, a sort order and its filters the same way: what it cannot
use is named in a message and the listing is shown anyway, never an error page; a keyword
and a sort add no query per row."""

import pytest

from solutions_catalog.models import Challenge, PricingModel, Theme, VendorOffering

pytestmark = pytest.mark.django_db
LISTINGS = [("/en/offerings/", {}), ("/en/challenges/", {}), ("/en/members/", {}),
            ("/en/meetings/", {}), ("/en/meetings/", {"view": "month"}), ("/en/funding/", {})]
BAD_INPUT = {"sort": "sideways", "theme": ["no-such-theme", "<script>"], "q": "x" * 10_000}
MESSAGES = ["Unknown sort order; the listing is in its usual order",
            "Ignored an unknown value in the “",  # “Theme”, “Focus theme”
            "Search text is limited to 200 characters; the rest was left out."]


@pytest.mark.parametrize("url,view", LISTINGS)
def test_bad_input_gets_a_message_each_and_the_listing(client, network, url, view):
    response = client.get(url, {**view, **BAD_INPUT})
    assert response.status_code == 200
    for message in MESSAGES:
        assert message in response.text
    assert "<script>" not in response.text.split("<main", 1)[1]
    panel = response.text.split('class="facets"', 1)[1]  # the listing with its filters
    assert "x" * 201 not in panel  # its links and box carry the keyword as it was used
    assert "no-such-theme" not in panel


def test_unknown_sort_in_korean(client, network):
    response = client.get("/offerings/", {"sort": "옆으로"})
    assert response.status_code == 200
    assert "알 수 없는 정렬 순서입니다" in response.text


@pytest.fixture
def mobility(network):
    return Theme.objects.create(slug="mobility", name_en="Mobility", name_ko="모빌리티")


def offering(network, slug, name, theme=None):
    made = VendorOffering.objects.create(vendor=network.hanbit, slug=slug, name_en=name,
                                         name_ko=name, summary_en="A platform.",
                                         pricing_model=PricingModel.SUBSCRIPTION)
    if theme:
        made.themes.add(theme)
    return made


def test_offerings_keyword_sort_and_a_chip_per_filter(client, network, mobility):
    offering(network, "bus", "Demand-responsive bus", mobility)
    offering(network, "lights", "Street lights")
    response = client.get("/en/offerings/", {"q": "bus", "theme": "mobility"})
    names = [o.name for o in response.context["offerings"].page]
    assert names == ["Demand-responsive bus"]
    chips = {c.label: c.remove_url for c in response.context["offerings"].chips}
    assert chips["bus"] == "?theme=mobility" and chips["Mobility"] == "?q=bus"
    assert '<option value="relevance" selected>' in response.text
    newest = client.get("/en/offerings/", {"sort": "newest"}).context["offerings"].page
    assert [o.name for o in newest] == ["Street lights", "Demand-responsive bus"]


def test_a_selected_theme_with_no_match_stays_checked(client, network, mobility):
    offering(network, "lights", "Street lights")
    response = client.get("/en/offerings/", {"theme": "mobility"})
    option = next(o for o in response.context["offerings"].facets["theme"])
    assert (option.value, option.label, option.count, option.selected) == (
        "mobility", "Mobility", 0, True)
    assert "Ignored" not in response.text


def test_challenges_keep_closed_when_filters_change(client, network):
    response = client.get("/en/challenges/", {"closed": "1", "q": "flood"})
    assert '<input type="hidden" name="closed" value="1">' in response.text
    assert response.context["challenges"].clear_query == "closed=1"


@pytest.mark.parametrize("url,key,make", [
    ("/en/offerings/", "offerings",
     lambda network, n: offering(network, f"o-{n}", f"Smart offering {n}")),
    ("/en/challenges/", "challenges",
     lambda network, n: Challenge.objects.create(
         city=network.daegu, slug=f"c-{n}", title_en=f"Smart challenge {n}",
         problem_en="p", deadline="2099-01-01")),
])
def test_a_keyword_and_a_sort_add_no_query_per_row(client, network, url, key, make,
                                                   django_assert_max_num_queries):
    make(network, 0)
    client.get(url)  # the footer's pages, cached afterwards
    params = {"q": "smart", "sort": "relevance"}
    with django_assert_max_num_queries(12) as one:
        assert len(client.get(url, params).context[key].page) == 1
    for n in range(1, 8):
        make(network, n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client.get(url, params).context[key].page) == 8

