"""The deadline calendar: a month of opportunity deadlines, and the same deadlines as
iCalendar feeds (RFC 5545). Each deadline is carried in the funder's own time zone, with its
VTIMEZONE: a 23:59 deadline in Washington stays 23:59 in Washington in any calendar."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from common import site_url
from common.months import Month, month_grid, this_month, weeks_around

from .models import Bid, BidTask, FundingOpportunity

PRODID = "-//Smart City Consortium//Funding deadlines//EN"
FIRST_YEAR, LAST_YEAR = 2000, 2100


def parse_month(params: QueryDict) -> tuple[datetime.date, list[str]]:
    """``?year=2026&month=12`` as its first day; this month, and a message, for anything
    that is not a month."""
    today = this_month()
    year, month = params.get("year"), params.get("month")
    if year is None and month is None:
        return today, []
    try:
        first = datetime.date(int(year or today.year), int(month or today.month), 1)
    except (TypeError, ValueError):
        first = None
    if first is None or not FIRST_YEAR <= first.year <= LAST_YEAR:
        return today, [_("There is no such month; showing the current month instead.")]
    return first, []


def deadline_month(opportunities: QuerySet, first: datetime.date) -> Month:
    """The weeks (Monday first) around ``first``, each day with the deadlines falling on it
    by the funder's clock."""
    dates = weeks_around(first)
    # a day ahead and behind: any zone's date of a deadline is within a day of UTC's
    start = datetime.datetime.combine(dates[0][0] - datetime.timedelta(days=1),
                                      datetime.time(), datetime.UTC)
    end = datetime.datetime.combine(dates[-1][-1] + datetime.timedelta(days=2),
                                    datetime.time(), datetime.UTC)
    return Month(first, month_grid(first, opportunities.filter(deadline__gte=start,
                                                               deadline__lt=end),
                                   lambda opportunity: opportunity.local_deadline.date()))


def _page(path: str) -> str:
    return site_url.absolute(path)


def _deadline(opportunity: FundingOpportunity, summary: str, uid: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{settings.CALENDAR_DOMAIN}")
    event.add("dtstamp", opportunity.updated_at or timezone.now())
    event.add("dtstart", opportunity.local_deadline)
    event.add("dtend", opportunity.local_deadline)
    event.add("summary", summary)
    page = _page(opportunity.get_absolute_url())
    event.add("description", f"{opportunity.funder}\n\n{page}")
    event.add("url", page)
    event.add("status", "CONFIRMED")
    return event


def _task(task: BidTask) -> Event:
    event = Event()
    event.add("uid", f"bid-task-{task.pk}@{settings.CALENDAR_DOMAIN}")
    event.add("dtstamp", task.created_at or timezone.now())
    event.add("dtstart", task.due_on)  # a date: the task is due that whole day
    event.add("dtend", task.due_on + datetime.timedelta(days=1))
    event.add("summary", _("Task: %(task)s (%(bid)s)") % {"task": task.title,
                                                          "bid": task.bid.title})
    event.add("url", _page(task.bid.get_absolute_url()))
    return event


def _calendar(name: str, events: Iterable[Event]) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def opportunities_calendar(opportunities: Iterable[FundingOpportunity], name: str) -> Calendar:
    return _calendar(name, (
        _deadline(o, _("Deadline: %(programme)s") % {"programme": o.programme},
                  f"funding-deadline-{o.pk}")
        for o in opportunities))


def personal_calendar(bids: Iterable[Bid], tasks: Iterable[BidTask]) -> Calendar:
    deadlines = (_deadline(bid.opportunity, _("Deadline of the bid “%(bid)s”: %(programme)s")
                           % {"bid": bid.title, "programme": bid.opportunity.programme},
                           f"bid-deadline-{bid.pk}")
                 for bid in bids)
    return _calendar(_("My bids' deadlines"), [*deadlines, *map(_task, tasks)])
