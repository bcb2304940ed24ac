"""A month as a grid of weeks, Monday first, each day holding what falls on it: the meetings'
month view and the funding deadline calendar are both drawn from it."""

import calendar
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone


@dataclass
class Day:
    date: datetime.date
    in_month: bool  # False for the days of the weeks' ends in the months either side
    items: list = field(default_factory=list)


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

    @property
    def has_items(self) -> bool:
        return any(day.items for week in self.weeks for day in week if day.in_month)


def this_month() -> datetime.date:
    return timezone.localdate().replace(day=1)


def weeks_around(first: datetime.date) -> list[list[datetime.date]]:
    """The dates of the weeks (Monday first) that hold the month starting on ``first``."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)


def month_grid(first: datetime.date, items: Iterable[Any],
               day_of: Callable[[Any], datetime.date]) -> list[list[Day]]:
    """The weeks around ``first``, each day with the ``items`` whose ``day_of`` it is."""
    by_day: dict[datetime.date, list] = {}
    for item in items:
        by_day.setdefault(day_of(item), []).append(item)
    return [[Day(d, d.month == first.month, by_day.get(d, [])) for d in week]
            for week in weeks_around(first)]
