"""The personal dashboard after signing in: each section shows the signed-in person's own
things and nobody else's, has an empty state with a next step, and costs the same number of
queries however much there is to show."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction, WorkflowState

from events.models import Registration, RegistrationStatus
from funding import services as funding
from funding.models import BidPartner, BidStatus, BidTask
from members import notify
from members.models import Notification
from members.notify import suppressed
from portal import demo
from solutions_catalog import following as follows
from solutions_catalog import services as catalogue
from solutions_catalog.authoring import review_workflow
from solutions_catalog.models import (
    Adoption,
    CaseStudyFollow,
    CaseStudyPage,
    CatalogueIndexPage,
)
from tests.factories import (
    PASSWORD,
    BidFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today


@pytest.fixture
def index(network):
    home_ko, _home_en = demo.seed()
    return home_ko.add_child(instance=CatalogueIndexPage(title="사례", slug="catalogue",
                                                         locale=home_ko.locale))


def case_study(index, slug, city, owner=None, live=False):
    return index.add_child(instance=CaseStudyPage(
        title=slug, slug=slug, city=city, summary="s", problem="<p>p</p>",
        approach="<p>a</p>", locale=index.locale, live=live, owner=owner))


def submit(page, user, *, needs_changes=False):
    page.save_revision(user=user)
    state = review_workflow().start(page, user)
    if needs_changes:
        state.status = WorkflowState.STATUS_NEEDS_CHANGES
        state.save()
    return page


def add_things(network, index, n, tag):
    """``n`` of everything for Daegu's officer, and the like for other people."""
    officer, daegu = network.officer, network.daegu
    for i in range(n):
        case_study(index, f"{tag}-draft-{i}", daegu, officer)
        submit(case_study(index, f"{tag}-review-{i}", daegu, officer), officer)
        submit(case_study(index, f"{tag}-changes-{i}", daegu, officer), officer,
               needs_changes=True)
        case_study(index, f"{tag}-live-{i}", daegu, officer, live=True)
        meeting = MeetingFactory(title_en=f"{tag} meeting {i}")
        Registration.objects.create(meeting=meeting, user=officer,
                                    status=RegistrationStatus.WAITLISTED if i % 2
                                    else RegistrationStatus.CONFIRMED)
        bid = BidFactory(lead=daegu, title=f"{tag} bid {i}", status=BidStatus.DRAFTING)
        BidPartner.objects.create(bid=bid, organisation=network.bucheon)
        BidTask.objects.create(bid=bid, title=f"{tag} task {i}", owner=officer,
                               due_on=TODAY() - datetime.timedelta(days=1 + i))
        followed = case_study(index, f"{tag}-followed-{i}", network.bucheon, live=True)
        follows.follow(officer, followed)
        Adoption.objects.create(origin=followed, adopter=OrganisationFactory(),
                                status="piloting")
        Notification.objects.create(recipient=officer, subject_en=f"{tag} notice {i}")


@pytest.fixture
def others(network, index):
    """What must not show on the officer's dashboard."""
    suwon = OrganisationFactory(slug="suwon", name_en="Suwon")
    stranger = MembershipFactory(organisation=suwon).user
    case_study(index, "bucheon-draft", network.bucheon, network.other_admin)
    case_study(index, "colleagues-draft", network.daegu, network.org_admin)
    Registration.objects.create(meeting=MeetingFactory(title_en="Someone else's meeting"),
                                user=network.org_admin, status=RegistrationStatus.CONFIRMED)
    past = MeetingFactory(title_en="Last year's meeting",
                          starts_at=timezone.now() - datetime.timedelta(days=300))
    Registration.objects.create(meeting=past, user=network.officer,
                                status=RegistrationStatus.CONFIRMED)
    Registration.objects.create(meeting=MeetingFactory(title_en="Cancelled seat"),
                                user=network.officer, status=RegistrationStatus.CANCELLED)
    other_bid = BidFactory(lead=suwon, title="Suwon's own bid")
    BidTask.objects.create(bid=other_bid, title="Suwon's task", owner=stranger)
    BidFactory(lead=network.daegu, title="Withdrawn bid", status=BidStatus.WITHDRAWN)
    unfollowed = case_study(index, "not-followed", network.bucheon, live=True)
    Adoption.objects.create(origin=unfollowed, adopter=suwon)
    Notification.objects.create(recipient=network.org_admin, subject_en="Colleague's notice")
    return stranger


def test_each_section_shows_the_persons_own_things(network, index, others, as_user):
    add_things(network, index, 2, "mine")
    html = as_user(network.officer).get("/en/dashboard/").text

    for title in ("mine-draft-0", "mine-review-1", "mine-changes-0", "mine-live-1",
                  "mine meeting 0", "mine meeting 1", "mine bid 0", "mine task 1",
                  "mine-followed-0", "mine notice 1", "Daegu"):
        assert title in html, title
    for title in ("bucheon-draft", "colleagues-draft", "Someone else", "Last year",
                  "Cancelled seat", "Suwon&#x27;s own bid", "Suwon&#x27;s task", "Withdrawn bid",
                  "not-followed", "Colleague"):
        assert title not in html, title


