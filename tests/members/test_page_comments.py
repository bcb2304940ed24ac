"""Wagtail's page-comment e-mails go through ``notify.tell`` (kind ``PAGE_COMMENT``): the page
editor of every page type is the one that tells, so Wagtail's own comment mail is never sent,
and a person who chose "never" for comments gets none."""

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Comment, Page, PageSubscription

from members import notify
from members.models import Delivery, MailState, Notification
from members.moderation import TellingEditView
from portal.models import HomePage
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_every_page_types_editor_tells_instead_of_wagtails_mail():
    reverse("wagtailadmin_home")  # the admin's URLs, which register its viewsets
    for model in (Page, HomePage):
        assert page_viewset_registry.get_by_type(model).edit_view_class is TellingEditView


def test_a_new_comment_mails_each_subscriber_once_unless_they_chose_never(on_commit):
    editor, keen, quiet = (MembershipFactory().user for _ in range(3))
    page = Page.get_first_root_node().add_child(instance=Page(title="Budget", slug="budget"))
    for person in (editor, keen, quiet):
        PageSubscription.objects.create(page=page, user=person, comment_notifications=True)
    notify.set_preference(quiet, notify.PAGE_COMMENT, Delivery.NEVER)
    comment = Comment.objects.create(page=page, user=editor, text="Check the totals",
                                     contentpath="title")
    view = TellingEditView()
    view.request = RequestFactory().post("/")
    view.request.user = editor
    view.page = page
    with on_commit():
        view.send_commenting_notifications({"new_comments": [comment], "deleted_comments": [],
                                            "resolved_comments": [], "new_replies": []})
    assert [m.to for m in mail.outbox] == [[keen.email]]
    assert "Check the totals" in mail.outbox[0].body
    assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body
    kept = Notification.objects.filter(kind=notify.PAGE_COMMENT)
    assert {(n.recipient, n.mail) for n in kept} == {(keen, MailState.SENT),
                                                     (quiet, MailState.NOT_SENT)}
