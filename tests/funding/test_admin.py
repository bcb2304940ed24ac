"""Funding in the Wagtail admin: staff manage opportunities on the funder's clock; bids are
listed to staff only, and no chooser lets a city officer (who has the admin) find them."""

import datetime

import pytest

from funding.models import FundingOpportunity
from tests.factories import BidFactory

OPPORTUNITY = {
    "slug": "smart-grants-2027", "programme_ko": "SMART 보조금", "programme_en": "SMART Grants",
    "funder_ko": "미국 교통부", "funder_en": "US Department of Transportation",
    "funder_type": "national", "description_ko": "", "description_en": "",
    "eligibility_ko": "", "eligibility_en": "", "currency": "USD", "total_award": "100000000",
    "max_award": "2000000", "match_percent": "20", "opens_on": "", "decision_on": "",
    "deadline": "2027-03-15 23:59", "time_zone": "America/New_York", "status": "open",
    "audience": "public", "url": "",
}


def test_staff_type_the_deadline_on_the_funder_s_clock(network, as_user):
    network.staff.time_zone = "Asia/Seoul"  # typing from Seoul
    network.staff.save()
    response = as_user(network.staff).post("/admin/funding/opportunities/new/", OPPORTUNITY)
    assert response.status_code == 302, response.content.decode()[:2000]
    opportunity = FundingOpportunity.objects.get()
    # 23:59 in New York on 15 March 2027 (daylight time has begun) is 03:59 UTC on the 16th.
    assert opportunity.deadline == datetime.datetime(2027, 3, 16, 3, 59, tzinfo=datetime.UTC)
    edit = as_user(network.staff).get(f"/admin/funding/opportunities/edit/{opportunity.pk}/")
    assert "2027-03-15 23:59" in edit.content.decode()


@pytest.mark.parametrize(("changes", "message"), [
    ({"time_zone": "Nowhere/Zone", "opens_on": "2027-01-01"}, "Nowhere/Zone"),
    ({"max_award": "200000000"}, "총 지원 규모를 넘을 수 없습니다"),
    ({"match_percent": "120"}, "100"),
])
def test_bad_opportunities_are_refused_in_the_admin(network, as_user, changes, message):
    response = as_user(network.staff).post("/admin/funding/opportunities/new/",
                                           {**OPPORTUNITY, **changes})
    assert response.status_code == 200 and message in response.content.decode()
    assert not FundingOpportunity.objects.exists()


def test_only_staff_list_bids_and_no_chooser_finds_them(network, as_user):
    bid = BidFactory(lead=network.bucheon, title="Bucheon confidential bid")
    staff = as_user(network.staff).get("/admin/funding/bids/")
    assert staff.status_code == 200 and bid.title in staff.content.decode()
    officer = as_user(network.officer)  # a Daegu officer: has the admin, not the bid
    for url in ("/admin/funding/bids/", f"/admin/funding/bids/inspect/{bid.pk}/",
                "/admin/snippets/choose/funding/bid/",
                "/admin/snippets/choose/funding/bid/results/?q=confidential",
                f"/admin/snippets/choose/funding/bid/chosen/{bid.pk}/"):
        response = officer.get(url)
        assert response.status_code in (302, 403, 404), url
        assert bid.title not in response.content.decode()