def test_case_studies_carry_their_moderation_state(network, index):
    officer = network.officer
    add_things(network, index, 1, "s")
    states = {page.slug: page.moderation_state
              for page in CaseStudyPage.objects.written_by(officer)}
    assert states == {"s-review-0": "in_moderation", "s-changes-0": "changes_requested",
                      "s-draft-0": "draft", "s-live-0": "live"}
    assert list(states) == ["s-review-0", "s-changes-0", "s-draft-0", "s-live-0"]
    assert not CaseStudyPage.objects.written_by(network.other_admin).exists()


def test_meetings_bids_and_tasks_show_their_state(network, index, as_user):
    add_things(network, index, 2, "x")
    html = as_user(network.officer).get("/en/dashboard/").text
    assert "Confirmed" in html and "On the waiting list" in html
    assert "Drafting" in html
    assert html.count("overdue</strong>") == 2  # in words, not only in colour
    page = CaseStudyPage.objects.get(slug="x-draft-0")
    assert f"/en/case-studies/write/{page.pk}/problem/" in html  # the portal's form


def test_the_same_number_of_queries_for_one_or_five_of_everything(
        network, index, others, as_user, django_assert_max_num_queries):
    client = as_user(network.officer)
    add_things(network, index, 1, "one")
    client.get("/dashboard/")  # the footer's pages are cached from now on
    # session, user, the viewer's groups and memberships; one per section (the followed
    # case studies, the view restrictions that keep some out, their readable versions, their
    # adoptions here and those harvested from peers), the site for page links, and at most
    # once the unread count for the view and the header (cached: afresh only after a new
    # notification)
    with django_assert_max_num_queries(17):
        assert client.get("/dashboard/").status_code == 200
    add_things(network, index, 4, "more")
    with django_assert_max_num_queries(17):
        html = client.get("/dashboard/").text
    assert "more-review-3" in html and "more task 3" in html


def test_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/dashboard/")


def test_a_newcomer_sees_where_to_start_in_korean_and_english(as_user, network):
    client = as_user(UserFactory(email="new@person.example"))
    korean = client.get("/dashboard/")
    assert korean.status_code == 200
    assert '<html lang="ko"' in korean.text
    assert 'href="/members/apply/"' in korean.text
    assert 'href="/meetings/"' in korean.text
    english = client.get("/en/dashboard/").text
    assert '<html lang="en"' in english
    for empty in ("You are not in a member organisation yet", 'href="/en/members/apply/"',
                  "People of member cities write case studies",
                  "You are not registered for any upcoming meeting",
                  "Your organisations have no open bid", 'href="/en/funding/"',
                  "You have no open task", "You do not follow any case study yet",
                  "No notifications yet"):
        assert empty in english, empty


def test_an_officer_without_case_studies_is_invited_to_write_one(as_user, network, index):
    html = as_user(network.officer).get("/en/dashboard/").text
    assert "You have not started a case study yet" in html
    assert 'href="/en/case-studies/write/"' in html  # the portal's form, not the admin


def test_staff_are_pointed_to_their_reviews_not_invited_to_write(as_user, network, index):
    html = as_user(network.staff).get("/en/dashboard/").text
    assert "the ones waiting for your review are under" in html
    assert "You have not started a case study yet" not in html


def test_signing_in_lands_on_the_dashboard_in_the_same_language(client, network):
    response = client.post("/en/accounts/login/", {"login": "officer@daegu.example",
                                                   "password": PASSWORD})
    assert response["Location"] == "/en/dashboard/"
    client.logout()
    response = client.post("/accounts/login/", {"login": "officer@daegu.example",
                                                "password": PASSWORD})
    assert response["Location"] == "/dashboard/"


# --- notifications ----------------------------------------------------------------------------

def test_a_mail_sent_is_a_notification_on_the_dashboard(network, as_user, on_commit):
    network.officer.preferred_language = "en"
    network.officer.save()
    bid = BidFactory(lead=network.daegu)
    with on_commit():
        funding.assign_task(bid, network.org_admin, title="Write the budget",
                            owner=network.officer)
    assert len(mail.outbox) == 1
    notice = Notification.objects.get(recipient=network.officer)
    assert notice.subject_en == "A task for you: Write the budget"
    assert mail.outbox[0].subject.endswith(notice.subject_en)  # in the recipient's language
    assert notice.url_en == f"/en/funding/bids/{bid.pk}/"
    client = as_user(network.officer)
    html = client.get("/en/dashboard/").text
    assert "Write the budget" in html
    assert f'href="/en/funding/bids/{bid.pk}/"' in html
    assert "Unread:" in html
    exported = client.get("/en/members/me/data/").json()["notifications"]
    assert [n["subject"] for n in exported] == [notice.subject_en]
    assert not Notification.objects.filter(recipient=network.org_admin).exists()


