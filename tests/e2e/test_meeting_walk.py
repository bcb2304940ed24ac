"""Must-show walk of the events issue: an officer finds next month's cybersecurity meeting,
registers (htmx, in place), sees the online link, downloads the .ics, cancels; the colleague
on the waiting list moves up and is e-mailed."""

import re
from pathlib import Path

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from events import demo as events_demo
from events import services
from events.models import Meeting, RegistrationStatus
from members import demo as members_demo
from members.models import User
from solutions_catalog import demo as catalog_demo
from tests.e2e.test_case_study_walk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meeting(demo_site):
    members_demo.seed()
    catalog_demo.seed()
    events_demo.seed()
    meeting = Meeting.objects.upcoming().filter(theme__slug="cybersecurity").first()
    meeting.registrations.all().delete()
    meeting.capacity = 1
    meeting.save()
    return meeting


def test_register_see_the_link_download_cancel_and_the_next_moves_up(
        browser, live_server, meeting, screenshot):
    colleague = User.objects.get(email="admin.daegu@demo.example")
    page = sign_in(browser, live_server, "officer.daegu@demo.example")
    page.goto("/en/meetings/")
    page.get_by_role("checkbox", name=re.compile(r"^Cybersecurity")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name=meeting.title_en).first.click()
    expect(page.get_by_role("heading", name=meeting.title_en, level=1)).to_be_visible()
    expect(page.get_by_text("The link is shown to confirmed attendees.")).to_be_visible()

    page.get_by_role("button", name="Register", exact=True).click()
    rsvp = page.locator("#rsvp")
    expect(rsvp.get_by_text("You are registered.")).to_be_visible()
    expect(page.locator("#messages")).to_contain_text("See you there!")
    page.reload()  # the online link belongs to the page, not the swapped section
    expect(page.get_by_role("link", name=meeting.online_url)).to_be_visible()
    screenshot(page, "meetings-1-registered-en")

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    event = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")[0]
    assert str(event["summary"]) == meeting.title_en
    assert meeting.online_url in str(event["description"])

    waiting = services.register(meeting, colleague)
    assert waiting.status == RegistrationStatus.WAITLISTED
    mail.outbox.clear()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.locator("#messages")).to_contain_text("Your registration is cancelled.")
    expect(page.get_by_role("button", name="Register", exact=True)).to_have_count(0)  # full
    screenshot(page, "meetings-2-cancelled-en")
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [[colleague.email]]
