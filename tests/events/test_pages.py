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
    with django_assert_max_num_queries(10) as few:
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


def test_the_month_grid_places_meetings_on_the_viewers_day(client):
    denver_evening = datetime.datetime(2026, 12, 3, 17, tzinfo=ZoneInfo("America/Denver"))
    MeetingFactory(title_en="Colorado webinar", starts_at=denver_evening,
                   ends_at=denver_evening + datetime.timedelta(hours=1),
                   time_zone="America/Denver")
    page = client.get("/en/meetings/", {"view": "month", "month": "2026-12"}).content.decode()
    weeks = page.split('<table class="month">', 1)[1].split("<tr>")[2:]
    friday = weeks[0].split("<td")[5]  # Monday first: Mon 30 Nov ... Fri 4 Dec
    assert '<span class="day">4</span>' in friday
    assert "Colorado webinar" in friday  # Thursday 17:00 in Denver is Friday 09:00 in Seoul
    for odd in ("2026-13", "9999-12", "0001-01", "soon"):  # this month instead
        assert client.get("/en/meetings/", {"view": "month", "month": odd}).status_code == 200


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
