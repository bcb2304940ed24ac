"""The weekly digest: for each person, in their language, what was kept for it and what
happened or is coming for them (each section a queryset of its own app). Composed a batch
of people at a time in a fixed number of queries (``compose``), and sent by ``send_due``
on Monday morning in each person's time zone, once per ISO week: the ``DigestSent`` row is
claimed in the transaction that tells the person, so a second run at once sends nothing."""

import datetime
import zoneinfo
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration
from funding.models import Bid, BidTask, FundingOpportunity
from members import notify
from members.models import Delivery as MailDelivery
from members.models import (
    MailPreference,
    MailState,
    Membership,
    Notification,
    OrganisationKind,
    User,
)
from solutions_catalog.following import new_adoptions
from solutions_catalog.models import CaseStudyPage, Theme

from .alerts import titles
from .models import DigestSent, SavedSearchMatch

BATCH = 500
MORNING = range(8, 12)  # local hours of Monday in which the digest goes (a missed run retries)
LOOK_BACK = datetime.timedelta(weeks=1)
LOOK_AHEAD = datetime.timedelta(weeks=2)  # deadlines of bids and tasks
LANGUAGES = ("ko", "en")
SECTIONS = ("notifications", "matches", "case_studies", "adoptions", "opportunities", "bids",
            "tasks", "meetings")


@dataclass
class Digest:
    person: User
    week: str
    notifications: list = field(default_factory=list)
    matches: list = field(default_factory=list)  # (saved search's title, [matches])
    case_studies: list = field(default_factory=list)
    adoptions: list = field(default_factory=list)  # (adoption, the case study as read here)
    opportunities: list = field(default_factory=list)
    bids: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    meetings: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in SECTIONS)

    @property
    def count(self) -> int:
        return sum(len(getattr(self, name)) for name in SECTIONS)


def week_of(moment: datetime.datetime, zone: str) -> str:
    year, week, _day = moment.astimezone(zoneinfo.ZoneInfo(zone)).isocalendar()
    return f"{year}-W{week:02d}"


def due_people(now: datetime.datetime) -> Iterator[list[User]]:
    """Batches of the active people for whom it is Monday morning, who have not had this
    week's digest and did not choose "never" for it."""
    people = User.objects.filter(is_active=True)
    zones = [zone for zone in people.values_list("time_zone", flat=True).distinct()
             if _monday_morning(now, zone)]
    if not zones:
        return
    week = week_of(now, zones[0])  # every zone in its Monday morning is in the same week
    never = MailPreference.objects.filter(person=OuterRef("pk"), kind=notify.DIGEST,
                                          delivery=MailDelivery.NEVER)
    due = (people.filter(time_zone__in=zones).exclude(Exists(never))
           .exclude(digests_sent__week=week).order_by("pk"))
    last = 0
    while batch := list(due.filter(pk__gt=last)[:BATCH]):
        yield batch
        last = batch[-1].pk


def _monday_morning(now: datetime.datetime, zone: str) -> bool:
    local = now.astimezone(zoneinfo.ZoneInfo(zone))
    return local.isoweekday() == 1 and local.hour in MORNING


def compose(people: list[User], now: datetime.datetime) -> list[Digest]:
    """The digests of ``people``: a fixed number of queries whatever their number."""
    since = now - LOOK_BACK
    digests = {p.pk: Digest(p, week_of(now, p.time_zone)) for p in people}
    orgs, cities = defaultdict(set), defaultdict(set)
    for user_id, org_id, kind in Membership.objects.current().filter(
            user__in=people).values_list("user_id", "organisation_id", "organisation__kind"):
        orgs[user_id].add(org_id)
        if kind == OrganisationKind.CITY:
            cities[user_id].add(org_id)
    all_orgs = set().union(*orgs.values())
    focus = defaultdict(set)
    for org_id, theme_id in Theme.focused_organisations.through.objects.filter(
            organisation_id__in=all_orgs).values_list("organisation_id", "theme_id"):
        focus[org_id].add(theme_id)

    for note in Notification.objects.awaiting_digest().filter(recipient__in=people) \
            .order_by("created_at", "pk"):
        digests[note.recipient_id].notifications.append(note)
    _add_matches(digests, people)
    _add_case_studies(digests, cities, focus, since)
    _add_adoptions(digests, people, since)
    _add_opportunities(digests, orgs, focus, since)
    _add_deadlines(digests, people, orgs, now)
    for registration in Registration.objects.of_people_between(people, now, now + LOOK_BACK
                                                               + datetime.timedelta(days=1)):
        digest = digests[registration.user_id]
        if registration.meeting.starts_at < _next_monday(now, digest.person.time_zone):
            digest.meetings.append(registration.meeting)
    return list(digests.values())


