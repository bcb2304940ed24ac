"""What waits for consortium staff, on their dashboard: reviews, applications, registrations
to approve, deployment claims nobody confirmed, minutes due, bids closing with tasks open and
translations asked for. Composition only: each count is a queryset method of its own app;
this module says where staff act on each, one query per line of the queue."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet, Window
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from events.models import Meeting, Registration
from funding.models import Bid
from members.models import OrganisationApplication
from solutions_catalog.models import CaseStudyPage, Deployment

SHOWN = 3  # items named under each line; the count says how many there are in all
CLAIMS_WAIT_DAYS = 14  # a deployment claim the city left alone this long needs a nudge
MINUTES_DUE_DAYS = 7  # minutes are due this long after a meeting ends
BIDS_CLOSING_DAYS = 14


@dataclass(frozen=True)
class Choice:
    """A button of an item's one-step form: posts ``name=value``."""

    name: str
    value: str
    label: Promise


@dataclass(frozen=True)
class Item:
    text: str
    url: str  # where staff act on this one
    note: str = ""
    action: str = ""  # a form's address when staff can decide right here
    choices: tuple[Choice, ...] = ()
    when: datetime.datetime | None = None  # a deadline


@dataclass(frozen=True)
class Waiting:
    key: str
    label: Promise
    link_text: Promise
    url: str  # where staff act on all of them
    count: int
    items: list[Item] = field(default_factory=list)


def _first(queryset: QuerySet, n: int = SHOWN) -> tuple[int, list]:
    """The first ``n`` rows and how many there are in all, in one query (the total is a
    window over the whole result, computed before the limit)."""
    rows = list(queryset.annotate(waiting_total=Window(Count("pk")))[:n])
    return (rows[0].waiting_total if rows else 0), rows


def _reviews() -> Waiting:
    count, pages = _first(CaseStudyPage.objects.awaiting_review())
    return Waiting(
        "reviews", _("Case studies awaiting review"), _("Review in the administration"),
        reverse("wagtailadmin_home"), count,
        [Item(page.draft_title, reverse("wagtailadmin_pages:edit", args=[page.pk]),
              page.city.name) for page in pages])


def _applications() -> Waiting:
    count, applications = _first(OrganisationApplication.objects.pending())
    return Waiting(
        "applications", _("Membership applications"), _("Review applications"),
        reverse("members:applications"), count,
        [Item(_name_of(application), reverse("members:application", args=[application.pk]),
              application.get_kind_display()) for application in applications])


def _name_of(application: OrganisationApplication) -> str:
    korean = get_language() == "ko" and application.name_ko
    return application.name_ko if korean else application.name_en


def _registrations() -> Waiting:
    count, registrations = _first(Registration.objects.awaiting_approval())
    approve = (Choice("approve", "1", _("Approve")), Choice("approve", "0", _("Decline")))
    items = [Item(registration.user.display_name,
                  reverse("events:attendees", args=[registration.meeting.slug]),
                  registration.meeting.title,
                  reverse("events:decide", args=[registration.meeting.slug, registration.pk]),
                  approve)
             for registration in registrations]
    return Waiting("registrations", _("Registrations awaiting approval"),
                   _("See the meeting's attendees"), items[0].url if items else "", count, items)


def _claims() -> Waiting:
    count, claims = _first(Deployment.objects.unconfirmed_for(days=CLAIMS_WAIT_DAYS))
    decide = (Choice("decision", "confirm", _("Confirm")),
              Choice("decision", "decline", _("Decline")))
    items = [Item(f"{claim.offering.name} · {claim.offering.vendor.name}",
                  claim.offering.get_absolute_url(), claim.case_study.city.name,
                  reverse("catalogue:decide_deployment", args=[claim.pk]), decide)
             for claim in claims]
    return Waiting("claims", _("Deployment claims unconfirmed for 14 days"),
                   _("See the offering"), items[0].url if items else "", count, items)


def _minutes() -> Waiting:
    count, meetings = _first(Meeting.objects.minutes_overdue(days=MINUTES_DUE_DAYS))
    items = [Item(meeting.title, reverse("wagtailsnippets_events_meeting:edit",
                                         args=[meeting.pk]))
             for meeting in meetings]
    return Waiting("minutes", _("Meetings ended over 7 days ago without minutes"),
                   _("Write and publish the minutes"), items[0].url if items else "",
                   count, items)


def _bids() -> Waiting:
    count, bids = _first(Bid.objects.closing_within(days=BIDS_CLOSING_DAYS).with_open_tasks()
                         .by_deadline())
    return Waiting(
        "bids", _("Bids closing within 14 days with open tasks"), _("See the bids"),
        reverse("funding:bids"), count,
        [Item(bid.title, bid.get_absolute_url(),
              ngettext("%(count)d open task", "%(count)d open tasks", bid.open_tasks)
              % {"count": bid.open_tasks}, when=bid.opportunity.deadline) for bid in bids])


def _translations() -> Waiting:
    count, pages = _first(CaseStudyPage.objects.translation_requested().select_related("city"))
    return Waiting(
        "translations", _("Case studies waiting for translation"),
        _("Open the translation queue"), reverse("solutions_catalog_translation_queue"), count,
        [Item(page.title, reverse("wagtailadmin_pages:edit", args=[page.pk]), page.city.name)
         for page in pages])


LINES: tuple[Callable[[], Waiting], ...] = (
    _reviews, _applications, _registrations, _claims, _minutes, _bids, _translations)


def work_queue() -> list[Waiting]:
    """Every line of staff's queue, empty ones included (a zero is news too)."""
    return [line() for line in LINES]
