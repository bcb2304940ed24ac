"""Reminders a week and a day before a meeting, and the minutes once published, to everyone
confirmed, in their own language and time zone. Each (registration, kind) is recorded before
its e-mail is queued, in one transaction, so a second run of the task, or two at once, sends
nothing more."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.mail import send_templated_mail

from .models import Registration, ReminderKind, ReminderSent

WINDOWS = {ReminderKind.WEEK: datetime.timedelta(days=7),
           ReminderKind.DAY: datetime.timedelta(days=1)}


def due(kind: str, now: datetime.datetime):
    """Confirmed registrations for meetings starting within the reminder's lead time that
    have not had this reminder."""
    return (Registration.objects.confirmed()
            .filter(meeting__status="scheduled", meeting__starts_at__gt=now,
                    meeting__starts_at__lte=now + WINDOWS[kind])
            .exclude(reminders__kind=kind)
            .select_related("meeting", "user"))


def send_reminders(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    sent = 0
    # The day-before reminder first: someone registering six days ahead gets only that one.
    for kind in (ReminderKind.DAY, ReminderKind.WEEK):
        for registration in due(kind, now):
            if kind == ReminderKind.WEEK and registration.reminders.exists():
                continue
            sent += _send_once(registration, kind)
    return sent


def send_minutes() -> int:
    """The minutes of each meeting, once published, to those who were confirmed for it."""
    registrations = (Registration.objects.confirmed()
                     .filter(meeting__minutes_published_at__isnull=False)
                     .exclude(reminders__kind=ReminderKind.MINUTES)
                     .select_related("meeting", "user"))
    return sum(_send_once(r, ReminderKind.MINUTES) for r in registrations)


TEMPLATES = {ReminderKind.WEEK: "events/email/reminder", ReminderKind.DAY: "events/email/reminder",
             ReminderKind.MINUTES: "events/email/minutes"}


def _send_once(registration: Registration, kind: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(registration=registration, kind=kind)
            user = registration.user
            send_templated_mail(user.email, TEMPLATES[kind], {
                "meeting": registration.meeting, "user": user, "kind": kind},
                language=user.preferred_language or "ko")
    except IntegrityError:
        return False  # another run sent it meanwhile
    return True
