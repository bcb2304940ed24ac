"""Registering for meetings. Every change of a meeting's seats happens under a lock on the
meeting's row (SELECT ... FOR UPDATE): registrations and cancellations for one meeting run
one after another, so the confirmed never outnumber the capacity and the waiting list is
promoted in order."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members import notify
from members.models import User
from members.permissions import require

from .models import (
    Meeting,
    MeetingSeries,
    Registration,
    RegistrationStatus,
    SeriesSubscription,
)
from .permissions import EventAction
from .reminders import send_minutes


def _refuse_closed(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    if not meeting.registration_open():
        raise ValidationError(_("Registration for this meeting is not open."))


@transaction.atomic
def register(meeting: Meeting, user: User) -> Registration:
    """A seat if one is free, else a place on the waiting list (or a request, where staff
    approve registrations)."""
    require(user, EventAction.REGISTER_FOR_MEETING, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _refuse_closed(meeting)
    # Everyone registering for this meeting waits here: as few round trips as possible.
    confirmed, already = meeting.registrations.seats_taken_and_held_by(user)
    if already:
        raise ValidationError(_("You are already registered for this meeting."))
    if meeting.requires_approval:
        status = RegistrationStatus.PENDING
    elif confirmed < meeting.capacity:
        status = RegistrationStatus.CONFIRMED
    else:
        status = RegistrationStatus.WAITLISTED
    return Registration.objects.create(meeting=meeting, user=user, status=status)


@transaction.atomic
def cancel(registration: Registration) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first on the waiting list, who is
    told by e-mail. Returns the promoted registration, if any."""
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("This registration was already cancelled."))
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    promoted = [] if meeting.is_cancelled else _fill_seats(meeting)
    return promoted[0] if promoted else None


@transaction.atomic
def seats_changed(meeting: Meeting) -> list[Registration]:
    """After staff changed a meeting's capacity: promote from the waiting list into any
    seats now free. (Fewer seats than people confirmed keeps them all confirmed; the waiting
    list simply waits longer.)"""
    return _fill_seats(Meeting.objects.select_for_update().get(pk=meeting.pk))


def _fill_seats(meeting: Meeting) -> list[Registration]:
    """Promote, in order, as many waiting people as there are free seats; the caller holds
    the meeting's lock. Keeps the rule that nobody waits while a seat is free."""
    free = meeting.capacity - meeting.registrations.confirmed().count()
    promoted = list(meeting.registrations.waitlisted().select_related("user")[:max(free, 0)])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        notify.tell(registration.user, notify.REGISTRATION_CHANGE, "events/email/promoted",
                    {"meeting": meeting, "user": registration.user},
                    url=meeting.get_absolute_url())
    return promoted


def subscribe(series: MeetingSeries, user: User) -> int:
    """Register for every future meeting of a series, now and as new ones are scheduled.
    Returns how many meetings it registered for now."""
    require(user, EventAction.REGISTER_FOR_MEETING, series)
    SeriesSubscription.objects.get_or_create(series=series, user=user)
    return sum(_register_subscriber(meeting, user) for meeting in
               series.meetings.upcoming().scheduled())


def _register_subscriber(meeting: Meeting, user: User) -> bool:
    try:
        register(meeting, user)
    except (ValidationError, PermissionDenied):  # registered already, closed, not a member
        return False
    return True


def register_subscribers(meeting: Meeting) -> None:
    """A new meeting of a series: its subscribers are registered, in subscription order."""
    for subscription in meeting.series.subscriptions.select_related("user").order_by("pk"):
        _register_subscriber(meeting, subscription.user)


def unsubscribe(series: MeetingSeries, user: User) -> int:
    """Stop following a series; the person's future registrations in it are cancelled.
    Returns how many."""
    SeriesSubscription.objects.filter(series=series, user=user).delete()
    future = Registration.objects.active().filter(
        user=user, meeting__series=series, meeting__in=Meeting.objects.upcoming())
    for registration in future:
        cancel(registration)
    return len(future)


@transaction.atomic
def decide(registration: Registration, actor: User, *, approve: bool) -> Registration:
    """Staff approve a registration awaiting approval (a seat if one is free, else the
    waiting list) or decline it."""
    require(actor, EventAction.MANAGE_MEETINGS)
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(_("This registration is not awaiting approval."))
    if not approve:
        registration.status = RegistrationStatus.CANCELLED
    elif meeting.registrations.confirmed().count() < meeting.capacity:
        registration.status = RegistrationStatus.CONFIRMED
    else:
        registration.status = RegistrationStatus.WAITLISTED
    registration.save(update_fields=["status", "updated_at"])
    notify.tell(registration.user, notify.REGISTRATION_CHANGE, "events/email/decided",
                {"meeting": meeting, "registration": registration},
                url=meeting.get_absolute_url())
    return registration


def record_attendance(meeting: Meeting, actor: User, attended_ids: set[int]) -> int:
    """The check-in list: exactly the given confirmed registrations attended."""
    require(actor, EventAction.MANAGE_MEETINGS)
    confirmed = meeting.registrations.confirmed()
    confirmed.filter(pk__in=attended_ids).update(attended=True)
    confirmed.exclude(pk__in=attended_ids).update(attended=False)
    return confirmed.filter(attended=True).count()


@transaction.atomic
def publish_minutes(meeting: Meeting, actor: User) -> int | None:
    """Publish a meeting's minutes: who and when are kept, and those confirmed for it are
    told once (the same once-only record the hourly task keeps). Returns how many were told,
    or None if the minutes were published already (nothing is sent again)."""
    require(actor, EventAction.MANAGE_MEETINGS)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.minutes_published_at is not None:
        return None
    if not (meeting.minutes_ko.strip() or meeting.minutes_en.strip()):
        raise ValidationError(_("Write the minutes (in Korean or English) before publishing "
                                "them."))
    meeting.minutes_published_at = timezone.now()
    meeting.minutes_published_by = actor
    meeting.save(update_fields=["minutes_published_at", "minutes_published_by",
                                "updated_at"])
    return send_minutes(meeting)
