"""Meetings as iCalendar (RFC 5545), with the ``icalendar`` library: one UID per meeting for
life, SEQUENCE raised by every change, STATUS:CANCELLED for a cancelled meeting, times in the
meeting's own zone with its VTIMEZONE. The online link goes only into calendars of people
confirmed for that meeting; feeds anyone can fetch never carry it."""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from common import site_url

from .models import Meeting

PRODID = "-//Smart City Consortium//Meetings//EN"


def _event(meeting: Meeting, with_link: bool) -> Event:
    event = Event()
    event.add("uid", f"{meeting.uid}@{settings.CALENDAR_DOMAIN}")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.updated_at or timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(meeting.zone))
    event.add("dtend", meeting.ends_at.astimezone(meeting.zone))
    event.add("summary", meeting.title)
    place = ", ".join(p for p in (meeting.venue_name, meeting.address) if p)
    if place:
        event.add("location", place)
    page = site_url.absolute(meeting.get_absolute_url())
    description = meeting.description
    if with_link and meeting.online_url:
        description = f"{description}\n\n{meeting.online_url}".strip()
        event.add("conference", meeting.online_url, parameters={"value": "URI"})
    event.add("description", f"{description}\n\n{page}".strip())
    event.add("url", page)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return event


def calendar(meetings: Iterable[Meeting], name: str,
             with_link: Callable[[Meeting], bool] = lambda meeting: False) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(_event(meeting, with_link(meeting)))
    cal.add_missing_timezones()
    return cal

