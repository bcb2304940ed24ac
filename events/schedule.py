"""Turning a series' rule into meetings, a year ahead. A meeting keeps the occurrence the
rule gave it; staff may move, cancel or re-theme one (it is then "detached"). When the rule
changes, future meetings nobody changed by hand follow it: those the rule no longer yields go
(cancelled, if people had registered), new ones are added."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Meeting, MeetingSeries, MeetingStatus
from .services import register_subscribers, seats_changed

HORIZON = datetime.timedelta(days=365)


def _title(series: MeetingSeries, theme, language: str) -> str:
    name = getattr(series, f"title_{language}")
    return f"{name} · {getattr(theme, f'name_{language}')}" if theme else name


# What a meeting takes from its series, and keeps following until staff edit it by hand.
FOLLOWED_FIELDS = ("kind", "audience", "organiser_id", "venue_name", "address", "map_url",
                   "online_url", "capacity", "requires_approval", "time_zone")


@transaction.atomic
def materialise(series: MeetingSeries, *, now: datetime.datetime | None = None,
                horizon: datetime.timedelta = HORIZON) -> int:
    """Create the meetings the rule yields between now and the horizon, bring untouched
    ones in line with the series, and withdraw those the rule no longer yields; returns how
    many were created."""
    series = MeetingSeries.objects.select_for_update().get(pk=series.pk)  # one run at a time
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
        if meeting is None:
            meeting = _create(series, start, series.theme_for(index))
            register_subscribers(meeting)
            created += 1
        elif not meeting.detached:
            _follow(series, meeting, start)
    for occurrence, meeting in meetings.items():
        if occurrence >= now and occurrence not in wanted and not meeting.detached:
            _withdraw(meeting)
    return created


def _create(series: MeetingSeries, start: datetime.datetime, theme) -> Meeting:
    local = start.astimezone(series.zone)
    slug = base = slugify(f"{series.slug}-{local:%Y-%m-%d}")
    suffix = 2
    while Meeting.objects.filter(slug=slug).exists():  # two on one day, or a withdrawn one
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return Meeting.objects.create(
        series=series, occurrence=start, slug=slug, theme=theme,
        title_ko=_title(series, theme, "ko"), title_en=_title(series, theme, "en"),
        description_ko=series.description_ko, description_en=series.description_en,
        starts_at=start, ends_at=start + series.duration,
        **{field: getattr(series, field) for field in FOLLOWED_FIELDS})


def _follow(series: MeetingSeries, meeting: Meeting, start: datetime.datetime) -> None:
    """An untouched meeting takes the series' current duration, place, link and seats; a
    change raises its calendar SEQUENCE, and new seats go to the waiting list."""
    wanted = {field: getattr(series, field) for field in FOLLOWED_FIELDS}
    wanted["ends_at"] = start + series.duration
    changed = [field for field, value in wanted.items() if getattr(meeting, field) != value]
    if not changed:
        return
    for field in changed:
        setattr(meeting, field, wanted[field])
    meeting.sequence += 1
    meeting.save(update_fields=[*changed, "sequence", "updated_at"])
    if "capacity" in changed:
        seats_changed(meeting)


def _withdraw(meeting: Meeting) -> None:
    """The rule no longer yields this meeting: gone if nobody registered, else cancelled (so
    calendars and registrants see the cancellation)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.registrations.active().exists():
        meeting.delete()
        return
    meeting.status = MeetingStatus.CANCELLED
    meeting.sequence += 1
    meeting.occurrence = None  # frees the slot should the rule yield it again
    meeting.save(update_fields=["status", "sequence", "occurrence", "updated_at"])
