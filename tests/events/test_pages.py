"""The meetings pages over HTTP: the upcoming list with filters, a meeting's page that shows
the online link only to confirmed attendees, and registering and cancelling from it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from events import services
from events.models import RegistrationStatus
from solutions_catalog.models import Theme
from tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db
LINK = "https://meet.example/consortium"


@pytest.fixture
def themes():
    return {slug: Theme.objects.create(slug=slug, name_ko=slug, name_en=slug.title())
            for slug in ("mobility", "cybersecurity")}


def test_the_list_filters_by_theme_and_counts_its_queries(client, themes,
                                                          django_assert_max_num_queries):
    MeetingFactory(title_en="Mobility night", theme=themes["mobility"])
    MeetingFactory(title_en="Security day", theme=themes["cybersecurity"])
    with django_assert_max_num_queries(11) as few:  # 10 and the header's catalogue link, cold
        page = client.get("/en/meetings/", {"theme": "cybersecurity"}).content.decode()
    assert "Security day" in page and "Mobility night" not in page
    for _ in range(10):
        MeetingFactory(theme=themes["cybersecurity"])
    with django_assert_max_num_queries(len(few.captured_queries)):  # no query per meeting
        client.get("/en/meetings/", {"theme": "cybersecurity"})


def test_the_online_link_is_for_confirmed_attendees_only(client, as_user):
    meeting = MeetingFactory(capacity=1)
    first, second = MembershipFactory().user, MembershipFactory().user
    assert LINK not in client.get(meeting.get_absolute_url()).content.decode()
    as_user(first).post(f"{meeting.get_absolute_url()}register/")
    assert LINK in as_user(first).get(meeting.get_absolute_url()).content.decode()
    waiting = as_user(second)
    waiting.post(f"{meeting.get_absolute_url()}register/")
    page = waiting.get(meeting.get_absolute_url()).content.decode()
    assert LINK not in page
    assert "number 1 on the waiting list" in page or "대기" in page


def test_register_twice_then_cancel_promotes_the_next(client, as_user, on_commit):
    meeting = MeetingFactory(capacity=1)
    first, second = MembershipFactory().user, MembershipFactory().user
    url = meeting.get_absolute_url()
    as_user(first).post(f"{url}register/")
    again = as_user(first).post(f"{url}register/", follow=True)
    assert "already registered" in again.content.decode() or "이미" in again.content.decode()
    assert meeting.registrations.count() == 1
    as_user(second).post(f"{url}register/")
    with on_commit():
        as_user(first).post(f"{url}cancel/")
    assert meeting.registrations.get(user=second).status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [[second.email]]


def test_visitors_are_sent_to_sign_in(client):
    meeting = MeetingFactory()
    response = client.post(f"{meeting.get_absolute_url()}register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not meeting.registrations.exists()
    assert client.get(f"{meeting.get_absolute_url()}register/").status_code == 405
    assert not mail.outbox


def test_following_a_series_registers_for_its_meetings_now_and_later(as_user):
    from events.schedule import materialise
    from tests.events.test_schedule import series

    monthly = series(first_date=timezone.localdate())
    materialise(monthly)
    person = MembershipFactory().user
    browser = as_user(person)
    first = monthly.meetings.order_by("starts_at").first()
    response = browser.post(f"/en/meetings/series/{monthly.slug}/follow/",
                            {"next": first.get_absolute_url()}, follow=True)
    assert response.redirect_chain[-1][0] == first.get_absolute_url()
    assert person.registrations.active().count() == monthly.meetings.count()

    monthly.recurrence = "FREQ=MONTHLY;BYDAY=2TU,4TU"  # a second meeting each month
    monthly.save()
    materialise(monthly)
    assert person.registrations.active().count() == monthly.meetings.count() > 12

    evil = browser.post(f"/en/meetings/series/{monthly.slug}/unfollow/",
                        {"next": "https://evil.example/"})
    assert evil["Location"] == "/en/meetings/"  # no open redirect
    assert person.registrations.active().count() == 0


@pytest.fixture
def colorado_webinar():
    denver_evening = datetime.datetime(2026, 12, 3, 17, tzinfo=ZoneInfo("America/Denver"))
    return MeetingFactory(title_en="Colorado webinar", starts_at=denver_evening,
                          ends_at=denver_evening + datetime.timedelta(hours=1),
                          time_zone="America/Denver")


def grid_day(page: str, week: int, weekday: int) -> str:
    """One cell of the month grid (weeks and weekdays from 0, Monday first)."""
    weeks = page.split('<table class="month"', 1)[1].split("<tr>")[2:]
    return weeks[week].split("<td")[weekday + 1]


def test_the_month_grid_places_meetings_on_the_viewers_day_and_says_in_which_zone(
        client, colorado_webinar):
    page = client.get("/en/meetings/", {"view": "month", "month": "2026-12"}).content.decode()
    friday = grid_day(page, 0, 4)  # Mon 30 Nov ... Fri 4 Dec
    assert '<span class="day">4</span>' in friday
    assert "Colorado webinar" in friday  # Thursday 17:00 in Denver is Friday 09:00 in Seoul
    assert ">9 a.m.</time>" in friday
    assert "(December 3, 5 p.m. local time, America/Denver)" in friday  # as the list says
    assert "at the time in Asia/Seoul, the portal's time zone" in page
    # The list gives the meeting's own time first, then the same moment in the viewer's zone.
    listed = client.get("/en/meetings/").content.decode()
    assert "Dec. 3, 2026, 5 p.m. (America/Denver)" in listed
    assert "Dec. 4, 2026, 9 a.m. in Asia/Seoul" in listed


def test_a_signed_in_person_sees_the_meeting_on_their_own_day(client, colorado_webinar):
    person = MembershipFactory().user
    person.time_zone = "America/Denver"
    person.save()
    client.force_login(person)
    page = client.get("/en/meetings/", {"view": "month", "month": "2026-12"}).content.decode()
    assert "Colorado webinar" in grid_day(page, 0, 3)  # Thursday 3 December, 5 p.m.
    assert "Colorado webinar" not in grid_day(page, 0, 4)
    assert "local time" not in page  # already in the meeting's own zone
    assert "at your time: America/Denver (your time zone)" in page


def test_the_month_links_keep_the_filters(client, themes):
    page = client.get("/en/meetings/", {"view": "month", "month": "2026-12",
                                        "theme": "mobility", "page": "2"}).content.decode()
    assert 'href="?view=month&amp;month=2026-11&amp;theme=mobility"' in page
    assert 'href="?view=month&amp;month=2027-01&amp;theme=mobility"' in page
    january = client.get("/en/meetings/", {"view": "month", "month": "2026-01"}).content.decode()
    assert 'href="?view=month&amp;month=2025-12"' in january  # across the year, no filter


def test_a_month_it_cannot_show_gets_a_message_and_this_month(client, colorado_webinar):
    this_month = timezone.localdate().strftime("%B %Y")
    following = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32))
    for odd in ("2026-13", "2026-0", "99999-01", "9999-12", "0001-01", "soon", "2026-12-01",
                "-1-5", "x" * 10_000):
        response = client.get("/en/meetings/", {"view": "month", "month": odd})
        assert response.status_code == 200
        page = response.content.decode()
        assert "The calendar cannot show that month" in page
        assert f"<caption>{this_month}</caption>" in page
        assert f'href="?view=month&amp;month={following:%Y-%m}"' in page  # on from here
    fine = client.get("/en/meetings/", {"view": "month"}).content.decode()
    assert f"<caption>{this_month}</caption>" in fine
    assert "cannot show" not in fine


def test_the_phone_agenda_marks_the_days_with_meetings(client, colorado_webinar):
    page = client.get("/en/meetings/", {"view": "month", "month": "2026-12"}).content.decode()
    assert page.count('class="has-meetings"') == 1
    assert "Friday" in grid_day(page, 0, 4)  # the agenda's full date: December 4 (Friday)
    assert "No meeting this month." in client.get(
        "/en/meetings/", {"view": "month", "month": "2027-02"}).content.decode()
    assert "events/calendar.css" in page


def test_a_case_study_lists_the_meetings_it_was_presented_at(client, catalogue):
    from events.models import AgendaItem

    meeting = MeetingFactory(title_en="Data hub day")
    item = AgendaItem.objects.create(meeting=meeting, title_ko="발표", title_en="Talk")
    item.case_studies.add(catalogue)  # the Korean version
    item.save()
    english = catalogue.get_translation(Locale.objects.get(language_code="en"))
    page = client.get(english.url).content.decode()
    assert "Presented at meetings" in page and "Data hub day" in page


def test_meeting_documents_are_members_only_unless_made_public(client, as_user, settings,
                                                              tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from events.models import MeetingDocument
    from tests.factories import OrganisationFactory

    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory()
    documents = {}
    for visibility in ("public", "members"):
        documents[visibility] = Document.objects.create(
            title=f"{visibility} slides", file=ContentFile(b"%PDF-1.4", name="slides.pdf"))
        MeetingDocument.objects.create(meeting=meeting, document=documents[visibility],
                                       visibility=visibility)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "public slides" in page and "members slides" not in page
    assert client.get(documents["public"].url).status_code == 200
    assert client.get(documents["members"].url).status_code == 302  # to sign in

    vendor = MembershipFactory(organisation=OrganisationFactory(kind="vendor")).user
    assert as_user(vendor).get(documents["members"].url).status_code == 403
    services.register(meeting, vendor)  # a partner who registered may read it
    assert as_user(vendor).get(documents["members"].url).status_code == 200
    officer = MembershipFactory().user
    assert "members slides" in as_user(officer).get(meeting.get_absolute_url()).content.decode()
