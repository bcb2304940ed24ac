"""Mail delivery: messages are rendered when they are queued (``members.notify``) and sent by
a worker; and the pruning of old read notifications."""

import datetime

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from .models import Notification

NOTIFICATIONS_KEPT_AFTER_READING = datetime.timedelta(days=180)


@shared_task(name="members.tasks.deliver", autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def deliver(to: str, subject: str, body: str, headers: dict[str, str] | None = None) -> None:
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    EmailMessage(f"{prefix}{subject}", body, None, [to], headers=headers or None).send()


# The name and arguments this task had before ``members.tasks.deliver``: messages already
# queued under it are still delivered after the move.
@shared_task(name="portal.tasks.deliver_mail", autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def deliver_mail(to: str, subject: str, body: str) -> None:
    deliver(to, subject, body)


@shared_task(name="members.tasks.prune_read_notifications")
def prune_read_notifications() -> int:
    """Delete notifications read more than 180 days ago; returns how many."""
    deleted, _by_model = Notification.objects.read_before(
        timezone.now() - NOTIFICATIONS_KEPT_AFTER_READING).delete()
    return deleted