def _next_monday(now: datetime.datetime, zone: str) -> datetime.datetime:
    local = now.astimezone(zoneinfo.ZoneInfo(zone))
    monday = local.date() + datetime.timedelta(days=7 - local.weekday())
    return datetime.datetime.combine(monday, datetime.time(), local.tzinfo)


def _add_matches(digests: dict[int, Digest], people: list[User]) -> None:
    by_search = defaultdict(list)
    for match in SavedSearchMatch.objects.waiting_for_digest().filter(
            saved_search__owner__in=people, saved_search__stopped=False) \
            .select_related("saved_search").order_by("saved_search_id", "found_at", "pk"):
        by_search[match.saved_search].append(match)
    named = {}
    for language in LANGUAGES:
        with translation.override(language):
            named[language] = titles(list(by_search))
    for search, matches in by_search.items():
        digest = digests[search.owner_id]
        digest.matches.append((named[digest.person.preferred_language][search.pk], matches))


def _add_case_studies(digests: dict[int, Digest], cities: dict, focus: dict,
                      since: datetime.datetime) -> None:
    themes_of = {user_id: set().union(*(focus[c] for c in ids)) for user_id, ids in cities.items()}
    wanted = set().union(*themes_of.values())
    if not wanted:
        return
    for language in LANGUAGES:
        pages = (CaseStudyPage.objects.for_reader(language).published_since(since)
                 .filter(themes__in=wanted).distinct().prefetch_related("themes")
                 .order_by("-first_published_at", "pk"))
        pages = [(page, {t.pk for t in page.themes.all()}) for page in pages]
        for user_id, themes in themes_of.items():
            digest = digests[user_id]
            if digest.person.preferred_language == language:
                digest.case_studies = [page for page, on in pages
                                       if on & themes and page.city_id not in cities[user_id]]


def _add_adoptions(digests: dict[int, Digest], people: list[User],
                   since: datetime.datetime) -> None:
    for user_id, found in new_adoptions(people, since).items():
        digests[user_id].adoptions = found


def _add_opportunities(digests: dict[int, Digest], orgs: dict, focus: dict,
                       since: datetime.datetime) -> None:
    themes_of = {user_id: set().union(*(focus[o] for o in ids)) for user_id, ids in orgs.items()}
    wanted = set().union(*themes_of.values())
    if not wanted:
        return
    calls = (FundingOpportunity.objects.announced_since(since).filter(themes__in=wanted)
             .distinct().prefetch_related("themes").order_by("deadline", "pk"))
    calls = [(call, {t.pk for t in call.themes.all()}) for call in calls]
    for user_id, themes in themes_of.items():
        # people with a current membership are members: they see members-only calls
        digests[user_id].opportunities = [call for call, on in calls if on & themes]


def _add_deadlines(digests: dict[int, Digest], people: list[User], orgs: dict,
                   now: datetime.datetime) -> None:
    all_orgs = set().union(*orgs.values())
    bids = (Bid.objects.of_organisations(all_orgs).due_between(now, now + LOOK_AHEAD)
            .select_related("opportunity").prefetch_related("partners")
            .order_by("opportunity__deadline", "pk"))
    for bid in bids:
        team = {bid.lead_id, *(p.organisation_id for p in bid.partners.all())}
        for user_id, ids in orgs.items():
            if ids & team:
                digests[user_id].bids.append(bid)
    today = now.date()
    for task in BidTask.objects.due_for(people, today, today + LOOK_AHEAD).order_by("due_on",
                                                                                    "pk"):
        digests[task.owner_id].tasks.append(task)


def send(digests: list[Digest], now: datetime.datetime) -> int:
    """Tell each person of ``digests`` theirs, unless another run already claimed it this
    week; returns how many were sent. One transaction per batch (one commit, not one per
    person); a claim held by a run at once waits for it and is then skipped."""
    sent = []
    with transaction.atomic():
        for digest in digests:
            try:
                with transaction.atomic():
                    DigestSent.objects.create(person=digest.person, week=digest.week)
            except IntegrityError:
                continue
            notify.tell(digest.person, notify.DIGEST, "portal/email/weekly_digest",
                        {"digest": digest}, url=reverse("members:notifications"))
            sent.append(digest)
        Notification.objects.filter(
            pk__in=[n.pk for d in sent for n in d.notifications]).update(mail=MailState.IN_DIGEST)
        SavedSearchMatch.objects.filter(
            pk__in=[m.pk for d in sent for _title, matches in d.matches for m in matches]
        ).update(alerted_at=now)
    return len(sent)


def send_due(now: datetime.datetime | None = None) -> int:
    """Send the digests due at ``now``; returns how many were sent."""
    now = now or timezone.now()
    return sum(send([d for d in compose(batch, now) if d], now) for batch in due_people(now))
