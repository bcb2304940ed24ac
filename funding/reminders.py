"""Deadline reminders 14, 7 and 2 days ahead: of an opportunity's deadline, to the team of
each bid still being prepared for it, and of an open task's due date, to its owner.

Days are counted on the recipient's calendar: from their local today (``User.time_zone``) to
the deadline's date in their zone (a task's ``due_on`` is already a date). A reminder goes
only on the day when exactly 14, 7 or 2 days are left: a run that misses that day (the worker
was down) sends nothing late, so nobody reads "14 days left" with 13 to go. Each (person,
deadline, days) is recorded in ``FundingReminderSent`` in the transaction that queues its
e-mail, so the hourly task, run twice or all day, sends every reminder once."""

import datetime
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from members import notify
from members.models import Membership, User

from .models import (
    FINAL,
    PREPARING,
    Bid,
    BidPartner,
    BidTask,
    FundingOpportunity,
    FundingReminderSent,
    OpportunityStatus,
)

DAYS_BEFORE = (14, 7, 2)
TEMPLATE = "funding/email/deadline"


def days_left(deadline: datetime.datetime | datetime.date, user: User,
              now: datetime.datetime) -> int:
    """Calendar days from ``user``'s local today to ``deadline`` (a UTC moment, seen in the
    user's zone, or a date)."""
    zone = zoneinfo.ZoneInfo(user.time_zone)
    if isinstance(deadline, datetime.datetime):
        deadline = deadline.astimezone(zone).date()
    return (deadline - now.astimezone(zone).date()).days


def send_funding_reminders(now: datetime.datetime | None = None) -> int:
    """Send the reminders due at ``now`` (default: now); returns how many were sent."""
    now = now or timezone.now()
    return _opportunity_reminders(now) + _task_reminders(now)


def _opportunity_reminders(now: datetime.datetime) -> int:
    # In any zone, 14 calendar days left is less than 16 days away (a daylight-saving change
    # included).
    horizon = now + datetime.timedelta(days=max(DAYS_BEFORE) + 2)
    bids = list(Bid.objects.filter(
        status__in=PREPARING, opportunity__deadline__gt=now,
        opportunity__deadline__lte=horizon,
    ).exclude(opportunity__status=OpportunityStatus.CLOSED)
        .select_related("opportunity").order_by("opportunity__deadline", "pk"))
    teams = _teams(bids)
    # One reminder per person and opportunity, naming every bid of theirs on it.
    recipients: dict[tuple[FundingOpportunity, User], list[Bid]] = defaultdict(list)
    for bid in bids:
        for person in teams[bid.pk]:
            recipients[bid.opportunity, person].append(bid)
    sent = _already_sent(f"opportunity:{bid.opportunity_id}" for bid in bids)
    count = 0
    for (opportunity, person), their_bids in recipients.items():
        days = days_left(opportunity.deadline, person, now)
        subject = f"opportunity:{opportunity.pk}"
        if days in DAYS_BEFORE and (person.pk, subject, days) not in sent:
            count += _send_once(person, subject, days, {
                "opportunity": opportunity, "bids": their_bids})
    return count


def _task_reminders(now: datetime.datetime) -> int:
    # Every zone's today is within a day of UTC's.
    today = now.astimezone(datetime.UTC).date()
    tasks = list(BidTask.objects.filter(
        done_at__isnull=True, owner__is_active=True,
        due_on__gte=today + datetime.timedelta(days=min(DAYS_BEFORE) - 1),
        due_on__lte=today + datetime.timedelta(days=max(DAYS_BEFORE) + 1),
    ).exclude(bid__status__in=FINAL)
        .select_related("owner", "bid__opportunity").order_by("due_on", "pk"))
    sent = _already_sent(f"task:{task.pk}" for task in tasks)
    teams = _teams(list({task.bid for task in tasks}))
    count = 0
    for task in tasks:
        if task.owner not in teams[task.bid_id]:
            continue  # the owner has left the team since
        days = days_left(task.due_on, task.owner, now)
        subject = f"task:{task.pk}"
        if days in DAYS_BEFORE and (task.owner_id, subject, days) not in sent:
            count += _send_once(task.owner, subject, days, {
                "task": task, "opportunity": task.bid.opportunity, "bids": [task.bid]})
    return count


def _teams(bids: list[Bid]) -> dict[int, set[User]]:
    """``services.team_people`` for many bids in two queries (the same current
    memberships of each bid's lead and partner organisations)."""
    organisations = {bid.pk: {bid.lead_id} for bid in bids}
    for bid_id, organisation_id in BidPartner.objects.filter(bid__in=bids).values_list(
            "bid_id", "organisation_id"):
        organisations[bid_id].add(organisation_id)
    people: dict[int, set[User]] = defaultdict(set)
    for membership in Membership.objects.current().filter(
            organisation_id__in=set().union(*organisations.values())).select_related("user"):
        people[membership.organisation_id].add(membership.user)
    return {bid_id: set().union(*(people[o] for o in orgs))
            for bid_id, orgs in organisations.items()}


def _already_sent(subjects: Iterable[str]) -> set[tuple[int, str, int]]:
    return set(FundingReminderSent.objects.filter(subject__in=set(subjects)).values_list(
        "user_id", "subject", "days_before"))


def _link(context: dict) -> str:
    """A task's bid; an opportunity's page when the reminder names several bids."""
    bids = context["bids"]
    return (bids[0] if len(bids) == 1 else context["opportunity"]).get_absolute_url()


def _send_once(person: User, subject: str, days: int, context: dict) -> bool:
    try:
        with transaction.atomic():
            FundingReminderSent.objects.create(user=person, subject=subject, days_before=days)
            notify.tell(person, notify.DEADLINE, TEMPLATE,
                        {**context, "user": person, "days": days}, url=_link(context))
    except IntegrityError:
        return False  # another run sent it meanwhile
    return True
