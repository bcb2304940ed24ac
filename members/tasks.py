"""Mail delivery: messages are rendered when they are queued and sent by a worker."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


# The name is the one this task had in ``portal``: messages already queued under it are
# still delivered after the move.
@shared_task(name="portal.tasks.deliver_mail", autoretry_for=(OSError,), retry_backoff=True,
             max_retries=5)
def deliver_mail(to: str, subject: str, body: str) -> None:
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    send_mail(f"{prefix}{subject}", body, None, [to])
