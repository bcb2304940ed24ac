"""Turning a series' rule into meetings, a year ahead. A meeting keeps the occurrence the
rule gave it; staff may move, cancel or re-theme one (it is then "detached"). When the rule
changes, future meetings nobody changed by hand follow it: those the rule no longer yields go
(cancelled, if people had registered), new ones are added."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Meeting, MeetingSeries, MeetingStatus
from .services import register_subscribers

HORIZON = datetime.timedelta(days=365)


def _title(series: MeetingSeries, theme, language: str) -> str:
    name = getattr(series, f"title_{language}")
    return f"{name} · {getattr(theme, f'name_{language}')}" if theme else name


@transaction.atomic
def materialise(series: MeetingSeries, *, now: datetime.datetime | None = None,
                horizon: datetime.timedelta = HORIZON) -> int:
    """Create the meetings the rule yields between now and the horizon; returns how many."""
    now = now or timezone.now()
    first = datetime.datetime.combine(series.first_date, series.start_time, series.zone)
    # Counted from the first occurrence, so the rotation does not restart every run.
    starts = series.occurrences(first, now + horizon)
    meetings = {m.occurrence: m for m in series.meetings.filter(occurrence__isnull=False)}
    wanted = set()
    created = 0
    for index, start in enumerate(starts):
        if start < now:
            continue
        wanted.add(start)
        meeting = meetings.get(start)
        if meeting is not None:
            if not meeting.detached and meeting.ends_at != start + series.duration:
                meeting.ends_at = start + series.duration
                meeting.sequence += 1
                meeting.save(update_fields=["ends_at", "sequence", "updated_at"])
            continue
        theme = series.theme_for(index)
        local = start.astimezone(series.zone)
        slug = slugify(f"{series.slug}-{local:%Y-%m-%d}")
        if Meeting.objects.filter(slug=slug).exists():  # two on one day
            slug = f"{slug}-{local:%H%M}"
        meeting = Meeting.objects.create(
            series=series, occurrence=start, slug=slug,
            kind=series.kind, theme=theme, title_ko=_title(series, theme, "ko"),
            title_en=_title(series, theme, "en"), description_ko=series.description_ko,
            description_en=series.description_en, starts_at=start,
            ends_at=start + series.duration, time_zone=series.time_zone,
            venue_name=series.venue_name, address=series.address, map_url=series.map_url,
            online_url=series.online_url, capacity=series.capacity, audience=series.audience,
            organiser=series.organiser, requires_approval=series.requires_approval)
        register_subscribers(meeting)
        created += 1
    for occurrence, meeting in meetings.items():
        if occurrence >= now and occurrence not in wanted and not meeting.detached:
            _withdraw(meeting)
    return created


def _withdraw(meeting: Meeting) -> None:
    """The rule no longer yields this meeting: gone if nobody registered, else cancelled (so
    calendars and registrants see the cancellation)."""
    if not meeting.registrations.active().exists():
        meeting.delete()
        return
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.occurrence = None  # frees the slot should the rule yield it again
    meeting.save(update_fields=["status", "sequence", "occurrence", "updated_at"])
