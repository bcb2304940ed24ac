"""Staff's work queue on their dashboard: each line counts what waits for them and nothing
else, links where they act on it (deciding right there where a one-step form exists), costs
the same number of queries however much waits, and is shown to staff only."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from events.models import MeetingStatus, Registration, RegistrationStatus
from funding.models import BidStatus, BidTask
from members.models import ApplicationStatus, OrganisationApplication
from portal.work_queue import work_queue
from solutions_catalog.models import (
    Deployment,
    DeploymentStatus,
    PricingModel,
    TranslationRequest,
    VendorOffering,
)
from tests.factories import BidFactory, MeetingFactory, OpportunityFactory, UserFactory
from tests.portal.test_dashboard import case_study, index, submit  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def ago(days):
    return timezone.now() - days * DAY


def application(name, status=ApplicationStatus.PENDING):
    return OrganisationApplication.objects.create(
        kind="city", name_en=name, country="KR", contact_name="Kim",
        contact_email=f"{name.lower().replace(' ', '-')}@city.example", motivation="To learn.",
        status=status)


def meeting_ended(title, days, **fields):
    return MeetingFactory(title_en=title, starts_at=ago(days) - datetime.timedelta(hours=2),
                          ends_at=ago(days), **fields)


def claim(network, page, slug, days, status=DeploymentStatus.CLAIMED):
    offering = VendorOffering.objects.create(vendor=network.hanbit, slug=slug, name_en=slug,
                                             name_ko=slug, summary_en="A platform.",
                                             pricing_model=PricingModel.SUBSCRIPTION)
    made = Deployment.objects.create(offering=offering, case_study=page, status=status)
    Deployment.objects.filter(pk=made.pk).update(claimed_at=ago(days))
    return made


def bid(network, title, deadline_in, *tasks_done, status=BidStatus.DRAFTING):
    made = BidFactory(lead=network.daegu, title=title, status=status,
                      opportunity=OpportunityFactory(deadline=timezone.now() + deadline_in * DAY))
    for i, done in enumerate(tasks_done):
        BidTask.objects.create(bid=made, title=f"{title} task {i}", owner=network.officer,
                               done_at=timezone.now() if done else None)
    return made


def add_waiting(network, index, n, tag):  # noqa: F811 (the fixture's value)
    """``n`` of everything that waits for staff."""
    officer, daegu = network.officer, network.daegu
    for i in range(n):
        submit(case_study(index, f"{tag}-review-{i}", daegu, officer), officer)
        application(f"{tag} applicant {i}")
        Registration.objects.create(meeting=MeetingFactory(requires_approval=True),
                                    user=UserFactory(first_name=f"{tag}-person-{i}"),
                                    status=RegistrationStatus.PENDING)
        claim(network, case_study(index, f"{tag}-deployed-{i}", daegu, live=True),
              f"{tag}-claim-{i}", days=15)
        meeting_ended(f"{tag} minutes due {i}", days=8)
        bid(network, f"{tag} closing bid {i}", 10, False, True)
        asked = case_study(index, f"{tag}-translate-{i}", daegu, live=True)
        TranslationRequest.objects.create(case_study=asked, language="en",
                                          requested_by=officer)


def add_not_waiting(network, index):  # noqa: F811 (the fixture's value)
    """Look alike, but nothing for staff to do (yet)."""
    officer, daegu = network.officer, network.daegu
    case_study(index, "a-draft", daegu, officer)
    submit(case_study(index, "sent-back", daegu, officer), officer, needs_changes=True)
    application("Decided applicant", ApplicationStatus.APPROVED)
    Registration.objects.create(meeting=meeting_ended("Past meeting", days=1),
                                user=UserFactory(first_name="late-pending"),
                                status=RegistrationStatus.PENDING)
    Registration.objects.create(meeting=MeetingFactory(), user=UserFactory(first_name="seated"),
                                status=RegistrationStatus.CONFIRMED)
    deployed = case_study(index, "deployed-elsewhere", daegu, live=True)
    claim(network, deployed, "fresh-claim", days=13)
    claim(network, deployed, "confirmed-claim", days=30, status=DeploymentStatus.CONFIRMED)
    meeting_ended("Recent meeting", days=6)
    meeting_ended("Minuted meeting", days=30, minutes_published_at=ago(29))
    meeting_ended("Cancelled meeting", days=30, status=MeetingStatus.CANCELLED)
    bid(network, "All tasks done bid", 10, True)
    bid(network, "Far deadline bid", 40, False)
    bid(network, "Submitted bid", 10, False, status=BidStatus.SUBMITTED)
    bid(network, "Past deadline bid", -1, False)
    case_study(index, "not-asked", daegu, live=True)  # needs translating, nobody asked


def counts():
    return {line.key: line.count for line in work_queue()}


def queue_of(html):
    """The queue's section of a dashboard (staff are also notified of some of its items)."""
    start = html.index('id="queue-heading"')
    return html[start:html.index("</section>", start)]


