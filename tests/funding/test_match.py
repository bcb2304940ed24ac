"""A bid's match: the lead records its own share and the partners' public, private and
in-kind commitments; the bid page totals them per currency and warns when they fall short
of the share of the request the programme requires."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from funding import services
from funding.models import BidPartner, LeadShare
from indicators.models import Indicator
from tests.factories import OrganisationFactory

D = Decimal


def _page(client, bid, language="en") -> str:
    prefix = "" if language == "ko" else f"/{language}"  # Korean is the unprefixed default
    response = client.get(f"{prefix}/funding/bids/{bid.pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def short_bid(team):
    """30 % required of ₩100,000,000; 18 % committed: the lead's ₩10,000,000 in public
    funds, Bucheon's ₩5,000,000 public and ₩3,000,000 in kind; Hanbit's $2,000 in kind
    counts apart."""
    bid = team.bid
    bid.opportunity.match_percent = 30
    bid.opportunity.save()
    bid.requested_amount = D(100_000_000)
    bid.save()
    lead = team.people["lead admin"]
    services.save_lead_share(bid, lead, services.Pledge(match_public=D(10_000_000)))
    services.save_partner(bid, lead, bid.partners.get(organisation__slug="bucheon").organisation,
                          pledge=services.Pledge(match_public=D(5_000_000),
                                                 match_in_kind=D(3_000_000)))
    services.save_partner(bid, lead, bid.partners.get(organisation__slug="hanbit").organisation,
                          role="technology",
                          pledge=services.Pledge(match_in_kind=D(2_000), match_currency="USD"))
    return team


def test_a_bid_short_of_its_match_shows_the_warning(short_bid, as_user):
    page = _page(as_user(short_bid.people["partner city"]), short_bid.bid)
    assert "Committed match 18 % of the required 30 %: short by ₩12,000,000." in page
    assert "Total in KRW" in page and "₩18,000,000" in page
    assert "Total in USD" in page and "$2,000" in page
    assert "do not count towards the requirement in KRW" in page
    korean = _page(as_user(short_bid.people["lead officer"]), short_bid.bid, "ko")
    assert "약정 매칭이 요구 비율 30 % 중 18 %로, ₩12,000,000 부족합니다." in korean


def test_a_match_that_meets_the_requirement_says_so(short_bid, as_user):
    services.save_lead_share(short_bid.bid, short_bid.people["staff"],
                             services.Pledge(match_public=D(12_000_000),
                                             match_private=D(10_000_000)))
    page = _page(as_user(short_bid.people["lead officer"]), short_bid.bid)
    assert "Committed match 30 % meets the required 30 %." in page  # 22 + 8 of 100 million
    assert "short by" not in page


def test_without_a_requested_amount_the_page_asks_for_one(short_bid, as_user):
    short_bid.bid.requested_amount = None
    short_bid.bid.save()
    page = _page(as_user(short_bid.people["lead officer"]), short_bid.bid)
    assert "state the amount requested to weigh the match" in page
    assert "short by" not in page


def test_the_lead_records_its_share_through_the_page(team, as_user):
    client = as_user(team.people["lead officer"])
    response = client.post(f"/en/funding/bids/{team.bid.pk}/lead-share/", {
        "lead-match_public": "40000000", "lead-match_private": "0",
        "lead-match_in_kind": "5000000", "lead-match_currency": ""}, follow=True)
    assert "The lead organisation&#x27;s share is recorded." in response.content.decode()
    share = LeadShare.objects.get(bid=team.bid)
    assert (share.match_public, share.match_in_kind, share.currency_in(team.bid)) == (
        D(40_000_000), D(5_000_000), "KRW")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("lead-match_public", "-1", "Committed match, public: An amount cannot be negative."),
    ("lead-match_in_kind", "lots", "Committed match, in kind: Enter a number."),
    ("lead-match_currency", "XXX", "Currency of the match: Select a valid choice."),
])
def test_bad_amounts_are_refused_at_their_field_and_nothing_changes(team, as_user, field,
                                                                    value, message):
    data = {"lead-match_public": "1", "lead-match_private": "0", "lead-match_in_kind": "0",
            "lead-match_currency": "", field: value}
    response = as_user(team.people["lead officer"]).post(
        f"/en/funding/bids/{team.bid.pk}/lead-share/", data, follow=True)
    assert message in response.content.decode()
    assert not LeadShare.objects.exists()


def test_a_partner_commitment_refused_at_its_field_changes_nothing(team, as_user):
    before = list(BidPartner.objects.values_list("organisation_id", "match_public"))
    response = as_user(team.people["lead officer"]).post(
        f"/en/funding/bids/{team.bid.pk}/partners/", {
            "partner-organisation": team.bid.partners.first().organisation_id,
            "partner-role": "co_applicant", "partner-match_public": "-5",
            "partner-match_private": "0", "partner-match_in_kind": "0"}, follow=True)
    assert "Committed match, public: An amount cannot be negative." in response.content.decode()
    assert list(BidPartner.objects.values_list("organisation_id", "match_public")) == before


def test_only_the_lead_and_staff_record_the_match(team, as_user):
    url = f"/en/funding/bids/{team.bid.pk}/lead-share/"
    data = {"lead-match_public": "1", "lead-match_private": "0", "lead-match_in_kind": "0"}
    partner = as_user(team.people["partner city"]).post(url, data, follow=True)
    assert "Only the lead organisation records the team" in partner.content.decode()
    assert as_user(team.people["outside city"]).post(url, data).status_code == 404
    assert not LeadShare.objects.exists()
    with pytest.raises(ValidationError, match="closed"):
        team.bid.status = "withdrawn"
        services.save_lead_share(team.bid, team.people["staff"], services.Pledge())
    assert not LeadShare.objects.exists()


def test_a_required_match_above_100_percent_is_refused_at_the_field(team):
    opportunity = team.bid.opportunity
    opportunity.match_percent = 120
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            opportunity.full_clean()
        assert refused.value.message_dict["match_percent"] == ["A match cannot exceed 100 %."]
    opportunity.refresh_from_db()
    assert opportunity.match_percent == 0


def test_the_bid_page_runs_the_same_queries_whatever_the_team(
        short_bid, as_user, django_assert_max_num_queries):
    client = as_user(short_bid.people["lead officer"])
    _page(client, short_bid.bid)  # warm the caches
    with django_assert_max_num_queries(40) as before:
        _page(client, short_bid.bid)
    for n in range(4):
        services.save_partner(short_bid.bid, short_bid.people["staff"],
                              OrganisationFactory(slug=f"city-{n}"),
                              pledge=services.Pledge(match_private=D(n)))
    with django_assert_max_num_queries(len(before.captured_queries)):
        _page(client, short_bid.bid)


def test_the_team_links_the_indicators_the_bid_rests_on(team, as_user):
    lighting, = Indicator.objects.filter(code="ISO37120:7.6")
    url = f"/en/funding/bids/{team.bid.pk}/evidence/"
    assert as_user(team.people["outside city"]).post(
        url, {"evidence-indicators": [lighting.pk]}).status_code == 404
    refused = as_user(team.people["partner city"]).post(
        url, {"evidence-indicators": [lighting.pk, 999_999]}, follow=True)
    assert "Indicators it rests on: Select a valid choice." in refused.content.decode()
    assert not team.bid.indicators.exists()
    page = as_user(team.people["partner city"]).post(
        url, {"evidence-indicators": [lighting.pk]}, follow=True).content.decode()
    assert "The evidence the bid rests on is saved." in page
    assert f"ISO37120:7.6 · {lighting.name_en}" in page
    assert list(team.bid.indicators.all()) == [lighting]
