"""A series' rule becomes meetings a year ahead, in the series' own wall-clock time, with
themes rotating; a changed rule moves only the meetings nobody changed by hand."""

import datetime
import zoneinfo

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError

from events.models import Meeting, MeetingSeries, SeriesTheme
from events.schedule import materialise
from solutions_catalog.models import Theme
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
NOW = datetime.datetime(2026, 11, 22, tzinfo=datetime.UTC)
THEMES = ["connectivity", "cybersecurity", "mobility", "sustainability", "resilience"]


def series(**fields) -> MeetingSeries:
    values = dict(slug="nscp-monthly", title_ko="정기 주제 회의", title_en="Monthly theme meeting",
                  recurrence="FREQ=MONTHLY;BYDAY=2TU", first_date=datetime.date(2026, 1, 13),
                  start_time=datetime.time(10, 0), time_zone="Asia/Seoul")
    made = MeetingSeries.objects.create(**(values | fields))
    for position, slug in enumerate(THEMES):
        theme, _ = Theme.objects.get_or_create(slug=slug, defaults={"name_ko": slug,
                                                                   "name_en": slug.title()})
        SeriesTheme.objects.create(series=made, theme=theme, sort_order=position)
    return made


def test_a_year_of_second_tuesdays_at_ten_in_seoul_with_rotating_themes():
    monthly = series()
    assert materialise(monthly, now=NOW) == 12
    meetings = list(monthly.meetings.order_by("starts_at"))
    expected = rrulestr("FREQ=MONTHLY;BYDAY=2TU", dtstart=datetime.datetime(2026, 1, 13, 10))
    assert [m.starts_at.astimezone(SEOUL).replace(tzinfo=None) for m in meetings] == (
        expected.between(datetime.datetime(2026, 11, 22), datetime.datetime(2027, 11, 22)))
    assert meetings[0].starts_at == datetime.datetime(2026, 12, 8, 1, 0, tzinfo=datetime.UTC)
    # January 2026 was the first (connectivity); December 2026 is the twelfth.
    assert [m.theme.slug for m in meetings[:3]] == ["cybersecurity", "mobility",
                                                     "sustainability"]
    assert meetings[0].title_en == "Monthly theme meeting · Cybersecurity"
    assert materialise(monthly, now=NOW) == 0  # a second run adds nothing


def test_a_us_series_keeps_its_wall_clock_time_across_daylight_saving():
    denver = series(slug="colorado", time_zone="America/Denver")
    materialise(denver, now=NOW)
    # Daylight saving starts on 14 March 2027, between the March and April meetings.
    march, april = (Meeting.objects.get(slug=f"colorado-2027-{day}")
                    for day in ("03-09", "04-13"))
    assert march.starts_at.hour == 17  # 10:00 MST = UTC-7
    assert april.starts_at.hour == 16  # 10:00 MDT = UTC-6
    assert {m.starts_at.astimezone(zoneinfo.ZoneInfo("America/Denver")).hour
            for m in denver.meetings.all()} == {10}


def test_a_changed_rule_moves_only_untouched_future_meetings():
    monthly = series()
    materialise(monthly, now=NOW)
    moved = monthly.meetings.order_by("starts_at")[1]
    moved.starts_at += datetime.timedelta(days=1)
    moved.ends_at += datetime.timedelta(days=1)
    moved.detached = True
    moved.save()
    booked = monthly.meetings.order_by("starts_at")[2]
    booked.registrations.create(user=MembershipFactory().user, status="confirmed")

    monthly.recurrence = "FREQ=MONTHLY;BYDAY=3TH"  # third Thursdays from now on
    monthly.save()
    materialise(monthly, now=NOW)
    moved.refresh_from_db()
    booked.refresh_from_db()
    assert moved.status == "scheduled"  # changed by hand: kept
    assert booked.status == "cancelled"  # registrants see the cancellation
    live = monthly.meetings.filter(status="scheduled", detached=False)
    assert {m.starts_at.astimezone(SEOUL).weekday() for m in live} == {3}
    assert live.count() == 12


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "every second tuesday",
                                  "DTSTART:20260101T000000\nRRULE:FREQ=DAILY", ""])
def test_a_malformed_rule_is_refused_with_a_message(rule):
    bad = MeetingSeries(slug="bad", title_ko="잘못", title_en="Bad", recurrence=rule,
                        first_date=datetime.date(2026, 1, 1), start_time=datetime.time(10))
    with pytest.raises(ValidationError) as refused:
        bad.full_clean()
    assert "recurrence" in refused.value.message_dict
    assert not MeetingSeries.objects.exists()


def test_an_until_in_utc_is_read_in_the_series_zone():
    weekly = series(slug="weekly", recurrence="FREQ=WEEKLY;UNTIL=20270105T235959Z",
                    first_date=datetime.date(2026, 12, 1))
    weekly.full_clean()
    materialise(weekly, now=NOW)
    # Tuesdays 1 Dec 2026 – 5 Jan 2027 at 10:00 Seoul; 5 Jan 23:59 UTC is 6 Jan in Seoul.
    assert weekly.meetings.count() == 6


def test_untouched_meetings_follow_the_series_and_new_seats_go_to_the_waiting_list(on_commit):
    monthly = series(capacity=1)
    materialise(monthly, now=NOW)
    meeting = monthly.meetings.order_by("starts_at").first()
    first, second = MembershipFactory().user, MembershipFactory().user
    for person in (first, second):
        meeting.registrations.create(user=person, status="confirmed" if person == first
                                     else "waitlisted")
    monthly.capacity, monthly.online_url = 2, "https://meet.example/new-link"
    monthly.save()
    with on_commit():
        materialise(monthly, now=NOW)
    meeting.refresh_from_db()
    assert (meeting.capacity, meeting.online_url, meeting.sequence) == (
        2, "https://meet.example/new-link", 1)
    assert meeting.registrations.get(user=second).status == "confirmed"
