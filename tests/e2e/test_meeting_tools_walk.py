"""Must-show 2 of issue 15: staff set up a monthly series with the recurrence picker (third
Wednesday, 15:00 Asia/Seoul, six meetings), see its next dates before saving (as the fields
change, and with "Preview dates"), save, and the six meetings start at 06:00 UTC; "Publish
minutes" e-mails attendees once, and a second click sends nothing and says so. Screenshots of
the picker in English and Korean: test-artifacts/screenshots/meeting-tools-*.png."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from events import services
from events.models import MeetingSeries
from members import demo as members_demo
from members.models import User
from solutions_catalog import demo as catalog_demo
from tests.e2e.test_case_study_walk import footer_action, sign_in
from tests.events.test_meeting_tools import third_wednesday_next_month

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ADD = "/admin/snippets/events/meetingseries/add/"
STAFF = "staff@demo.example"


@pytest.fixture
def people(demo_site):
    members_demo.seed()
    catalog_demo.seed()


def speaks(email: str, language: str) -> None:
    user = User.objects.get(email=email)
    user.preferred_language = language
    user.save()  # the admin's own profile follows (members.signals)


def pick_third_wednesdays(page, first: datetime.date) -> None:
    page.locator("#id_first_date").fill(first.isoformat())
    page.locator("#id_start_time").fill("15:00")
    page.keyboard.press("Escape")  # the admin's date picker
    page.locator("#id_time_zone").select_option("Asia/Seoul")
    page.locator("select[name=recurrence_frequency]").select_option("MONTHLY")
    page.locator("select[name=recurrence_monthly_by]").select_option("weekday")
    page.locator("select[name=recurrence_ordinal]").select_option("3")
    page.locator("select[name=recurrence_weekday]").select_option("WE")
    page.locator("select[name=recurrence_ends]").select_option("count")
    page.locator("input[name=recurrence_count]").fill("6")
    page.locator("[data-recurrence-preview]").click(position={"x": 5, "y": 5})  # closes pickers


def show_the_picker(page) -> None:
    """The "When" section from its first field to the preview's button, for a screenshot."""
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.locator("#id_first_date").evaluate("el => el.scrollIntoView({block: 'center'})")
    page.mouse.wheel(0, 250)
    page.wait_for_timeout(300)
    page.evaluate("() => { for (const el of document.querySelectorAll('*')) {"
                  " if (el.scrollLeft) el.scrollLeft = 0; } }")  # centring scrolled sideways


def expect_six_dates(page, first: datetime.date, weekday: str) -> None:
    dates = page.locator("[data-recurrence-dates] time")
    expect(dates).to_have_count(6, timeout=15_000)
    expect(dates.first).to_have_attribute("datetime", f"{first:%Y-%m-%d}T15:00:00+09:00")
    expect(dates.first).to_contain_text(f"({weekday})")


def test_a_monthly_series_from_the_picker_and_minutes_published_once(
        browser, live_server, people, screenshot, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    speaks(STAFF, "en")
    first = third_wednesday_next_month()
    staff = sign_in(browser, live_server, STAFF, members_demo.STAFF_TOTP_SECRET)

    # Korean first: the picker and its preview, fetched as the fields change.
    speaks(STAFF, "ko")
    staff.goto(ADD)
    pick_third_wednesdays(staff, first)
    expect_six_dates(staff, first, "수요일")
    expect(staff.locator("[data-part=monthday]")).to_be_hidden()  # not asked for this pattern
    show_the_picker(staff)
    screenshot(staff, "meeting-tools-1-picker-ko")

    speaks(STAFF, "en")
    staff.goto(ADD)
    staff.locator("#id_slug").fill("data-monthly")
    staff.locator("#id_title_ko").fill("데이터 월례 회의")
    staff.locator("#id_title_en").fill("Data monthly")
    pick_third_wednesdays(staff, first)
    expect_six_dates(staff, first, "Wednesday")
    # "Preview dates" posts the form: the same dates, server-rendered, and nothing saved.
    staff.get_by_role("button", name="Preview dates").click()
    staff.wait_for_load_state()
    expect_six_dates(staff, first, "Wednesday")
    expect(staff.get_by_text("FREQ=MONTHLY;COUNT=6;BYDAY=3WE")).to_be_visible()
    assert not MeetingSeries.objects.exists()
    show_the_picker(staff)
    screenshot(staff, "meeting-tools-2-picker-en")

    # An unending weekly rule is refused at the picker.
    staff.locator("select[name=recurrence_frequency]").select_option("WEEKLY")
    staff.locator("select[name=recurrence_ends]").select_option("never")
    expect(staff.locator("[data-recurrence-dates]")).to_contain_text("more than 500 meetings",
                                                                  timeout=15_000)
    staff.locator("select[name=recurrence_frequency]").select_option("MONTHLY")
    staff.locator("select[name=recurrence_ends]").select_option("count")
    expect_six_dates(staff, first, "Wednesday")

    footer_action(staff, "button[name=action-save], button[type=submit]:has-text('Save')")
    staff.wait_for_url(re.compile(r"/admin/snippets/events/meetingseries/$"))
    series = MeetingSeries.objects.get(slug="data-monthly")
    assert series.recurrence == "FREQ=MONTHLY;COUNT=6;BYDAY=3WE"
    meetings = list(series.meetings.order_by("starts_at"))
    assert len(meetings) == 6
    for meeting in meetings:
        utc = meeting.starts_at.astimezone(datetime.UTC)
        assert (utc.hour, utc.minute, utc.weekday()) == (6, 0, 2)  # 15:00 KST, a Wednesday
        assert 15 <= utc.day <= 21
    assert meetings[0].starts_at.date() == first

    # Minutes, published once to the confirmed.
    meeting = meetings[0]
    attendees = [User.objects.get(email=email) for email in
                 ("officer.daegu@demo.example", "admin.daegu@demo.example")]
    for person in attendees:
        services.register(meeting, person)
    meeting.minutes_en = "Agreed: one open data portal standard for all member cities."
    meeting.save()
    mail.outbox.clear()
    staff.goto(f"/en/meetings/{meeting.slug}/attendees/")
    staff.get_by_role("button", name="Publish minutes").click()
    expect(staff.locator("#messages")).to_contain_text("2 attendees were told by e-mail")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in attendees)
    staff.get_by_role("button", name="Publish minutes").click()
    expect(staff.locator("#messages")).to_contain_text("nobody was told again")
    assert len(mail.outbox) == 2
    screenshot(staff, "meeting-tools-3-minutes-published-en")
    staff.goto(f"/en/meetings/{meeting.slug}/")
    expect(staff.get_by_text("one open data portal standard")).to_be_visible()
    expect(staff.get_by_role("link", name="every meeting of Data monthly")).to_be_visible()
    staff.context.close()
