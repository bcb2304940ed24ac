"""Calendars parsed back with icalendar: times in the meeting's zone with its VTIMEZONE,
a series' feed matching its rule, cancellations and changes as calendars expect, and the
online link only where the reader is confirmed."""

import datetime
import zoneinfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from events import services
from events.models import CalendarFeed
from events.schedule import materialise
from tests.events.test_schedule import NOW, series
from tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db
LINK = "https://meet.example/consortium"
DENVER = zoneinfo.ZoneInfo("America/Denver")


def events_of(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_a_series_feed_follows_its_rule_across_daylight_saving(client, monkeypatch):
    colorado = series(slug="colorado", time_zone="America/Denver", start_time=datetime.time(17))
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)
    materialise(colorado, now=NOW)
    response = client.get("/en/meetings/calendar/series/colorado.ics")
    calendar = Calendar.from_ical(response.content)
    starts = sorted(event.decoded("dtstart") for event in events_of(response))
    rule = rrulestr("FREQ=MONTHLY;BYDAY=2TU", dtstart=datetime.datetime(2026, 1, 13, 17))
    expected = rule.between(datetime.datetime(2026, 11, 22), datetime.datetime(2027, 11, 22))
    assert [s.replace(tzinfo=None) for s in starts] == expected
    assert all(s.tzinfo is not None and s.utcoffset() == DENVER.utcoffset(s.replace(tzinfo=None))
               for s in starts)
    march, april = (s for s in starts if (s.year, s.month) in ((2027, 3), (2027, 4)))
    assert (march.astimezone(datetime.UTC).hour, april.astimezone(datetime.UTC).hour) == (0, 23)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Denver"]


def test_public_feeds_never_carry_the_online_link(client):
    meeting = MeetingFactory(series=series(), theme=None)
    person = MembershipFactory().user
    services.register(meeting, person)
    for url in ("/en/meetings/calendar/series/nscp-monthly.ics",
                f"{meeting.get_absolute_url()}calendar.ics"):
        body = client.get(url).content.decode()
        assert "BEGIN:VEVENT" in body and LINK not in body


def test_the_personal_feed_has_links_where_confirmed_and_can_be_rotated(as_user):
    confirmed, waiting = MeetingFactory(capacity=1), MeetingFactory(capacity=1)
    person = MembershipFactory(user__preferred_language="en").user  # the feed speaks it
    services.register(waiting, MembershipFactory().user)
    services.register(confirmed, person)
    services.register(waiting, person)
    browser = as_user(person)
    browser.post("/en/meetings/calendar/new-address/")
    token = CalendarFeed.objects.get(user=person).token
    response = browser.get(f"/en/meetings/calendar/mine/{token}.ics")
    by_title = {str(e["summary"]): e for e in events_of(response)}
    assert LINK in str(by_title[confirmed.title_en]["description"])
    assert LINK not in str(by_title[waiting.title_en]["description"])
    browser.post("/en/meetings/calendar/new-address/")
    assert browser.get(f"/en/meetings/calendar/mine/{token}.ics").status_code == 404


def test_changes_keep_the_uid_and_raise_the_sequence_and_cancellations_show(client):
    meeting = MeetingFactory()
    url = f"{meeting.get_absolute_url()}calendar.ics"
    [before] = events_of(client.get(url))
    meeting.status = "cancelled"
    meeting.sequence += 1
    meeting.save()
    [after] = events_of(client.get(url))
    assert after["uid"] == before["uid"]
    assert after["sequence"] == before["sequence"] + 1
    assert after["status"] == "CANCELLED"
