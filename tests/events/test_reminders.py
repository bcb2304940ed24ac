"""Reminders a week and a day before, once each, to confirmed attendees only, in their own
language."""

import datetime

import pytest
from django.core import mail

from events import services
from events.reminders import send_reminders
from tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_each_reminder_goes_once_to_the_confirmed_in_their_language(on_commit):
    meeting = MeetingFactory(capacity=2, title_ko="보안 회의", title_en="Security meeting")
    korean, english, waiting = (MembershipFactory().user for _ in range(3))
    english.preferred_language = "en"
    english.time_zone = "America/Denver"
    english.save()
    for person in (korean, english, waiting):
        services.register(meeting, person)

    week_before = meeting.starts_at - datetime.timedelta(days=3)
    with on_commit():
        assert send_reminders(now=week_before) == 2
    with on_commit():
        assert send_reminders(now=week_before) == 0  # the task ran twice: nothing more
    assert sorted(m.to[0] for m in mail.outbox) == sorted([korean.email, english.email])
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[english.email].endswith("Next week: Security meeting")
    assert "보안 회의" in subjects[korean.email]
    assert "America/Denver" in next(m.body for m in mail.outbox if m.to == [english.email])

    day_before = meeting.starts_at - datetime.timedelta(hours=12)
    with on_commit():
        assert send_reminders(now=day_before) == 2
        assert send_reminders(now=day_before) == 0
    assert len(mail.outbox) == 4
    assert any(m.subject.endswith("Tomorrow: Security meeting") for m in mail.outbox[2:])


def test_a_late_registration_gets_only_the_day_reminder(on_commit):
    meeting = MeetingFactory()
    services.register(meeting, MembershipFactory().user)
    with on_commit():
        assert send_reminders(now=meeting.starts_at - datetime.timedelta(hours=5)) == 1
        assert send_reminders(now=meeting.starts_at - datetime.timedelta(hours=4)) == 0
    assert len(mail.outbox) == 1


def test_published_minutes_reach_the_confirmed_once_and_members_only_on_the_page(
        client, as_user, on_commit):
    from django.utils import timezone

    from events.reminders import send_minutes

    meeting = MeetingFactory(capacity=1, minutes_en="Agreed: a shared data standard.")
    attendee, waiting = MembershipFactory().user, MembershipFactory().user
    services.register(meeting, attendee)
    services.register(meeting, waiting)
    with on_commit():
        assert send_minutes() == 0  # not published yet
    meeting.minutes_published_at = timezone.now()
    meeting.save()
    with on_commit():
        assert send_minutes() == 1
        assert send_minutes() == 0
    assert [m.to for m in mail.outbox] == [[attendee.email]]
    assert "shared data standard" in mail.outbox[0].body
    page = f"/en/meetings/{meeting.slug}/"
    visitor = client.get(page)
    assert visitor.status_code == 200
    assert "shared data standard" not in visitor.content.decode()
    assert "shared with member organisations" in visitor.content.decode()
    assert "shared data standard" in as_user(attendee).get(page).content.decode()


def test_minutes_are_not_mailed_to_non_members_of_a_public_meeting(on_commit):
    from django.utils import timezone

    from events.reminders import send_minutes
    from tests.factories import UserFactory

    meeting = MeetingFactory(audience="public", minutes_published_at=timezone.now())
    services.register(meeting, UserFactory())  # signed in, no member organisation
    services.register(meeting, MembershipFactory().user)
    with on_commit():
        assert send_minutes() == 1
