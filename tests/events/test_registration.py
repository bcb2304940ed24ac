"""Registering for a meeting: a seat while there is one, then the waiting list, promoted in
order when someone cancels; and every way in that must be refused, refused with a reason."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Registration, RegistrationStatus
from tests.factories import MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def members(count: int) -> list:
    return [MembershipFactory().user for _ in range(count)]


def statuses(meeting) -> dict[str, int]:
    return {s: meeting.registrations.filter(status=s).count() for s in RegistrationStatus.values}


def test_seats_then_waiting_list_then_promotion_in_order(on_commit):
    meeting = MeetingFactory(capacity=2)
    first, second, third, fourth = members(4)
    registrations = [services.register(meeting, person) for person in (first, second, third,
                                                                       fourth)]
    assert [r.status for r in registrations] == ["confirmed", "confirmed", "waitlisted",
                                                 "waitlisted"]
    with on_commit():
        promoted = services.cancel(registrations[0])
    assert promoted.user == third
    assert statuses(meeting)["confirmed"] == 2
    [message] = mail.outbox
    assert message.to == [third.email]
    assert meeting.title_ko in message.subject or meeting.title_en in message.subject


@pytest.mark.parametrize("case", ["twice", "closed", "not_yet_open", "cancelled", "visitor",
                                  "non_member"])
def test_refused_registrations_say_why_and_change_nothing(case):
    meeting = MeetingFactory()
    person = members(1)[0]
    expected: type[Exception] = ValidationError
    if case == "twice":
        services.register(meeting, person)
    elif case == "closed":
        meeting.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    elif case == "not_yet_open":
        meeting.registration_opens_at = timezone.now() + datetime.timedelta(days=1)
    elif case == "cancelled":
        meeting.status = "cancelled"
    elif case == "visitor":
        person, expected = None, PermissionDenied
    elif case == "non_member":
        person, expected = UserFactory(), PermissionDenied
    meeting.save()
    before = Registration.objects.count()
    with pytest.raises(expected) as refused:
        services.register(meeting, person)
    assert str(refused.value.messages[0] if expected is ValidationError else refused.value)
    assert Registration.objects.count() == before


def test_a_public_meeting_takes_anyone_signed_in():
    meeting = MeetingFactory(audience="public")
    assert services.register(meeting, UserFactory()).status == "confirmed"


def test_cancelling_twice_is_refused():
    registration = services.register(MeetingFactory(), members(1)[0])
    services.cancel(registration)
    with pytest.raises(ValidationError):
        services.cancel(registration)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_hundred_at_once_never_overbook_and_cancellations_promote_in_order():
    meeting = MeetingFactory(capacity=30)
    people = members(100)

    def register(person):
        try:
            return services.register(meeting, person).pk
        finally:
            connection.close()  # each thread had a connection of its own

    # As many connections at once as PostgreSQL's default limit comfortably allows.
    with ThreadPoolExecutor(max_workers=40) as pool:
        list(pool.map(register, people))
    assert statuses(meeting)["confirmed"] == 30
    assert statuses(meeting)["waitlisted"] == 70
    next_in_line = list(meeting.registrations.waitlisted().values_list("pk", flat=True)[:5])

    def cancel(registration):
        try:
            return services.cancel(registration).pk
        finally:
            connection.close()

    leaving = list(meeting.registrations.confirmed()[:5])
    with ThreadPoolExecutor(max_workers=5) as pool:
        promoted = list(pool.map(cancel, leaving))
    assert sorted(promoted) == sorted(next_in_line)
    assert statuses(meeting)["confirmed"] == 30
    assert statuses(meeting)["waitlisted"] == 65
