"""Funding opportunities as people meet them, and starting a bid from one."""

import datetime

import pytest
from django.utils import timezone

from funding.models import Bid, BidActivity
from tests.factories import OpportunityFactory


@pytest.fixture
def opportunities(db):
    return {
        "open": OpportunityFactory(slug="smart-challenge", programme_en="Smart City Challenge"),
        "members": OpportunityFactory(slug="sandbox", programme_en="Data Sandbox Fund",
                                      audience="members"),
        "closed": OpportunityFactory(slug="old-call", programme_en="Old Call", status="closed",
                                     deadline=timezone.now() - datetime.timedelta(days=3)),
    }


def test_members_only_opportunities_are_hidden_from_visitors_and_vendors(
        opportunities, network, as_user, demo_site):
    for user, sees in ((None, False), (network.vendor, False), (network.officer, True),
                       (network.staff, True)):
        client = as_user(user)
        listing = client.get("/en/funding/").content.decode()
        assert "Smart City Challenge" in listing
        assert ("Data Sandbox Fund" in listing) is sees
        assert client.get("/en/funding/sandbox/").status_code == (200 if sees else 404)
        home = client.get("/en/").content.decode()
        assert "Smart City Challenge" in home and ("Data Sandbox Fund" in home) is sees
        assert "Old Call" not in home  # past deadlines leave the home page


def test_the_list_filters_with_counts_and_keeps_its_query_count(
        opportunities, client, django_assert_max_num_queries):
    for n in range(20):
        OpportunityFactory(funder_type="foundation" if n % 2 else "national")
    with django_assert_max_num_queries(12):
        response = client.get("/en/funding/", {"funder": "foundation"})
    html = response.content.decode()
    assert response.status_code == 200 and "/funding/smart-challenge/" not in html
    assert html.count("<li class=\"card\">") == 10
    response = client.get("/en/funding/", {"funder": "<script>"})
    assert "Ignored an unknown value in the “Funder type” filter" in response.content.decode()


def test_an_officer_starts_a_bid_for_their_city(opportunities, network, as_user):
    client = as_user(network.officer)
    response = client.post("/en/funding/smart-challenge/bid/", {
        "title": "Daegu data hub for three cities", "lead": network.daegu.pk,
        "requested_amount": "900000000", "summary": "Scale the hub."})
    bid = Bid.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/bids/{bid.pk}/")
    assert (bid.lead, bid.status, bid.created_by) == (network.daegu, "idea", network.officer)
    assert BidActivity.objects.filter(bid=bid, kind="created").exists()


@pytest.mark.parametrize(("slug", "data", "message"), [
    ("smart-challenge", {"requested_amount": "5000000000"}, "above this programme"),
    ("smart-challenge", {"requested_amount": "-1"}, "cannot be negative"),
    ("smart-challenge", {"title": ""}, "This field is required"),
    ("old-call", {}, "closed to new bids"),
])
def test_bad_bids_are_refused_with_a_reason(opportunities, network, as_user, slug, data,
                                            message):
    form = {"title": "A bid", "lead": network.daegu.pk, "requested_amount": "1000", **data}
    response = as_user(network.officer).post(f"/en/funding/{slug}/bid/", form)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Bid.objects.exists()


def test_vendors_join_bids_but_do_not_lead_them(opportunities, network, as_user):
    client = as_user(network.vendor)
    assert client.get("/en/funding/smart-challenge/bid/").status_code == 403
    response = as_user(network.officer).post("/en/funding/smart-challenge/bid/", {
        "title": "Bid", "lead": network.hanbit.pk})
    assert response.status_code == 400  # not one of the officer's organisations
    assert not Bid.objects.exists()
