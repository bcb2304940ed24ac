"""A month of meetings as a grid of weeks (Monday first), in the viewer's time zone."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    meetings: list = field(default_factory=list)


@dataclass
class Month:
    first: datetime.date
    weeks: list[list[Day]]

    @property
    def previous(self) -> datetime.date:
        return (self.first - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> datetime.date:
        return (self.first + datetime.timedelta(days=32)).replace(day=1)


def parse_month(value: str | None) -> datetime.date:
    """``2026-12`` as its first day; this month for anything else."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if 1900 <= year <= 2200:  # the grid reaches into the months either side
            return datetime.date(year, month, 1)
    except ValueError:
        pass
    return timezone.localdate().replace(day=1)


def month_of(meetings: QuerySet, first: datetime.date) -> Month:
    dates = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(dates[0][0], datetime.time(), zone)
    end = datetime.datetime.combine(dates[-1][-1] + datetime.timedelta(days=1),
                                    datetime.time(), zone)
    by_day: dict[datetime.date, list] = {}
    for meeting in meetings.filter(starts_at__gte=start, starts_at__lt=end):
        by_day.setdefault(timezone.localtime(meeting.starts_at).date(), []).append(meeting)
    return Month(first, [[Day(d, d.month == first.month, by_day.get(d, [])) for d in week]
                         for week in dates])
