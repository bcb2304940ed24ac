"""Wagtail's workflow e-mails (a page submitted for moderation, approved, rejected) and its
page-comment e-mails sent through ``members.notify`` instead of Wagtail's own ``send_mail``:
the same recipients and templates, but kept as notifications and subject to each person's
preferences. Wagtail connects its notifiers to the workflow signals under fixed
``dispatch_uid``s; ``connect`` takes those places (before or after Wagtail's admin app is
ready). Comment e-mails are sent by the page editor itself: ``PageViewSet`` (registered for
every page type in ``wagtail_hooks``) gives it an editor that tells instead."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from wagtail.admin import mail as wagtail_mail
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet as WagtailPageViewSet
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Page,
    PageSubscription,
    TaskState,
    WorkflowState,
)
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from . import notify


class _ThroughNotify:
    kind_slug = notify.MODERATION_RESULT

    def send_notifications(self, template_set, context, recipients, **kwargs) -> bool:
        templates = notify.MailTemplates(template_set["subject"], template_set["text"])
        content = context["object"]
        url = (reverse("wagtailadmin_pages:edit", args=[content.pk])
               if isinstance(content, Page) else "")
        for recipient in recipients:
            notify.tell(recipient, self.kind_slug, templates, {**context, "user": recipient},
                        url=url)
        return True


class TaskSubmitted(_ThroughNotify, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier):
    kind_slug = notify.REVIEW_REQUEST


class WorkflowSubmitted(_ThroughNotify, wagtail_mail.WorkflowStateSubmissionEmailNotifier):
    kind_slug = notify.REVIEW_REQUEST


class WorkflowApproved(_ThroughNotify, wagtail_mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejected(_ThroughNotify, wagtail_mail.WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid, our notifier), as in wagtail.admin.signal_handlers
NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
     TaskSubmitted()),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
     WorkflowSubmitted()),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification",
     WorkflowRejected()),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification",
     WorkflowApproved()),
]


def connect() -> None:
    for signal, sender, uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid)


COMMENT_MAIL = notify.MailTemplates("wagtailadmin/notifications/updated_comments_subject.txt",
                                    "wagtailadmin/notifications/updated_comments.txt")


class TellingEditView(EditView):
    """Wagtail's page editor, whose comment e-mails go through ``notify.tell`` (kind
    ``PAGE_COMMENT``) to the page's comment subscribers and to everyone in a thread that
    changed, once each; Wagtail's own comment e-mail is never sent."""

    def send_commenting_notifications(self, changes) -> None:
        if not any(changes[key] for key in ("new_comments", "deleted_comments",
                                            "resolved_comments", "new_replies")):
            return  # edited comments are not mailed, as in Wagtail
        threads = [c.pk for c in changes["resolved_comments"]]
        threads += [c.pk for c, _replies in changes["new_replies"]]
        editor = self.request.user
        subscribers = PageSubscription.objects.filter(page=self.page, comment_notifications=True)
        recipients = (get_user_model().objects.exclude(pk=editor.pk).filter(
            Q(pk__in=subscribers.values("user_id")) | Q(comment_replies__comment_id__in=threads)
            | Q(**{f"{COMMENTS_RELATION_NAME}__pk__in": threads})).distinct())
        context = {
            "page": self.page, "editor": editor, "new_comments": changes["new_comments"],
            "resolved_comments": changes["resolved_comments"],
            "deleted_comments": changes["deleted_comments"],
            "replied_comments": [{"comment": c, "replies": r} for c, r in changes["new_replies"]],
        }
        url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        for person in recipients:
            notify.tell(person, notify.PAGE_COMMENT, COMMENT_MAIL, {**context, "user": person},
                        url=url)


class PageViewSet(WagtailPageViewSet):
    """Every page type's admin views, with the editor above (``wagtail_hooks``)."""

    edit_view_class = TellingEditView
