"""Time zones as people pick them: a select with the zones the consortium meets in first
(its cities and US regional consortia), then every zone the system knows; and a typed wall
clock read in the zone of what it belongs to, not the reader's."""

import datetime
import zoneinfo
from functools import cache

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMON_ZONES = ["Asia/Seoul", "America/Denver", "America/Phoenix", "America/Chicago",
                "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Paris",
                "Europe/Berlin", "Europe/Helsinki", "UTC"]


def _label(name: str, at: datetime.datetime) -> str:
    offset = at.astimezone(zoneinfo.ZoneInfo(name)).strftime("%z")
    return f"{name} (UTC{offset[:3]}:{offset[3:]})"


@cache
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones() - set(COMMON_ZONES)))


def zone_choices() -> list[tuple]:
    """Grouped choices for a select: the common zones, then all the others, each with its
    offset from UTC today."""
    now = timezone.now()
    return [
        (_("Common time zones"), [(name, _label(name, now)) for name in COMMON_ZONES]),
        (_("All time zones"), [(name, _label(name, now)) for name in _all_zones()]),
    ]


def in_zone(typed: datetime.datetime, zone: str) -> datetime.datetime:
    """A date and time typed as a wall clock (the form read it in the reader's zone) put in
    ``zone``: 15:00 typed for a meeting in Seoul is 15:00 in Seoul, whoever types it."""
    naive = timezone.make_naive(typed) if timezone.is_aware(typed) else typed
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(zone))


def wall_clock(instant: datetime.datetime, zone: str) -> datetime.datetime:
    """The naive wall clock of ``instant`` in ``zone``, to show in a form's field."""
    return instant.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)
