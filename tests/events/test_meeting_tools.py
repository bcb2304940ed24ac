"""Meeting tools (issue 15): the recurrence picker composes the series' RFC 5545 rule and shows
its next six dates in the series' zone before saving; an end before the start and an
unending rule of too many meetings are refused at the picker, saving nothing; a meeting's
times are typed and shown on its own clock; "Publish minutes" records who and when and tells
attendees once."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events import services
from events.models import Meeting, MeetingSeries
from members.models import User
from members.services import ensure_staff_group
from tests.events.test_admin import ADD, series_form
from tests.factories import MeetingFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
THIRD_WEDNESDAY = {"frequency": "MONTHLY", "ordinal": "3", "weekday": "WE", "ends": "count",
                   "count": "6"}
PREVIEW = "/admin/meetings/preview-dates/"


@pytest.fixture
def staff(as_user):
    user = UserFactory(email="staff@consortium.example", preferred_language="en",
                       time_zone="America/Denver")
    user.groups.add(ensure_staff_group())
    return as_user(User.objects.get(pk=user.pk))


def third_wednesday_next_month() -> datetime.date:
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 14)


def monthly_form(**parts) -> dict:
    return series_form({**THIRD_WEDNESDAY, **parts},
                       first_date=third_wednesday_next_month().isoformat(), start_time="15:00",
                       time_zone="Asia/Seoul")


def test_the_picker_previews_six_dates_in_the_series_zone_saving_nothing(staff):
    response = staff.post(ADD, {**monthly_form(), "preview-dates": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    first = third_wednesday_next_month()
    assert f'datetime="{first:%Y-%m-%d}T15:00:00+09:00"' in page  # in the series' zone
    assert page.count('T15:00:00+09:00"') == 6
    assert "FREQ=MONTHLY;COUNT=6;BYDAY=3WE" in page
    assert not MeetingSeries.objects.exists()


def test_a_series_saved_from_the_picker_gets_six_meetings_at_six_utc(staff):
    response = staff.post(ADD, monthly_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    series = MeetingSeries.objects.get()
    assert series.recurrence == "FREQ=MONTHLY;COUNT=6;BYDAY=3WE"
    starts = list(series.meetings.order_by("starts_at").values_list("starts_at", flat=True))
    assert len(starts) == 6
    assert all(start.astimezone(datetime.UTC).time() == datetime.time(6) for start in starts)
    assert all(start.astimezone(SEOUL).weekday() == 2 and 15 <= start.astimezone(SEOUL).day <= 21
               for start in starts)
    edit = staff.get(f"/admin/snippets/events/meetingseries/edit/{series.pk}/")
    picker = edit.context["form"]["recurrence"].value()
    assert (picker.frequency, picker.ordinal, picker.weekday, picker.ends, picker.count) == (
        "MONTHLY", 3, "WE", "count", 6)
    assert 'T15:00:00+09:00"' in edit.content.decode()  # the saved series' next dates


def test_an_end_date_before_the_first_date_is_refused_at_the_picker(staff):
    before = third_wednesday_next_month() - datetime.timedelta(days=40)
    response = staff.post(ADD, monthly_form(ends="until", until=before.isoformat(), count=""))
    assert response.status_code == 200
    errors = response.context["form"].errors["recurrence"]
    assert errors == [f"The last date ({before}) is before the first date "
                      f"({third_wednesday_next_month()})."]
    assert not MeetingSeries.objects.exists() and not Meeting.objects.exists()


def test_an_unending_rule_of_more_than_500_meetings_is_refused_at_the_picker(staff):
    response = staff.post(ADD, monthly_form(frequency="WEEKLY", ends="never", count=""))
    assert response.status_code == 200
    assert response.context["form"].errors["recurrence"] == [
        "With no end, this rule makes more than 500 meetings in 10 years: end it after a "
        "number of meetings or on a date."]
    assert not MeetingSeries.objects.exists() and not Meeting.objects.exists()
    # a monthly one with no end is fine: 120 in ten years
    assert staff.post(ADD, monthly_form(ends="never", count="")).status_code == 302


def test_the_preview_endpoint_answers_staff_with_the_same_dates(staff, client, as_user,
                                                                django_assert_max_num_queries):
    query = {f"recurrence_{k}": v for k, v in THIRD_WEDNESDAY.items()} | {
        "first_date": third_wednesday_next_month().isoformat(), "start_time": "15:00",
        "time_zone": "America/Denver"}
    with django_assert_max_num_queries(12):
        page = staff.get(PREVIEW, query).content.decode()
    assert page.count('T15:00:00-0') == 6 and "America/Denver" in page  # 15:00 in Denver
    refused = staff.get(PREVIEW, {**query, "recurrence_ends": "never", "recurrence_frequency":
                                  "WEEKLY"}).content.decode()
    assert "more than 500 meetings" in refused
    officer = MembershipFactory().user
    assert as_user(officer).get(PREVIEW, query).status_code in (302, 403)


def test_a_meetings_times_are_typed_and_shown_on_its_own_clock(staff):
    meeting = MeetingFactory(time_zone="Asia/Seoul")
    edit = f"/admin/snippets/events/meeting/edit/{meeting.pk}/"
    response = staff.get(edit)
    form = response.context["form"]
    local = meeting.starts_at.astimezone(SEOUL).replace(tzinfo=None, microsecond=0)
    assert form["starts_at"].value() == local
    assert "On the meeting&#x27;s clock: Asia/Seoul" in response.content.decode()

    def post(**changes):
        return staff.post(edit, nested_form_data({
            **{name: form[name].value() or "" for name in form.fields},
            "agenda": inline_formset([]), "documents": inline_formset([]), **changes}))

    assert post(starts_at="2027-03-17 15:00", ends_at="2027-03-17 17:00").status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2027, 3, 17, 6, tzinfo=datetime.UTC)
    refused = post(starts_at="2027-03-17 15:00", ends_at="2027-03-17 14:00")
    assert refused.status_code == 200
    assert refused.context["form"].errors["ends_at"] == [
        "The end is not after the start: give an end later than 2027-03-17 15:00."]
    meeting.refresh_from_db()
    assert meeting.ends_at == datetime.datetime(2027, 3, 17, 8, tzinfo=datetime.UTC)


def test_publishing_minutes_records_who_and_tells_attendees_once(staff, on_commit):
    meeting = MeetingFactory(minutes_en="Agreed: a shared data standard.")
    attendee = MembershipFactory().user
    services.register(meeting, attendee)
    with on_commit():
        first = staff.post(f"/en/meetings/{meeting.slug}/publish-minutes/", follow=True)
    assert "1 attendee was told" in first.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_published_by.email == "staff@consortium.example"
    assert meeting.minutes_published_at is not None
    assert [m.to for m in mail.outbox] == [[attendee.email]]
    with on_commit():
        second = staff.post(f"/en/meetings/{meeting.slug}/publish-minutes/", follow=True)
    assert "already published" in second.content.decode()
    assert "nobody was told again" in second.content.decode()
    assert len(mail.outbox) == 1
    page = staff.get(f"/en/meetings/{meeting.slug}/").content.decode()
    assert "shared data standard" in page


def test_minutes_cannot_be_published_empty_nor_by_an_officer(staff, client, as_user):
    meeting = MeetingFactory()
    response = staff.post(f"/en/meetings/{meeting.slug}/publish-minutes/", follow=True)
    assert "Write the minutes" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None
    meeting.minutes_en = "Notes"
    meeting.save()
    officer = MembershipFactory().user
    assert as_user(officer).post(
        f"/en/meetings/{meeting.slug}/publish-minutes/").status_code == 403
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is None


def test_the_admin_action_saves_and_publishes_minutes(staff, on_commit):
    meeting = MeetingFactory()
    services.register(meeting, MembershipFactory().user)
    edit = f"/admin/snippets/events/meeting/edit/{meeting.pk}/"
    form = staff.get(edit).context["form"]
    with on_commit():
        response = staff.post(edit, nested_form_data({
            **{name: form[name].value() or "" for name in form.fields},
            "minutes_en": "Decided: pilot in two cities.",
            "agenda": inline_formset([]), "documents": inline_formset([]),
            "action-publish-minutes": "Save and publish minutes"}), follow=True)
    assert "1 attendee was told" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes_en == "Decided: pilot in two cities."
    assert meeting.minutes_published_by is not None
    assert len(mail.outbox) == 1


def test_a_series_meeting_links_the_series_and_theme_feeds(client):
    series = MeetingSeries.objects.create(
        slug="security-monthly", title_ko="보안", title_en="Security monthly",
        recurrence="FREQ=MONTHLY;BYDAY=2TU", first_date=datetime.date(2026, 1, 13),
        start_time=datetime.time(10))
    meeting = MeetingFactory(series=series, theme=None)
    page = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    assert "/en/meetings/calendar/series/security-monthly.ics" in page
    listing = client.get("/en/meetings/").content.decode()
    assert "/en/meetings/calendar/series/security-monthly.ics" in listing
