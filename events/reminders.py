"""Reminders a week and a day before a meeting, and the minutes once published, to everyone
confirmed, in their own language and time zone. Each (registration, kind) is recorded before
its e-mail is queued, in one transaction, so a second run of the task, or two at once, sends
nothing more."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from members import notify
from members.permissions import MemberAction, check

from .models import Meeting, MeetingStatus, Registration, ReminderKind, ReminderSent

WINDOWS = {ReminderKind.WEEK: datetime.timedelta(days=7),
           ReminderKind.DAY: datetime.timedelta(days=1)}


def due(kind: str, now: datetime.datetime) -> QuerySet:
    """Confirmed registrations for meetings starting within the reminder's lead time that
    have not had this reminder."""
    return (Registration.objects.confirmed()
            .filter(meeting__status=MeetingStatus.SCHEDULED, meeting__starts_at__gt=now,
                    meeting__starts_at__lte=now + WINDOWS[kind])
            .exclude(reminders__kind=kind)
            .select_related("meeting", "user"))


def send_reminders(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    # The day-before reminder first: someone who registers less than a day ahead gets only
    # that one, not a "next week" right after it.
    sent = sum(_send_once(r, ReminderKind.DAY) for r in due(ReminderKind.DAY, now))
    week = due(ReminderKind.WEEK, now).exclude(reminders__kind=ReminderKind.DAY)
    sent += sum(_send_once(r, ReminderKind.WEEK) for r in week)
    return sent


def send_minutes(meeting: Meeting | None = None) -> int:
    """The minutes of each meeting (or of ``meeting``), once published, to those who were
    confirmed for it and may read them (members; a partner only if confirmed, which they
    are)."""
    registrations = (Registration.objects.confirmed()
                     .filter(meeting__minutes_published_at__isnull=False)
                     .filter(**({"meeting": meeting} if meeting else {}))
                     .exclude(reminders__kind=ReminderKind.MINUTES)
                     .select_related("meeting", "user"))
    return sum(_send_once(r, ReminderKind.MINUTES) for r in registrations
               if check(r.user, MemberAction.READ_MEMBERS_ONLY, r.meeting).allowed)


TEMPLATES = {ReminderKind.WEEK: "events/email/reminder", ReminderKind.DAY: "events/email/reminder",
             ReminderKind.MINUTES: "events/email/minutes"}


def _send_once(registration: Registration, kind: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(registration=registration, kind=kind)
            user = registration.user
            notify.tell(user, notify.MEETING_REMINDER, TEMPLATES[kind], {
                "meeting": registration.meeting, "user": user, "kind": kind},
                url=registration.meeting.get_absolute_url())
    except IntegrityError:
        return False  # another run sent it meanwhile
    return True
