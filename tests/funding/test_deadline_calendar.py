"""The deadline calendar as people use it: a month of deadlines by the funder's clock with the
filters kept across months, and feeds that calendar applications read (parsed back with
icalendar) carrying each deadline in the funder's zone with its VTIMEZONE."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from funding.models import BidTask, DeadlineFeed
from solutions_catalog.models import Theme
from tests.factories import BidFactory, OpportunityFactory

pytestmark = pytest.mark.django_db
WASHINGTON = zoneinfo.ZoneInfo("America/New_York")
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@pytest.fixture
def deadlines(db):
    """A federal grant closing 23:59 in Washington (already the next day in Seoul), a Korean
    call closing 18:00 in Seoul, and a members-only call."""
    mobility, energy = (Theme.objects.create(slug=slug, name_ko=slug, name_en=slug.title())
                        for slug in ("mobility", "energy"))
    federal = OpportunityFactory(
        slug="federal", programme_en="Federal mobility grant", time_zone="America/New_York",
        deadline=datetime.datetime(2027, 3, 31, 23, 59, tzinfo=WASHINGTON))
    federal.themes.set([mobility])
    korean = OpportunityFactory(
        slug="korean", programme_en="Korean energy call", time_zone="Asia/Seoul",
        deadline=datetime.datetime(2027, 3, 10, 18, 0, tzinfo=SEOUL))
    korean.themes.set([energy])
    hidden = OpportunityFactory(
        slug="hidden", programme_en="Members-only call", audience="members",
        deadline=datetime.datetime(2027, 3, 12, 12, 0, tzinfo=SEOUL))
    return federal, korean, hidden


def events_of(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return calendar, calendar.walk("VEVENT")


def test_the_feed_carries_each_deadline_in_the_funders_zone(client, deadlines):
    calendar, events = events_of(client.get("/en/funding/calendar.ics"))
    starts = {str(e["SUMMARY"]): e for e in events}
    assert set(starts) == {"Deadline: Federal mobility grant", "Deadline: Korean energy call"}
    federal = starts["Deadline: Federal mobility grant"]
    assert federal["DTSTART"].params["TZID"] == "America/New_York"
    assert federal.decoded("DTSTART") == datetime.datetime(2027, 3, 31, 23, 59,
                                                           tzinfo=WASHINGTON)
    korean = starts["Deadline: Korean energy call"]
    assert korean["DTSTART"].params["TZID"] == "Asia/Seoul"
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    assert zones == {"America/New_York", "Asia/Seoul"}
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_the_theme_feed_carries_that_themes_deadlines_only(client, deadlines):
    _calendar, events = events_of(client.get("/funding/calendar/theme/energy.ics"))
    assert [e.decoded("DTSTART") for e in events] == [
        datetime.datetime(2027, 3, 10, 18, 0, tzinfo=SEOUL)]
    assert client.get("/funding/calendar/theme/no-such-theme.ics").status_code == 404


def test_the_personal_feed_has_my_bids_deadlines_and_my_tasks_and_rotates(
        client, deadlines, network, as_user):
    federal = deadlines[0]
    bid = BidFactory(opportunity=federal, lead=network.daegu, title="Daegu buses")
    BidTask.objects.create(bid=bid, title="Budget table", owner=network.officer,
                           due_on=datetime.date(2027, 3, 20))
    BidFactory(opportunity=deadlines[1], lead=network.bucheon, title="Not ours")
    network.officer.preferred_language = "en"  # the feed speaks its owner's language
    network.officer.save()
    as_user(network.officer)
    assert client.post("/en/funding/calendar/new-address/").status_code == 302
    token = DeadlineFeed.objects.get(user=network.officer).token
    client.logout()  # a calendar application has no session
    _calendar, events = events_of(client.get(f"/en/funding/calendar/mine/{token}.ics"))
    by_summary = {str(e["SUMMARY"]): e for e in events}
    deadline = by_summary["Deadline of the bid “Daegu buses”: Federal mobility grant"]
    assert deadline["DTSTART"].params["TZID"] == "America/New_York"
    task = by_summary["Task: Budget table (Daegu buses)"]
    assert task.decoded("DTSTART") == datetime.date(2027, 3, 20)
    assert len(events) == 2
    as_user(network.officer)
    client.post("/en/funding/calendar/new-address/")
    assert client.get(f"/en/funding/calendar/mine/{token}.ics").status_code == 404
    new_token = DeadlineFeed.objects.get(user=network.officer).token
    assert client.get(f"/en/funding/calendar/mine/{new_token}.ics").status_code == 200


def test_the_month_shows_deadlines_on_the_funders_day_and_keeps_filters(client, deadlines):
    response = client.get("/en/funding/calendar/?year=2027&month=3&theme=mobility")
    page = response.content.decode()
    assert "Federal mobility grant" in page and "Korean energy call" not in page
    assert "Members-only call" not in page
    next_link = "?year=2027&amp;month=4&amp;theme=mobility"
    assert next_link in page
    day = response.context["month"].weeks
    [federal_day] = [d for week in day for d in week if d.items]
    assert federal_day.date == datetime.date(2027, 3, 31)  # Washington's day, not Seoul's


def test_the_month_is_linked_from_the_funding_pages(client, deadlines):
    assert 'href="/en/funding/calendar/"' in client.get("/en/funding/").content.decode()
    detail = client.get("/en/funding/federal/").content.decode()
    assert "/en/funding/calendar/?year=2027&amp;month=3" in detail


@pytest.mark.parametrize("query", ["year=2027&month=13", "year=abc&month=3", "month=0",
                                   "year=99999&month=1"])
def test_a_bad_month_says_so_and_shows_the_current_month(client, deadlines, query):
    response = client.get(f"/en/funding/calendar/?{query}")
    assert response.status_code == 200
    assert "There is no such month; showing the current month instead." in \
        response.content.decode()
    today = datetime.date.today()
    assert response.context["month"].first == today.replace(day=1)


def test_a_members_only_deadline_shows_to_members_in_the_month(client, deadlines, network,
                                                              as_user):
    as_user(network.officer)
    page = client.get("/en/funding/calendar/?year=2027&month=3").content.decode()
    assert "Members-only call" in page
