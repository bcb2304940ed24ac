"""One way to tell people: each kind honours the person's choice (now, weekly digest, never),
transactional mail always arrives, one-click unsubscribe changes that kind only, and the
notification centre reads in the page's language."""

import datetime
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import services as events
from events.reminders import send_reminders
from funding import services as funding
from members import notify
from members.models import Delivery, MailPreference, MailState, Notification
from members.tasks import deliver_mail, prune_read_notifications
from tests.factories import BidFactory, MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db

OPTIONAL = [slug for slug, kind in notify.KINDS.items() if not kind.transactional]
TRANSACTIONAL = [slug for slug, kind in notify.KINDS.items() if kind.transactional]


@pytest.fixture
def task(network):
    bid = BidFactory(lead=network.daegu)
    return funding.assign_task(bid, network.org_admin, title="Write the budget")


def _tell(person, slug, task):
    return notify.tell(person, slug, "funding/email/task",
                       {"bid": task.bid, "task": task, "actor": task.bid.created_by},
                       url=task.bid.get_absolute_url())


@pytest.mark.parametrize("slug", OPTIONAL)
def test_never_means_no_mail_of_that_kind_but_the_notification_is_kept(
        network, task, on_commit, slug):
    notify.set_preference(network.officer, slug, Delivery.NEVER)
    with on_commit():
        notice = _tell(network.officer, slug, task)
        _tell(network.vendor, slug, task)  # the default for everyone else
    assert notice.mail == MailState.NOT_SENT
    expected = [] if notify.kind(slug).default == Delivery.DIGEST else [network.vendor.email]
    assert [m.to[0] for m in mail.outbox] == expected


@pytest.mark.parametrize("slug", TRANSACTIONAL)
def test_transactional_mail_arrives_whatever_was_chosen(network, task, on_commit, slug):
    for other in OPTIONAL:
        notify.set_preference(network.officer, other, Delivery.NEVER)
    with pytest.raises(ValueError):
        notify.set_preference(network.officer, slug, Delivery.NEVER)
    with on_commit():
        _tell(network.officer, slug, task)
    assert [m.to[0] for m in mail.outbox] == [network.officer.email]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers


def test_meeting_reminders_respect_never(on_commit):
    meeting = MeetingFactory(capacity=5)
    keen, quiet = (MembershipFactory().user for _ in range(2))
    notify.set_preference(quiet, notify.MEETING_REMINDER, Delivery.NEVER)
    for person in (keen, quiet):
        events.register(meeting, person)
    with on_commit():
        assert send_reminders(now=meeting.starts_at - datetime.timedelta(days=3)) == 2
    assert [m.to[0] for m in mail.outbox] == [keen.email]
    assert Notification.objects.get(recipient=quiet).mail == MailState.NOT_SENT


def test_digest_keeps_the_mail_for_the_digest(network, task, on_commit):
    notify.set_preference(network.officer, notify.BID_ACTIVITY, Delivery.DIGEST)
    with on_commit():
        notice = _tell(network.officer, notify.BID_ACTIVITY, task)
    assert mail.outbox == []
    assert list(Notification.objects.awaiting_digest()) == [notice]


def test_a_password_reset_arrives_even_for_someone_who_wants_no_mail(network, client):
    for slug in OPTIONAL:
        notify.set_preference(network.officer, slug, Delivery.NEVER)
    client.post("/en/accounts/password/reset/", {"email": network.officer.email})
    assert [m.to[0] for m in mail.outbox] == [network.officer.email]
    assert mail.outbox[0].subject.count("[") <= 1  # the portal's prefix once


def test_the_notification_reads_in_the_pages_language(network, task, as_user, on_commit):
    with on_commit():
        _tell(network.officer, notify.BID_ACTIVITY, task)
    client = as_user(network.officer)
    english = client.get("/en/members/me/notifications/").text
    korean = client.get("/members/me/notifications/").text
    assert "A task for you: Write the budget" in english
    assert f'href="/en/funding/bids/{task.bid_id}/"' in english
    assert "A task for you" not in korean
    assert f'href="/funding/bids/{task.bid_id}/"' in korean


# --- unsubscribe --------------------------------------------------------------------------

def test_one_click_unsubscribe_sets_that_kind_to_never_and_nothing_else(
        network, task, client, on_commit):
    notify.set_preference(network.officer, notify.DEADLINE, Delivery.DIGEST)
    with on_commit():
        _tell(network.officer, notify.BID_ACTIVITY, task)
    message = mail.outbox[0]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    path = urlparse(link).path
    confirm = client.get(path)
    assert confirm.status_code == 200
    assert not MailPreference.objects.filter(delivery=Delivery.NEVER).exists()  # GET: nothing
    assert client.post(path).status_code == 200
    assert notify.preferences(network.officer)[notify.BID_ACTIVITY] == Delivery.NEVER
    assert notify.preferences(network.officer)[notify.DEADLINE] == Delivery.DIGEST
    assert MailPreference.objects.count() == 2


@pytest.mark.parametrize("token", ["garbage", "tampered"])
def test_a_tampered_unsubscribe_link_changes_nothing(network, client, token):
    if token == "tampered":
        good = notify.unsubscribe_token(network.officer, notify.BID_ACTIVITY)
        token = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    for method in (client.get, client.post):
        response = method(f"/en/members/me/unsubscribe/{token}/")
        assert response.status_code == 400
        assert "This unsubscribe link cannot be used" in response.text
    assert not MailPreference.objects.exists()


