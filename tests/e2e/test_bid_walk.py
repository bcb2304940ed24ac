"""Must-show walk of the funding issue: Daegu's officer starts a bid for an open
opportunity, brings in Bucheon and a vendor, assigns tasks and takes the bid to submitted;
the partners see it; the award, recorded later, shows on the dashboard."""

import re
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from funding.models import Bid, BidStatus
from members import demo as members_demo
from tests.e2e.test_case_study_walk import sign_in
from tests.factories import OpportunityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "Three-city data hub scale-up"
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@pytest.fixture
def opportunity(demo_site):
    members_demo.seed()
    return OpportunityFactory(slug="smart-city-challenge-2027",
                              programme_en="Smart City Challenge 2027",
                              programme_ko="스마트시티 챌린지 2027", max_award=3_000_000_000)


def _open(page, summary: str):
    page.locator("summary", has_text=summary).click()


def test_start_a_bid_bring_partners_submit_and_see_the_award(
        browser, live_server, opportunity, screenshot):
    page = sign_in(browser, live_server, "officer.daegu@demo.example")
    page.goto("/en/funding/")
    page.get_by_role("link", name="Smart City Challenge 2027").click()
    page.get_by_role("link", name="Start a bid").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Amount requested").fill("2500000000")
    page.get_by_label("Summary").fill("Daegu's data hub, replicated in Bucheon with Hanbit.")
    page.get_by_role("button", name="Start the bid").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.locator("#messages")).to_contain_text("Your bid is started.")

    for organisation, role, match, amount in (
            ("Bucheon", "Co-applicant", "match_public", "400000000"),
            ("Hanbit Telecom", "Technology partner", "match_private", "150000000")):
        _open(page, "Add a partner or update one")
        page.get_by_label("Organisation").select_option(label=organisation)
        page.get_by_label("Role").select_option(label=role)
        page.locator(f"#id_partner-{match}").fill(amount)  # the lead's share has the same labels
        page.get_by_role("button", name="Save partner").click()
        expect(page.locator("#messages")).to_contain_text(f"{organisation} is on the team.")

    for task, owner in (("Collect Bucheon's letter of support", "Choi Min-jun"),
                        ("Write the technical annex", "Han Ji-min")):
        _open(page, "Assign a task")
        page.locator("#id_task-title").fill(task)
        page.get_by_label("Owner").select_option(label=owner)
        page.get_by_label("Due").fill("2027-01-15")
        page.get_by_role("button", name="Add task").click()
        expect(page.locator("ul.tasks > li", has_text=task)).to_be_visible()

    for step in ("Start forming the team", "Start drafting", "Send for internal review",
                 "Mark as submitted"):
        page.get_by_role("button", name=step).click()
        expect(page.locator("#messages")).to_contain_text("The bid is now")
    expect(page.locator(".status")).to_have_text("Submitted")
    screenshot(page, "funding-1-submitted-en")

    bid = Bid.objects.get(title=TITLE)
    for partner in ("admin.bucheon@demo.example", "vendor@demo.example"):
        seen = sign_in(browser, live_server, partner)
        seen.goto("/en/funding/bids/")
        seen.get_by_role("link", name=TITLE).click()
        expect(seen.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
        expect(seen.locator("ul.tasks")).to_contain_text("Write the technical annex")
        # partners see the room but the outcome is the lead's to record
        expect(seen.get_by_role("button", name="Record the award")).to_have_count(0)
        seen.context.close()

    page.reload()
    page.get_by_label("Amount awarded").fill("2000000000")
    # today in Seoul, the officer's zone: the bid was submitted today
    page.get_by_label("Awarded on").fill(f"{timezone.localdate(timezone=SEOUL):%Y-%m-%d}")
    page.get_by_role("button", name="Record the award").click()
    expect(page.locator(".status")).to_have_text("Awarded")
    bid.refresh_from_db()
    assert bid.status == BidStatus.AWARDED and bid.awarded_amount == 2_000_000_000

    page.goto("/en/funding/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile(r"2,000,000,000"))
    screenshot(page, "funding-2-dashboard-en")
