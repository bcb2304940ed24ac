"""A month of meetings as a grid of weeks (Monday first), in the viewer's time zone: the
signed-in person's own zone, else the site's (``UserTimeZoneMiddleware`` activates it)."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from common.months import Month, month_grid, this_month, weeks_around

FIRST_YEAR, LAST_YEAR = 1900, 2200  # the grid reaches into the months either side


@dataclass
class MeetingMonth(Month):
    zone: str = ""  # the viewer's time zone, in which every meeting is placed
    filters: str = ""  # the list's other filters (theme, kind...), kept from month to month

    @property
    def previous_query(self) -> str:
        return self._query(self.previous)

    @property
    def next_query(self) -> str:
        return self._query(self.next)

    def _query(self, first: datetime.date) -> str:
        return f"view=month&month={first:%Y-%m}" + (f"&{self.filters}" if self.filters else "")


def parse_month(value: str | None) -> datetime.date:
    """``2026-12`` as its first day; this month when none is asked for. Anything else
    (month 13, year 99999, words) raises ``ValueError``."""
    if not value:
        return this_month()
    year, _dash, month = value.partition("-")
    if not (year.isdigit() and month.isdigit() and len(year) == 4 and len(month) <= 2):
        raise ValueError(value)
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise ValueError(value)
    return datetime.date(int(year), int(month), 1)  # ValueError for a month outside 1–12


def other_filters(params: QueryDict) -> str:
    """The query without the view, the month and the page: the filters to keep."""
    rest = params.copy()
    for key in ("view", "month", "page"):
        rest.pop(key, None)
    return rest.urlencode()


def month_of(meetings: QuerySet, first: datetime.date, filters: str = "") -> MeetingMonth:
    dates = weeks_around(first)
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(dates[0][0], datetime.time(), zone)
    end = datetime.datetime.combine(dates[-1][-1] + datetime.timedelta(days=1),
                                    datetime.time(), zone)
    weeks = month_grid(first, meetings.filter(starts_at__gte=start, starts_at__lt=end),
                       lambda meeting: timezone.localtime(meeting.starts_at).date())
    return MeetingMonth(first, weeks, timezone.get_current_timezone_name(), filters)
