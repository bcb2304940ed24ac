"""Saved searches as their owners meet them: saved from a listing (unknown filters refused,
nothing saved), alerted once per new match however often the task runs, the standing
searches vendors and cities expect, and never an item the owner may not open."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from members.models import MembershipStatus, Notification, OrganisationKind
from portal import alerts
from portal.models import Delivery, SavedSearch, SavedSearchMatch
from solutions_catalog.models import Challenge, Theme, VendorOffering
from tests.factories import (
    MembershipFactory,
    OpportunityFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mobility(db) -> Theme:
    return Theme.objects.create(slug="mobility", name_ko="모빌리티", name_en="Mobility")


def challenge(city, theme, slug="bus-data") -> Challenge:
    made = Challenge.objects.create(
        city=city, slug=slug, title_en="Open bus data", title_ko="버스 데이터 개방",
        deadline=timezone.localdate() + datetime.timedelta(days=30))
    made.themes.set([theme])
    return made


def alerts_to(person) -> list[str]:
    return [m.subject for m in mail.outbox if m.to == [person.email]]


def test_a_vendor_hears_once_of_a_new_challenge_in_their_offerings_themes(
        network, mobility, on_commit):
    offering = VendorOffering.objects.create(vendor=network.hanbit, slug="fleet",
                                             name_en="Fleet tracking", pricing_model="per_unit")
    offering.themes.set([mobility])
    network.vendor.preferred_language = "en"
    network.vendor.save()
    with on_commit():
        alerts.run_all()  # makes the standing search; nothing new yet
    standing = SavedSearch.objects.get(owner=network.vendor)
    assert standing.listing == "challenges" and standing.query == "theme=mobility"
    assert alerts_to(network.vendor) == []

    challenge(network.daegu, mobility)
    with on_commit():
        assert alerts.run_all() >= 1
        alerts.run_all()  # a second run tells nothing twice
    assert [subject.split("] ", 1)[1] for subject in alerts_to(network.vendor)] == [
        "One new match for “New challenges matching the themes of Hanbit Telecom's offerings”"]
    assert "Open bus data" in mail.outbox[-1].body
    assert "/en/challenges/bus-data/" in mail.outbox[-1].body
    assert Notification.objects.filter(recipient=network.vendor).count() == 1
    assert SavedSearchMatch.objects.filter(saved_search=standing).count() == 1


def test_a_city_with_an_open_challenge_follows_matching_offerings(network, mobility, on_commit):
    challenge(network.daegu, mobility)
    with on_commit():
        alerts.run_all()
    following = SavedSearch.objects.filter(owner=network.officer).values_list("listing",
                                                                             flat=True)
    assert sorted(following) == ["catalogue", "offerings"]
    offering = VendorOffering.objects.create(vendor=network.hanbit, slug="fleet",
                                             name_en="Fleet tracking", name_ko="차량 관제",
                                             pricing_model="per_unit")
    offering.themes.set([mobility])
    with on_commit():
        alerts.run_all()
    [alert] = [m for m in mail.outbox if m.to == [network.officer.email]]
    assert "차량 관제" in alert.body  # in the officer's language (Korean by default)


def test_a_members_only_call_never_reaches_a_visitors_saved_search(network, on_commit):
    visitor = UserFactory(email="visitor@example.org", preferred_language="en")
    for person in (visitor, network.officer):
        alerts.save_search(person, "funding", "status=open", "Open calls")
    OpportunityFactory(slug="secret", programme_en="Members-only call", audience="members")
    OpportunityFactory(slug="public", programme_en="Public call")
    with on_commit():
        alerts.run_all()
    [to_visitor] = [m for m in mail.outbox if m.to == [visitor.email]]
    assert "Public call" in to_visitor.body and "Members-only call" not in to_visitor.body
    assert not SavedSearchMatch.objects.filter(saved_search__owner=visitor,
                                               item__startswith="opportunity-",
                                               title="Members-only call").exists()
    [to_member] = [m for m in mail.outbox if m.to == [network.officer.email]]
    assert "스마트시티 챌린지" in to_member.body and to_member.subject.count("2") == 1


def test_a_saved_search_page_search_answers_with_its_owners_audiences(
        network, search_engine, on_commit):
    visitor = UserFactory(email="visitor@example.org", preferred_language="en")
    for person in (visitor, network.officer):
        alerts.save_search(person, "search", "kind=opportunity", "Funding calls")
    OpportunityFactory(slug="secret", programme_en="Members-only call", audience="members")
    OpportunityFactory(slug="public", programme_en="Public call")
    search_engine.rebuild()
    search_engine.refresh()
    with on_commit():
        alerts.run_all()
    [to_visitor] = [m for m in mail.outbox if m.to == [visitor.email]]
    assert "Public call" in to_visitor.body and "Members-only call" not in to_visitor.body
    [to_member] = [m for m in mail.outbox if m.to == [network.officer.email]]
    assert "2 new matches" in to_member.subject or "2" in to_member.subject


def test_digest_searches_wait_for_the_digest(network, mobility, on_commit):
    saved = alerts.save_search(network.officer, "funding", "", "All calls", Delivery.DIGEST)
    OpportunityFactory(slug="public")
    with on_commit():
        assert alerts.run_all() == 1
    assert mail.outbox == []
    assert SavedSearchMatch.objects.filter(saved_search=saved).waiting_for_digest().count() == 1


@pytest.mark.parametrize(("listing", "query", "message"), [
    ("funding", "colour=red", "Unknown filters: colour."),
    ("funding", "status=nonsense", "Unknown value in the “Status” filter."),
    ("search", "kind=spaceship", "Unknown value in the “Type” filter."),
    ("members", "", "Searches of this page cannot be saved."),
])
def test_a_search_with_unknown_filters_is_refused_and_nothing_saved(
        client, network, as_user, listing, query, message):
    as_user(network.officer)
    response = client.post("/en/saved-searches/save/", {
        "listing": listing, "query": query, "name": "Mine", "next": "/en/funding/"},
        follow=True)
    page = response.content.decode()
    assert message in page and "Nothing was saved." in page
    assert not SavedSearch.objects.exists()


def test_save_rename_choose_the_digest_and_remove(client, network, as_user, mobility,
                                                 django_assert_max_num_queries):
    as_user(network.officer)
    response = client.post("/en/saved-searches/save/", {
        "listing": "funding", "query": "theme=mobility&page=2", "name": "Mobility money",
        "next": "/en/funding/?theme=mobility"})
    assert response.url == "/en/funding/?theme=mobility"
    saved = SavedSearch.objects.get(owner=network.officer)
    assert saved.query == "theme=mobility" and saved.delivery == Delivery.IMMEDIATELY
    challenge(network.daegu, mobility)
    alerts.ensure_standing_searches()  # the officer's city follows its challenge
    with django_assert_max_num_queries(13):  # 12 and the header's unread count
        page = client.get("/en/saved-searches/").content.decode()
    assert "Mobility money" in page and "/en/funding/?theme=mobility" in page
    assert "Followed for you" in page
    client.post(f"/en/saved-searches/{saved.pk}/", {"name": "Buses", "delivery": "digest"})
    saved.refresh_from_db()
    assert (saved.name, saved.delivery) == ("Buses", "digest")
    client.post(f"/en/saved-searches/{saved.pk}/", {"name": "", "delivery": "weekly"})
    saved.refresh_from_db()
    assert (saved.name, saved.delivery) == ("Buses", "digest")  # refused, unchanged
    client.post(f"/en/saved-searches/{saved.pk}/remove/")
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    standing = SavedSearch.objects.filter(owner=network.officer).first()
    client.post(f"/en/saved-searches/{standing.pk}/remove/")
    alerts.ensure_standing_searches()  # a removed standing search is not made again
    assert "Followed for you" not in client.get("/en/saved-searches/").content.decode() \
        or SavedSearch.objects.of(network.officer).count() == 1


def test_standing_searches_cost_the_same_queries_for_one_or_many_members(
        network, mobility, django_assert_num_queries):
    offering = VendorOffering.objects.create(vendor=network.hanbit, slug="fleet",
                                             name_en="Fleet tracking", pricing_model="per_unit")
    offering.themes.set([mobility])
    challenge(network.daegu, mobility)
    lapsed = OrganisationFactory(slug="lapsed", kind=OrganisationKind.VENDOR,
                                 membership_status=MembershipStatus.LAPSED)
    VendorOffering.objects.create(vendor=lapsed, slug="old", name_en="Old",
                                  pricing_model="per_unit").themes.set([mobility])
    MembershipFactory(organisation=lapsed)
    alerts.ensure_standing_searches()  # makes the missing ones
    # offerings' themes, open challenges, memberships, their standing searches, and the
    # challenge searches to stop
    with django_assert_num_queries(5):
        alerts.ensure_standing_searches()
    standing = SavedSearch.objects.exclude(standing="")
    # the vendor's, and the offerings and case studies of each Daegu person's challenge
    assert standing.count() == 1 + 2 * 2
    for _ in range(4):
        MembershipFactory(organisation=network.daegu)
        MembershipFactory(organisation=network.hanbit)
    alerts.ensure_standing_searches()
    with django_assert_num_queries(5):
        alerts.ensure_standing_searches()
    assert standing.count() == 5 + 2 * 6
    assert not standing.filter(owner__memberships__organisation=lapsed).exists()


def test_someone_elses_saved_search_cannot_be_changed(client, network, as_user):
    saved = alerts.save_search(network.vendor, "funding", "", "Theirs")
    as_user(network.officer)
    assert client.post(f"/en/saved-searches/{saved.pk}/remove/").status_code == 404
    assert SavedSearch.objects.filter(pk=saved.pk).exists()