def test_an_expired_unsubscribe_link_changes_nothing(network, client, monkeypatch):
    token = notify.unsubscribe_token(network.officer, notify.BID_ACTIVITY)
    monkeypatch.setattr(notify, "UNSUBSCRIBE_MAX_AGE", -1)
    assert client.post(f"/en/members/me/unsubscribe/{token}/").status_code == 400
    assert not MailPreference.objects.exists()


# --- preferences on the profile page ---------------------------------------------------------

def test_preferences_on_the_profile_page_in_both_languages(network, as_user):
    client = as_user(network.officer)
    english = client.get("/en/members/me/").text
    assert "Meeting reminders and minutes" in english and "Always sent" in english
    assert "In the weekly digest" in english
    korean = client.get("/members/me/").text
    assert "항상 보내는 메일" in korean
    response = client.post("/en/members/me/mail/", {
        "kind-meeting_reminder": "never", "kind-saved_search_match": "immediately"})
    assert response.status_code == 302
    chosen = notify.preferences(network.officer)
    assert chosen[notify.MEETING_REMINDER] == Delivery.NEVER
    assert chosen[notify.SAVED_SEARCH_MATCH] == Delivery.IMMEDIATELY


@pytest.mark.parametrize("data", [
    {"kind-meeting_reminder": "never", "kind-no_such_kind": "never"},
    {"kind-meeting_reminder": "never", "kind-account": "never"},  # transactional
    {"kind-meeting_reminder": "sometimes"},
    {"kind-digest": "digest"},  # the digest cannot go in the digest
])
def test_a_preference_for_an_unknown_kind_or_choice_changes_nothing(network, as_user, data):
    response = as_user(network.officer).post("/en/members/me/mail/", data)
    assert response.status_code == 400
    assert ("There is no kind of notification" in response.text
            or "Select a valid choice" in response.text)
    assert not MailPreference.objects.exists()


# --- notification centre -------------------------------------------------------------------

def test_mark_one_read_needs_a_post_and_touches_only_ones_own(network, as_user):
    mine = [Notification.objects.create(recipient=network.officer, subject_en=f"n{i}")
            for i in range(2)]
    theirs = Notification.objects.create(recipient=network.org_admin, subject_en="theirs")
    client = as_user(network.officer)
    assert client.get(f"/en/members/me/notifications/{mine[0].pk}/read/").status_code == 405
    client.post(f"/en/members/me/notifications/{mine[0].pk}/read/")
    client.post(f"/en/members/me/notifications/{theirs.pk}/read/")
    assert not Notification.objects.get(pk=mine[0].pk).unread
    assert Notification.objects.get(pk=mine[1].pk).unread
    assert Notification.objects.get(pk=theirs.pk).unread
    header = client.get("/en/members/me/notifications/").text
    assert "1 unread" in header
    client.post("/en/members/me/notifications/read/")
    assert not Notification.objects.for_user(network.officer).unread().exists()


def test_the_headers_unread_count_is_cached_and_follows_new_and_read_notifications(
        client, network, as_user, task, on_commit):
    client.get("/en/meetings/")  # the footer's pages are cached from now on
    as_user(network.officer)

    def page():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/en/meetings/").text
        return html, len(queries)

    html, counted = page()
    assert 'class="badge"' not in html
    html, cached = page()
    assert cached == counted - 1  # the unread count came from the cache
    with on_commit():
        _tell(network.officer, "bid_activity", task)
    html, _queries = page()
    assert 'aria-label="1 unread">1</span>' in html
    second = Notification.objects.create(recipient=network.officer, subject_en="Another")
    assert 'aria-label="2 unread">2</span>' in page()[0]
    client.post(f"/en/members/me/notifications/{second.pk}/read/")
    assert 'aria-label="1 unread">1</span>' in page()[0]
    client.post("/en/members/me/notifications/read/")
    html, queries = page()
    assert 'class="badge"' not in html and queries == counted
    assert page()[1] == cached


def test_read_notifications_are_pruned_after_180_days(network):
    long_ago = timezone.now() - datetime.timedelta(days=181)
    old_read = Notification.objects.create(recipient=network.officer, subject_en="old",
                                           read_at=long_ago)
    old_unread = Notification.objects.create(recipient=network.officer, subject_en="unread")
    Notification.objects.filter(pk=old_unread.pk).update(created_at=long_ago)
    recent = Notification.objects.create(recipient=network.officer, subject_en="recent",
                                         read_at=timezone.now())
    assert prune_read_notifications() == 1
    assert set(Notification.objects.values_list("pk", flat=True)) == {old_unread.pk, recent.pk}
    assert not Notification.objects.filter(pk=old_read.pk).exists()


def test_messages_queued_under_the_old_task_name_are_delivered():
    deliver_mail.apply(args=["someone@example.org", "Queued before", "Body"])
    assert mail.outbox[0].to == ["someone@example.org"]
    assert mail.outbox[0].subject.endswith("Queued before")
    assert deliver_mail.name == "portal.tasks.deliver_mail"
