"""Deadline reminders 14, 7 and 2 days ahead, counted on each recipient's own calendar, sent
once, only on the exact day, to the bid team (opportunities) or the owner (tasks)."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from funding import services
from funding.models import Bid, BidPartner, BidStatus, BidTask, FundingReminderSent
from funding.reminders import send_funding_reminders
from members import notify
from members.models import MembershipStatus
from tests.factories import BidFactory, MembershipFactory, OpportunityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# 23:59 on 15 March 2027 in New York is 03:59 UTC on the 16th (daylight saving began on the
# 14th): the 16th in Seoul, still the 15th in Denver.
DEADLINE = datetime.datetime(2027, 3, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


def at(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.fixture
def bid(network):
    """A Daegu-led bid (officer and org_admin, in Seoul) with Hanbit as partner (the vendor,
    in Denver)."""
    opportunity = OpportunityFactory(deadline=DEADLINE, time_zone="America/New_York",
                                     programme_ko="스마트 교차로 보조금",
                                     programme_en="SMART intersections grant")
    bid = BidFactory(opportunity=opportunity, lead=network.daegu, status=BidStatus.DRAFTING)
    BidPartner.objects.create(bid=bid, organisation=network.hanbit)
    network.vendor.time_zone = "America/Denver"
    network.vendor.preferred_language = "en"
    network.vendor.save()
    return bid


def test_the_example_deadline_is_0359_utc():
    assert DEADLINE.astimezone(UTC).isoformat() == "2027-03-16T03:59:00+00:00"


def recipients() -> list[str]:
    return sorted(m.to[0] for m in mail.outbox)


def test_fourteen_days_is_counted_on_each_recipients_own_calendar(network, bid, on_commit):
    seoul = sorted([network.officer.email, network.org_admin.email])
    with on_commit():
        # Denver's 1 March (05:00), Seoul's 1 March too (21:00): 14 days left only in Denver.
        assert send_funding_reminders(now=at(2027, 3, 1, 12)) == 1
    assert recipients() == [network.vendor.email]
    with on_commit():
        # Seoul's 2 March (09:00); Denver is still on 1 March and already reminded.
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 2
    assert recipients() == sorted([network.vendor.email, *seoul])
    with on_commit():
        # Denver's 2 March (03:00): 13 days left; Seoul is done with 14.
        assert send_funding_reminders(now=at(2027, 3, 2, 10)) == 0
    assert FundingReminderSent.objects.filter(days_before=14).count() == 3


def test_the_mail_names_the_programme_both_zones_and_the_bid(network, bid, on_commit,
                                                             settings):
    with on_commit():
        send_funding_reminders(now=at(2027, 3, 1, 12))
    [message] = mail.outbox
    assert message.subject.endswith("14 days to the deadline: SMART intersections grant")
    assert "SMART intersections grant" in message.body
    assert "(America/Denver)" in message.body
    assert "(America/New_York)" in message.body
    assert f"{settings.SITE_URL.rstrip('/')}/en/funding/bids/{bid.pk}/" in message.body
    assert bid.title in message.body


def test_each_goes_in_the_recipients_language(network, bid, on_commit):
    with on_commit():
        send_funding_reminders(now=at(2027, 3, 2, 0))  # Seoul's 14 days
    korean = next(m for m in mail.outbox if m.to == [network.officer.email])
    english = next(m for m in mail.outbox if m.to == [network.vendor.email])
    assert "스마트 교차로 보조금" in korean.subject
    assert "SMART intersections grant" not in korean.subject
    assert f"/funding/bids/{bid.pk}/" in korean.body
    assert "/en/" not in korean.body
    assert english.subject.endswith("14 days to the deadline: SMART intersections grant")


def test_running_twice_or_hourly_sends_once(network, bid, on_commit):
    with on_commit():
        # Seoul's 2 March, Denver's 1 March: 14 days left for all three.
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 3
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 0
        for hour in range(1, 15):  # the rest of Seoul's day
            assert send_funding_reminders(now=at(2027, 3, 2, hour)) == 0
    assert len(mail.outbox) == 3


def test_a_missed_day_is_not_caught_up(network, bid, on_commit):
    network.vendor.time_zone = "Asia/Seoul"
    network.vendor.save()
    with on_commit():
        # Seoul's 3 March: 13 days left. The worker was down on the 2nd: no stale reminder.
        assert send_funding_reminders(now=at(2027, 3, 3, 0)) == 0
        # Seoul's 9 March: 7 days left.
        assert send_funding_reminders(now=at(2027, 3, 9, 0)) == 3
        # Seoul's 14 March: 2 days left.
        assert send_funding_reminders(now=at(2027, 3, 14, 0)) == 3
    assert set(FundingReminderSent.objects.values_list("days_before", flat=True)) == {7, 2}


@pytest.mark.parametrize("status", [BidStatus.SUBMITTED, BidStatus.AWARDED,
                                    BidStatus.NOT_AWARDED, BidStatus.WITHDRAWN])
def test_bids_submitted_or_decided_get_no_deadline_reminder(network, bid, status, on_commit):
    bid.status = status
    if status == BidStatus.AWARDED:
        bid.awarded_amount, bid.awarded_on = 400_000_000, datetime.date(2027, 1, 5)
    bid.save()
    with on_commit():
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 0
    assert mail.outbox == []


def test_only_the_bid_team_hears_and_only_who_wants_email(network, bid, on_commit):
    BidFactory(lead=network.bucheon)  # Bucheon bids elsewhere
    notify.set_preference(network.org_admin, notify.DEADLINE, "never")
    with on_commit():
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 3  # all kept as notifications
    assert recipients() == sorted([network.officer.email, network.vendor.email])


def test_recipients_are_the_team_as_the_services_define_it(network, bid, on_commit):
    lapsed = OrganisationFactory(membership_status=MembershipStatus.LAPSED)
    MembershipFactory(organisation=lapsed)
    BidPartner.objects.create(bid=bid, organisation=lapsed)
    network.org_admin.is_active = False
    network.org_admin.save()
    with on_commit():
        send_funding_reminders(now=at(2027, 3, 2, 0))
    team = services.team_people(Bid.objects.get(pk=bid.pk))
    assert recipients() == sorted(team.values_list("email", flat=True))
    assert recipients() == sorted([network.officer.email, network.vendor.email])


def test_one_reminder_names_all_of_a_persons_bids_on_the_opportunity(network, bid, on_commit):
    second = BidFactory(opportunity=bid.opportunity, lead=network.daegu, title="Second try")
    with on_commit():
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 3
    body = next(m.body for m in mail.outbox if m.to == [network.officer.email])
    assert f"/funding/bids/{bid.pk}/" in body
    assert f"/funding/bids/{second.pk}/" in body


def test_open_tasks_remind_their_owner_on_their_calendar(network, bid, on_commit):
    due = datetime.date(2027, 2, 20)
    open_task = BidTask.objects.create(bid=bid, title="Budget table", owner=network.vendor,
                                       due_on=due)
    BidTask.objects.create(bid=bid, title="Letters", owner=network.officer, due_on=due,
                           done_at=at(2027, 2, 1, 0))
    closed = BidFactory(lead=network.daegu, status=BidStatus.WITHDRAWN)
    BidTask.objects.create(bid=closed, title="Never mind", owner=network.officer, due_on=due)
    submitted = BidFactory(lead=network.daegu, status=BidStatus.SUBMITTED)
    BidTask.objects.create(bid=submitted, title="Answer questions", owner=network.officer,
                           due_on=due)
    with on_commit():
        # Seoul's 13 February, Denver's 12 February: 7 days left only for Seoul.
        assert send_funding_reminders(now=at(2027, 2, 13, 1)) == 1
        # Denver's 13 February.
        assert send_funding_reminders(now=at(2027, 2, 13, 8)) == 1
        assert send_funding_reminders(now=at(2027, 2, 13, 9)) == 0
    assert [m.to[0] for m in mail.outbox] == [network.officer.email, network.vendor.email]
    assert "Answer questions" in mail.outbox[0].subject
    assert mail.outbox[1].subject.endswith("Task due in 7 days: Budget table")
    assert "(America/Denver)" in mail.outbox[1].body
    assert f"task:{open_task.pk}" in FundingReminderSent.objects.values_list(
        "subject", flat=True)


def test_queries_do_not_grow_with_the_number_of_bids(network, bid, on_commit,
                                                     django_assert_max_num_queries):
    for _ in range(5):
        other = BidFactory(opportunity=bid.opportunity, lead=network.bucheon)
        BidPartner.objects.create(bid=other, organisation=network.hanbit)
        BidTask.objects.create(bid=other, title="Draft", owner=network.other_admin,
                               due_on=datetime.date(2027, 3, 9))
    with on_commit():
        send_funding_reminders(now=at(2027, 3, 2, 0))
    # bids, partners, people, sent; tasks, sent, the task owners' teams (partners, people)
    with django_assert_max_num_queries(8):
        assert send_funding_reminders(now=at(2027, 3, 2, 0)) == 0


def test_celery_beat_runs_the_task_hourly(settings):
    from funding.tasks import send_funding_reminders as task

    entry = settings.CELERY_BEAT_SCHEDULE["funding-deadlines"]
    assert (entry["task"], entry["schedule"]) == (task.name, 3600.0)
    assert task.delay().get() == 0  # no bids, nothing due
