"""Staff approve registrations, tick attendance and export the list; nobody else can."""

import csv
import io

import pytest
from django.core import mail

from events import services
from events.models import RegistrationStatus
from members.models import User
from members.services import ensure_staff_group
from tests.factories import MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    user = UserFactory(email="staff@consortium.example")
    user.groups.add(ensure_staff_group())
    return User.objects.get(pk=user.pk)


def test_staff_approve_decline_and_check_in(as_user, staff, on_commit):
    meeting = MeetingFactory(capacity=1, requires_approval=True)
    first, second, third = (MembershipFactory().user for _ in range(3))
    pending = [services.register(meeting, p) for p in (first, second, third)]
    assert {r.status for r in pending} == {RegistrationStatus.PENDING}
    browser = as_user(staff)
    url = f"{meeting.get_absolute_url()}attendees/"
    with on_commit():
        for registration, approve in zip(pending, ("1", "1", "0"), strict=True):
            browser.post(f"{url}{registration.pk}/decide/", {"approve": approve})
    assert [meeting.registrations.get(pk=r.pk).status for r in pending] == [
        "confirmed", "waitlisted", "cancelled"]
    assert len(mail.outbox) == 3
    again = browser.post(f"{url}{pending[0].pk}/decide/", {"approve": "0"}, follow=True)
    assert "not awaiting approval" in again.content.decode() or "승인" in again.content.decode()

    browser.post(url, {"attended": [str(pending[0].pk), "x", str(pending[1].pk)]})
    assert list(meeting.registrations.filter(attended=True)) == [pending[0]]  # confirmed only
    export = browser.get(f"{meeting.get_absolute_url()}attendees.csv")
    rows = list(csv.reader(io.StringIO(export.content.decode())))
    assert rows[0][:2] == ["name", "email"]
    assert [row[1] for row in rows[1:]] == [first.email, second.email]


def test_only_staff_reach_the_attendee_list(as_user):
    meeting = MeetingFactory()
    officer = MembershipFactory().user
    for path in ("attendees/", "attendees.csv"):
        assert as_user(officer).get(f"{meeting.get_absolute_url()}{path}").status_code == 403
    registration = services.register(meeting, officer)
    as_user(officer).post(f"{meeting.get_absolute_url()}attendees/{registration.pk}/decide/",
                          {"approve": "0"})
    registration.refresh_from_db()
    assert registration.status == "confirmed"