def test_each_line_counts_what_waits_and_nothing_else(network, index, as_user):  # noqa: F811
    add_not_waiting(network, index)
    assert set(counts().values()) == {0}

    add_waiting(network, index, 2, "w")
    assert counts() == {"reviews": 2, "applications": 2, "registrations": 2, "claims": 2,
                        "minutes": 2, "bids": 2, "translations": 2}
    html = queue_of(as_user(network.staff).get("/en/dashboard/").text)
    for shown in ("What waits for you", "w-review-0", "w applicant 1", "w-person-0",
                  "w-claim-1", "w minutes due 0", "w closing bid 1", "1 open task",
                  "w-translate-0"):
        assert shown in html, shown
    for hidden in ("a-draft", "sent-back", "Decided applicant", "late-pending", "seated",
                   "fresh-claim", "confirmed-claim", "Recent meeting", "Minuted meeting",
                   "Cancelled meeting", "All tasks done", "Far deadline", "Submitted bid",
                   "Past deadline", "not-asked"):
        assert hidden not in html, hidden


def test_each_line_links_where_staff_act(network, index, as_user):  # noqa: F811
    add_waiting(network, index, 1, "a")
    html = as_user(network.staff).get("/en/dashboard/").text
    page = WorkflowState.objects.get().content_object
    registration = Registration.objects.get(status=RegistrationStatus.PENDING)
    deployment = Deployment.objects.get()
    meeting = registration.meeting
    for link in ('href="/admin/"', f'href="/admin/pages/{page.pk}/edit/"',
                 'href="/en/members/applications/"',
                 f'href="/en/members/applications/{OrganisationApplication.objects.get().pk}/"',
                 f'href="/en/meetings/{meeting.slug}/attendees/"',
                 f'action="/en/meetings/{meeting.slug}/attendees/{registration.pk}/decide/"',
                 f'action="/en/offerings/deployments/{deployment.pk}/"',
                 "/admin/snippets/events/meeting/edit/", 'href="/en/funding/bids/',
                 'href="/admin/translations/queue/"'):
        assert link in html, link


def test_staff_decide_a_claim_and_a_registration_from_the_queue(network, index, as_user):  # noqa: F811
    add_waiting(network, index, 1, "d")
    client = as_user(network.staff)
    deployment = Deployment.objects.get()
    response = client.post(f"/en/offerings/deployments/{deployment.pk}/",
                           {"decision": "confirm", "next": "/en/dashboard/"})
    assert response["Location"] == "/en/dashboard/"
    registration = Registration.objects.get(status=RegistrationStatus.PENDING)
    client.post(f"/en/meetings/{registration.meeting.slug}/attendees/{registration.pk}/decide/",
                {"approve": "1"})
    assert counts()["claims"] == 0 and counts()["registrations"] == 0
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_the_same_number_of_queries_for_one_or_five_waiting(network, index, as_user,  # noqa: F811
                                                           django_assert_max_num_queries):
    client = as_user(network.staff)
    add_waiting(network, index, 1, "one")
    client.get("/dashboard/")  # the footer's pages are cached from now on,
    client.get("/en/dashboard/")  # in each language
    # the dashboard's own for someone in no organisation (test_dashboard counts them; the
    # unread count at most once), and one per line of the queue: its first items and how
    # many in all
    with django_assert_max_num_queries(12 + 7):
        assert client.get("/dashboard/").status_code == 200
    add_waiting(network, index, 4, "more")
    with django_assert_max_num_queries(12 + 7):
        html = client.get("/en/dashboard/").text
    assert "The first 3 of 5." in html


def test_people_who_are_not_staff_see_no_queue(network, index, as_user):  # noqa: F811
    add_waiting(network, index, 1, "x")
    for person in (network.officer, network.org_admin, network.vendor,
                   UserFactory(is_staff=True)):  # the flag alone is not the staff group
        html = as_user(person).get("/en/dashboard/").text
        assert 'id="queue-heading"' not in html and "x applicant 0" not in html


def test_staff_outside_any_organisation_are_not_told_to_apply(network, as_user):
    english = as_user(network.staff).get("/en/dashboard/").text
    assert "You work for the consortium, not for a member organisation." in english
    assert "apply for it to join" not in english and "/members/apply/" not in english
    korean = as_user(network.staff).get("/dashboard/").text
    assert "처리할 일" in korean and "/members/apply/" not in korean
