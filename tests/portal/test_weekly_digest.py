"""The weekly digest: each person gets it on their own Monday morning, in their language,
with what was kept for it and what is new or coming for them; once per week even when two
workers run the task at once; nothing when there is nothing to say or they chose "never"."""

import datetime
import re
import zoneinfo
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from members import notify
from members.models import Delivery, MailState, Notification
from portal import digest
from portal.models import DigestSent
from solutions_catalog.models import Theme
from tests.factories import (
    BidFactory,
    MeetingFactory,
    MembershipFactory,
    OpportunityFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.support.celery_processes import CeleryProcesses, database_url_of_this_test_run

SEOUL, LONDON = "Asia/Seoul", "Europe/London"


def monday_morning(zone: str) -> datetime.datetime:
    """The coming Monday, 08:30 in ``zone`` (so what was made today is of "last week")."""
    local = timezone.now().astimezone(zoneinfo.ZoneInfo(zone))
    monday = local.date() + datetime.timedelta(days=7 - local.weekday())
    return datetime.datetime.combine(monday, datetime.time(8, 30), local.tzinfo)


@pytest.fixture
def city(db):
    """A city focused on mobility, with a Korean reader in Seoul and an English one in
    London: a new mobility call, a bid due soon, a meeting each on Monday at 14:00."""
    mobility = Theme.objects.create(slug="mobility", name_ko="모빌리티", name_en="Mobility")
    daegu = OrganisationFactory(slug="daegu", name_en="Daegu", name_ko="대구")
    mobility.focused_organisations.add(daegu)
    ko = MembershipFactory(organisation=daegu, user__preferred_language="ko",
                           user__time_zone=SEOUL, user__display_name_ko="김민지").user
    en = MembershipFactory(organisation=daegu, user__preferred_language="en",
                           user__time_zone=LONDON, user__display_name_en="Jane Doe").user
    call = OpportunityFactory(programme_ko="자율주행 실증 지원",
                              programme_en="Autonomous driving pilots")
    call.themes.add(mobility)
    monday = monday_morning(SEOUL)
    BidFactory(lead=daegu, title="Daegu shuttle bid",
               opportunity=OpportunityFactory(deadline=monday + datetime.timedelta(days=5)))
    for person in (ko, en):
        meeting = MeetingFactory(title_ko="교통 데이터 워크숍", title_en="Traffic data workshop",
                                 starts_at=monday_morning(person.time_zone)
                                 + datetime.timedelta(hours=6))
        Registration.objects.create(meeting=meeting, user=person,
                                    status=RegistrationStatus.CONFIRMED)
    return SimpleNamespace(ko=ko, en=en, daegu=daegu)


def test_each_reader_gets_it_on_their_monday_morning_in_their_language(city, on_commit):
    notify.set_preference(city.ko, notify.BID_ACTIVITY, Delivery.DIGEST)
    kept = notify.tell(city.ko, notify.BID_ACTIVITY, "portal/email/saved_search_alert",
                       {"title": "버스 노선", "items": []})
    with on_commit():
        assert digest.send_due(monday_morning(SEOUL)) == 1  # London is still on Sunday
    [korean] = mail.outbox
    assert korean.to == [city.ko.email]
    assert "주간 요약" in korean.subject
    for text in ("김민지", "자율주행 실증 지원", "Daegu shuttle bid", "교통 데이터 워크숍",
                 "12월 7일 오후 2:30", kept.subject_ko, "메일 설정"):
        assert text in korean.body, text
    assert "Traffic data workshop" not in korean.body
    kept.refresh_from_db()
    assert kept.mail == MailState.IN_DIGEST

    with on_commit():
        assert digest.send_due(monday_morning(LONDON)) == 1
    english = mail.outbox[1]
    assert english.to == [city.en.email]
    assert "Your weekly digest" in english.subject
    for text in ("Jane Doe", "Autonomous driving pilots", "Traffic data workshop", "2:30",
                 "Your meetings this week"):
        assert text in english.body, text
    assert "List-Unsubscribe" in english.extra_headers
    assert Notification.objects.filter(recipient=city.en, kind=notify.DIGEST).count() == 1


def test_at_most_once_a_week(city, on_commit):
    monday = monday_morning(SEOUL)
    with on_commit():
        assert digest.send_due(monday) == 1
        assert digest.send_due(monday + datetime.timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1
    assert DigestSent.objects.filter(person=city.ko).count() == 1


def test_not_on_other_days_or_in_the_afternoon(city, on_commit):
    monday = monday_morning(SEOUL)
    with on_commit():
        assert digest.send_due(monday - datetime.timedelta(days=1)) == 0
        assert digest.send_due(monday + datetime.timedelta(hours=6)) == 0
    assert mail.outbox == []


def test_nothing_to_say_sends_nothing(db, on_commit):
    loner = UserFactory(time_zone=SEOUL)
    with on_commit():
        assert digest.send_due(monday_morning(SEOUL)) == 0
    assert mail.outbox == []
    assert not DigestSent.objects.filter(person=loner).exists()
    assert not Notification.objects.filter(recipient=loner).exists()


def test_never_means_no_digest(city, on_commit):
    notify.set_preference(city.ko, notify.DIGEST, Delivery.NEVER)
    with on_commit():
        assert digest.send_due(monday_morning(SEOUL)) == 0
    assert mail.outbox == []
    assert not Notification.objects.filter(recipient=city.ko, kind=notify.DIGEST).exists()


def test_composing_takes_the_same_queries_for_two_people_or_many(city):
    monday = monday_morning(SEOUL)
    people = [city.ko, city.en]
    for n in range(20):
        people.append(MembershipFactory(organisation=city.daegu, user__time_zone=SEOUL).user)
    with CaptureQueriesContext(connection) as few:
        digest.compose(people[:2], monday)
    with CaptureQueriesContext(connection) as many:
        composed = digest.compose(people, monday)
    assert len(many) == len(few)
    assert all(d.opportunities for d in composed)


@pytest.mark.postgres
@pytest.mark.redis
def test_two_workers_running_it_at_once_send_each_digest_once(transactional_db, tmp_path):
    mobility = Theme.objects.create(slug="mobility", name_ko="모빌리티", name_en="Mobility")
    daegu = OrganisationFactory(slug="daegu")
    mobility.focused_organisations.add(daegu)
    people = [MembershipFactory(organisation=daegu, user__time_zone=SEOUL).user
              for _ in range(200)]
    OpportunityFactory().themes.add(mobility)
    processes = CeleryProcesses(tmp_path, DATABASE_URL=database_url_of_this_test_run())
    try:
        workers = [processes.start_worker("default") for _ in range(2)]
        client = processes.sender()
        at = monday_morning(SEOUL).isoformat()
        for _ in range(2):
            client.send_task("portal.tasks.send_weekly_digests", args=[at])
        for worker in workers:  # each worker took one run
            processes.wait_for_log(worker, "send_weekly_digests", timeout=120)
            processes.wait_for_log(worker, "succeeded in", timeout=120)
        sent = [int(re.search(r"succeeded in [\d.]+s: (\d+)", w.log.read_text())[1])
                for w in workers]
    finally:
        processes.stop()
    print(f"the two workers sent {sent} digests")
    assert sum(sent) == len(people)
    assert DigestSent.objects.count() == len(people)
    assert Notification.objects.filter(kind=notify.DIGEST).count() == len(people)
