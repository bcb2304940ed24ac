"""Wagtail's workflow e-mails (a page submitted for moderation, approved, rejected) sent
through ``members.notify`` instead of Wagtail's own ``send_mail``: the same recipients and
templates, but kept as notifications and subject to each person's preferences. Wagtail
connects its notifiers to the workflow signals under fixed ``dispatch_uid``s; ``connect``
takes those places (before or after Wagtail's admin app is ready)."""

from django.urls import reverse
from wagtail.admin import mail as wagtail_mail
from wagtail.models import Page, TaskState, WorkflowState
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
