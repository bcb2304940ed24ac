"""The weekly digest for many people: time and queries, in total and per person.

    DATABASE_URL=postgres://... .venv/bin/python tests/bench/bench_digest.py [--people 1000 10000]

Runs in a throwaway test database (PostgreSQL when DATABASE_URL says so), made in bulk: 100
cities focused on a theme each, every person a member of one with a notification kept for
the digest, a meeting this week, a task due and a new funding call in their city's theme.
Sends Monday morning's digests to the first 1,000, then to all of 10,000, and prints the
figures; queries per person should not grow with people. With CELERY_BROKER_URL the mail is
queued on Redis for the mail workers, as in production (under a key prefix of its own,
deleted afterwards); without, it is delivered at once to the in-memory backend.
"""

import argparse
import datetime
import logging
import os
import sys
import time
import zoneinfo
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django
import redis

django.setup()

from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.models import Meeting, Registration, RegistrationStatus  # noqa: E402
from funding.models import Bid, BidTask, FundingOpportunity  # noqa: E402
from members.models import MailState, Membership, MembershipStatus, Notification, Organisation, User  # noqa: E402
from portal import digest  # noqa: E402
from portal.celery import app  # noqa: E402
from portal.models import DigestSent  # noqa: E402
from solutions_catalog.models import Theme  # noqa: E402

CITIES = 100
PREFIX = "bench-digest:"


def monday_morning() -> datetime.datetime:
    local = timezone.now().astimezone(zoneinfo.ZoneInfo("Asia/Seoul"))
    monday = local.date() + datetime.timedelta(days=7 - local.weekday())
    return datetime.datetime.combine(monday, datetime.time(8, 30), local.tzinfo)


def build_network(monday: datetime.datetime) -> dict:

    themes = Theme.objects.bulk_create(
        Theme(slug=f"theme-{n}", name_ko=f"주제 {n}", name_en=f"Theme {n}") for n in range(5))
    cities = Organisation.objects.bulk_create(
        Organisation(slug=f"city-{n}", kind="city", name_ko=f"도시 {n}", name_en=f"City {n}",
                     country="KR", membership_status=MembershipStatus.ACTIVE)
        for n in range(CITIES))
    Theme.focused_organisations.through.objects.bulk_create(
        Theme.focused_organisations.through(theme=themes[n % 5], organisation=city)
        for n, city in enumerate(cities))
    for n, theme in enumerate(themes):
        call = FundingOpportunity.objects.create(
            slug=f"call-{n}", programme_ko=f"공모 {n}", programme_en=f"Call {n}",
            funder_ko="국토교통부", funder_en="Ministry", funder_type="national",
            currency="KRW", max_award=10**9, status="open",
            deadline=monday + datetime.timedelta(days=40))
        call.themes.add(theme)
    soon = FundingOpportunity.objects.create(
        slug="soon", programme_ko="마감 임박", programme_en="Closing soon", funder_ko="기관",
        funder_en="Agency", funder_type="national", currency="KRW", max_award=10**9,
        status="open", deadline=monday + datetime.timedelta(days=5))
    bids = Bid.objects.bulk_create(
        Bid(opportunity=soon, title=f"Bid of city {n}", lead=city, requested_amount=10**8)
        for n, city in enumerate(cities))
    meetings = Meeting.objects.bulk_create(
        Meeting(slug=f"meeting-{n}", title_ko=f"회의 {n}", title_en=f"Meeting {n}",
                starts_at=monday + datetime.timedelta(days=1, hours=n),
                ends_at=monday + datetime.timedelta(days=1, hours=n + 1), capacity=100000)
        for n in range(10))
    return {"cities": cities, "bids": bids, "meetings": meetings}


def add_people(network: dict, start: int, stop: int, monday: datetime.datetime) -> None:

    people = User.objects.bulk_create(
        User(email=f"person{n}@city.example", password="!", time_zone="Asia/Seoul",
             preferred_language="ko" if n % 2 else "en", display_name_en=f"Person {n}",
             display_name_ko=f"사람 {n}") for n in range(start, stop))
    cities, bids = network["cities"], network["bids"]
    Membership.objects.bulk_create(
        Membership(user=p, organisation=cities[p.pk % CITIES]) for p in people)
    Notification.objects.bulk_create(
        Notification(recipient=p, kind="bid_activity", subject_ko="입찰 상태가 바뀌었습니다",
                     subject_en="A bid changed status", url_ko="/funding/bids/",
                     url_en="/en/funding/bids/", mail=MailState.AWAITING_DIGEST)
        for p in people)
    Registration.objects.bulk_create(
        Registration(meeting=network["meetings"][p.pk % 10], user=p,
                     status=RegistrationStatus.CONFIRMED) for p in people)
    BidTask.objects.bulk_create(
        BidTask(bid=bids[p.pk % CITIES], owner=p, title=f"Budget of {p.pk}",
                due_on=monday.date() + datetime.timedelta(days=3)) for p in people)


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def run(people: int, monday: datetime.datetime) -> None:

    mail.outbox = []
    queued = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"]) if _queued() else None
    before = queued.llen(f"{PREFIX}mail") if queued else 0
    counter = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        sent = digest.send_due(monday)
    took = time.perf_counter() - started
    mails = queued.llen(f"{PREFIX}mail") - before if queued else len(mail.outbox)
    print(f"{people:6} people: {sent:6} digests sent, {mails:6} mails, "
          f"{took:6.1f} s ({took / people * 1000:5.2f} ms/person), "
          f"{counter.count:6} queries ({counter.count / people:4.2f}/person)")


def _queued() -> bool:
    return bool(os.environ.get("CELERY_BROKER_URL"))


def queue_mail_on_redis() -> None:

    app.conf.task_always_eager = False
    app.conf.broker_transport_options = {**app.conf.broker_transport_options,
                                         "global_keyprefix": PREFIX}


def forget_queued_mail() -> None:
    client = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
    keys = list(client.scan_iter(f"{PREFIX}*"))
    if keys:
        client.delete(*keys)


def reset() -> None:
    """Everyone due again: as if last Monday had not happened."""

    DigestSent.objects.all().delete()
    Notification.objects.filter(kind="digest").delete()
    Notification.objects.update(mail=MailState.AWAITING_DIGEST)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    logging.getLogger("celery").setLevel(logging.WARNING)  # a line per mail otherwise
    setup_test_environment()
    print(f"database: {connection.vendor}; mail "
          + ("queued on Redis" if _queued() else "delivered at once in memory"))
    if _queued():
        queue_mail_on_redis()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        monday = monday_morning()
        network = build_network(monday)
        have = 0
        for people in sorted(args.people):
            started = time.perf_counter()
            add_people(network, have, people, monday)
            have = people
            print(f"{people} people made in {time.perf_counter() - started:.1f} s")
            reset()
            run(people, monday)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if _queued():
            forget_queued_mail()


if __name__ == "__main__":
    main()
