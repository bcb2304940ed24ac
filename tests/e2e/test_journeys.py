"""The three people the portal is for, each from signing in to what they came for, on the full
demo: a municipal officer preparing for next month's meeting, a staff member organising one,
and a vendor finding a city that needs their offering. Every page they see is checked with
axe-core; screenshots are saved as journey-<who>-<step>."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Audience, Meeting, Registration
from members import demo as members_demo
from members.models import Notification, User
from portal.models import ResourcePage
from solutions_catalog.models import CaseStudyFollow, ChallengeResponse, VendorOffering
from tests.e2e.test_case_study_walk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.parametrize("search_engine", ["database"], indirect=True)]


def _meeting_open_for_registration() -> Meeting:
    now = timezone.now()
    return next(meeting for meeting in Meeting.objects.upcoming().scheduled()
                .filter(audience=Audience.PUBLIC).with_seat_counts()
                if meeting.registration_open(now) and meeting.confirmed_count < meeting.capacity)


def test_municipal_officer_prepares_for_next_meeting(full_demo, browser, live_server,
                                                    screenshot, accessibility):
    officer = sign_in(browser, live_server, "officer.bucheon@demo.example")
    expect(officer).to_have_url(re.compile(r"/en/dashboard/$"))
    expect(officer.get_by_role("heading", name="My dashboard")).to_be_visible()
    accessibility(officer)
    screenshot(officer, "journey-officer-1-dashboard")

    # From the mobility hub to a case study worth replicating, which they follow.
    officer.goto("/en/mobility/")
    accessibility(officer)
    officer.get_by_role("link", name=re.compile("demand-responsive", re.I)).first.click()
    expect(officer.get_by_role("heading", level=1)).to_contain_text(re.compile("bus", re.I))
    officer.get_by_role("button", name="Follow cities replicating this").click()
    expect(officer.get_by_role("button", name="Stop following this case study")).to_be_visible()
    accessibility(officer)
    screenshot(officer, "journey-officer-2-follows-case-study")

    # Registers for the next meeting open to everyone, in place.
    meeting = _meeting_open_for_registration()
    officer.goto(f"/en{meeting.get_absolute_url()}")
    officer.get_by_role("button", name="Register").click()
    expect(officer.get_by_role("button", name="Cancel my registration")).to_be_visible()
    accessibility(officer)

    # Reads the members-only bid template in the resource library.
    template = ResourcePage.objects.get(slug="joint-bid-template", locale__language_code="en")
    officer.goto("/en/resources/")
    officer.get_by_role("link", name=template.title).click()
    expect(officer.get_by_text("Members only").first).to_be_visible()
    accessibility(officer)
    with officer.expect_download() as download:
        officer.get_by_role("link", name=re.compile(r"^Download")).click()
    assert download.value.suggested_filename.endswith((".pdf", ".txt", ".csv"))

    # Back on the dashboard: the meeting and the followed case study are there.
    officer.goto("/en/dashboard/")
    meetings = officer.get_by_role("region", name="My upcoming meetings")
    expect(meetings.locator(f"a[href='/en{meeting.get_absolute_url()}']")).to_be_visible()
    expect(officer.get_by_role("region", name="Replications I follow")).to_contain_text(
        re.compile("demand-responsive", re.I))
    accessibility(officer)
    screenshot(officer, "journey-officer-3-dashboard-after")
    assert Registration.objects.filter(meeting=meeting, user__email="officer.bucheon@demo.example"
                                       ).exists()
    assert CaseStudyFollow.objects.filter(user__email="officer.bucheon@demo.example").exists()
    officer.context.close()


def test_staff_organise_a_meeting_and_see_who_comes(full_demo, browser, live_server, screenshot,
                                                    accessibility, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    staff = sign_in(browser, live_server, "staff@demo.example", members_demo.STAFF_TOTP_SECRET)
    expect(staff).to_have_url(re.compile(r"/en/dashboard/$"))
    accessibility(staff)
    screenshot(staff, "journey-staff-1-dashboard")

    # A one-off workshop, five weeks out, typed on Seoul's clock.
    day = timezone.localdate() + datetime.timedelta(days=35)
    staff.goto("/admin/snippets/events/meeting/add/")
    staff.locator("#id_title_ko").fill("도시 회복력 실무 워크숍")
    staff.locator("#id_title_en").fill("Urban resilience working session")
    staff.locator("#id_slug").fill("urban-resilience-working-session")
    staff.locator("#id_kind").select_option("workshop")
    staff.locator("#id_audience").select_option("public")
    staff.locator("#id_starts_at").fill(f"{day:%Y-%m-%d} 14:00")
    staff.locator("#id_ends_at").fill(f"{day:%Y-%m-%d} 16:00")
    staff.keyboard.press("Escape")
    staff.locator("#id_capacity").fill("30")
    screenshot(staff, "journey-staff-2-new-meeting")
    staff.locator("button.action-save").first.click()
    staff.wait_for_url(re.compile(r"/admin/snippets/events/meeting/(\?.*)?$"))
    meeting = Meeting.objects.get(slug="urban-resilience-working-session")
    assert timezone.localtime(meeting.starts_at).hour == 14

    # It is on the public list; a Daegu officer registers.
    officer = sign_in(browser, live_server, "officer.daegu@demo.example")
    officer.goto("/en/meetings/")
    officer.get_by_role("link", name="Urban resilience working session").click()
    accessibility(officer)
    officer.get_by_role("button", name="Register").click()
    expect(officer.get_by_role("button", name="Cancel my registration")).to_be_visible()
    officer.context.close()

    # Staff see who is coming.
    staff.goto(f"/en{meeting.get_absolute_url()}attendees/")
    officer_name = User.objects.get(email="officer.daegu@demo.example").display_name_en
    expect(staff.get_by_role("table")).to_contain_text(officer_name)
    accessibility(staff)
    screenshot(staff, "journey-staff-3-attendees")
    staff.context.close()


def test_vendor_lists_an_offering_and_answers_a_city(full_demo, browser, live_server,
                                                     screenshot, accessibility):
    vendor = sign_in(browser, live_server, "vendor.civicsense@demo.example")
    expect(vendor).to_have_url(re.compile(r"/en/dashboard/$"))
    accessibility(vendor)
    screenshot(vendor, "journey-vendor-1-dashboard")

    vendor.goto("/en/offerings/")
    vendor.get_by_role("link", name="List an offering").click()
    vendor.get_by_label("name (English)").fill("Flood early-warning sensors")
    vendor.get_by_label("name (Korean)").fill("침수 조기경보 센서")
    vendor.get_by_label("description (English)").fill(
        "Water-level sensors in drains and underpasses that warn the city before streets flood.")
    vendor.locator("input[name=themes]").first.check()
    vendor.get_by_label("pricing model").select_option("subscription")
    accessibility(vendor)
    vendor.get_by_role("button", name="Save").click()
    expect(vendor.get_by_role("heading", level=1)).to_have_text("Flood early-warning sensors")
    screenshot(vendor, "journey-vendor-2-offering-listed")
    offering = VendorOffering.objects.get(name_en="Flood early-warning sensors")

    # Answers Busan's open challenge with it.
    vendor.goto("/en/challenges/")
    vendor.get_by_role("link", name="Air quality around the port").click()
    vendor.get_by_label("Your proposal").fill(
        "Our sensors also measure particulates; we can add them to the port's lamp posts.")
    vendor.get_by_label("Your offering").select_option(str(offering.pk))
    vendor.get_by_role("button", name="Send answer").click()
    expect(vendor.get_by_text("Our sensors also measure particulates")).to_be_visible()
    accessibility(vendor)

    # Busan's officer shortlists the answer; the vendor hears of it on their dashboard.
    busan = sign_in(browser, live_server, "officer.busan@demo.example")
    busan.goto("/en/challenges/")
    busan.get_by_role("link", name="Air quality around the port").click()
    response = ChallengeResponse.objects.get(offering=offering)
    busan.locator(f"form[action$='/answers/{response.pk}/shortlist/'] button").click()
    busan.wait_for_load_state("networkidle")
    busan.context.close()
    response.refresh_from_db()
    assert response.shortlisted

    vendor.goto("/en/dashboard/")
    notifications = vendor.get_by_role("region", name="Notifications")
    expect(notifications.get_by_role("link").first).to_be_visible()
    assert Notification.objects.filter(recipient__email="vendor.civicsense@demo.example",
                                       read_at=None).exists()
    accessibility(vendor)
    screenshot(vendor, "journey-vendor-3-shortlisted")
    vendor.context.close()