def test_no_notification_when_mail_is_suppressed_or_for_strangers(network, on_commit):
    bid = BidFactory(lead=network.daegu)
    with suppressed(), on_commit():
        funding.assign_task(bid, network.org_admin, title="Quiet", owner=network.officer)
    notify.tell_address("nobody@nowhere.example", notify.BID_ACTIVITY, "funding/email/task",
                        {"bid": bid, "task": bid.tasks.get(), "actor": network.org_admin})
    assert not Notification.objects.exists()


def test_a_rolled_back_change_leaves_no_notification(network):
    bid = BidFactory(lead=network.daegu)
    with pytest.raises(RuntimeError), transaction.atomic():
        funding.assign_task(bid, network.org_admin, title="Undone", owner=network.officer)
        raise RuntimeError
    assert not Notification.objects.exists()


def test_mark_all_read_needs_a_post_and_touches_only_ones_own(network, as_user):
    mine = [Notification.objects.create(recipient=network.officer, subject_en=f"n{i}")
            for i in range(3)]
    theirs = Notification.objects.create(recipient=network.org_admin, subject_en="theirs")
    client = as_user(network.officer)
    assert client.get("/dashboard/notifications/read/").status_code == 405
    response = client.post("/en/dashboard/notifications/read/")
    assert response.status_code == 302 and response["Location"] == "/en/dashboard/"
    assert not Notification.objects.for_user(network.officer).unread().exists()
    assert Notification.objects.get(pk=theirs.pk).unread
    html = client.get("/en/dashboard/").text
    assert "Unread:" not in html and "Mark all as read" not in html
    assert all(n.subject in html for n in mine)


# --- following a case study -------------------------------------------------------------------

def test_following_from_the_case_study_page(network, index, as_user):
    page = case_study(index, "bucheon-bikes", network.bucheon, live=True)
    client = as_user(network.officer)
    response = client.get(page.url)
    html = response.text
    assert f'action="/case-studies/{page.pk}/follow/"' in html
    assert client.get(f"/case-studies/{page.pk}/follow/").status_code == 405
    client.post(f"/case-studies/{page.pk}/follow/")
    client.post(f"/case-studies/{page.pk}/follow/")  # twice is once
    assert follows.following(network.officer).case_studies == [page]
    catalogue.record_adoption(page, network.daegu, network.officer, status="planning")
    assert "bucheon-bikes" in client.get("/en/dashboard/").text

    html = client.get(page.url).text
    assert f'action="/case-studies/{page.pk}/unfollow/"' in html
    client.post(f"/case-studies/{page.pk}/unfollow/")
    assert follows.following(network.officer).case_studies == []


def test_a_view_restricted_case_study_cannot_be_followed(network, index, as_user):
    page = case_study(index, "restricted-pilot", network.bucheon, live=True)
    PageViewRestriction.objects.create(page=page, password="pilot",
                                       restriction_type=PageViewRestriction.PASSWORD)
    client = as_user(network.officer)
    assert client.post(f"/case-studies/{page.pk}/follow/").status_code == 404
    assert follows.following(network.officer).case_studies == []
    assert "restricted-pilot" not in client.get("/en/dashboard/").text


def test_a_case_study_unpublished_after_being_followed_leaves_the_dashboard(network, index,
                                                                           as_user):
    page = case_study(index, "withdrawn-pilot", network.bucheon, live=True)
    client = as_user(network.officer)
    client.post(f"/case-studies/{page.pk}/follow/")
    catalogue.record_adoption(page, network.daegu, network.officer, status="planning")
    page.unpublish()
    assert follows.following(network.officer) == follows.Following([], [])
    assert "withdrawn-pilot" not in client.get("/en/dashboard/").text
    # ... and can still be unfollowed, landing back on the dashboard.
    response = client.post(f"/case-studies/{page.pk}/unfollow/")
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert not CaseStudyFollow.objects.filter(user=network.officer).exists()


def test_korean_only_case_studies_are_marked_on_the_english_dashboard(network, index, as_user):
    add_things(network, index, 1, "ko")  # the catalogue here has no English side
    client = as_user(network.officer)
    html = client.get("/en/dashboard/").text
    badge = '<span class="language-badge">In Korean</span>'
    assert f'lang="ko">ko-followed-0</a>{badge}' in html  # followed
    assert f'<span lang="ko">ko-draft-0</span>{badge}' in html  # own
    assert "language-badge" not in client.get("/dashboard/").text
