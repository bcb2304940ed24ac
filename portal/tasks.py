import socket

from celery import shared_task
from django.utils import timezone

from .models import WorkerHeartbeat


@shared_task(bind=True, ignore_result=False)
def record_worker_heartbeat(self) -> dict:
    """Proves a worker is consuming the queue and can write to the database."""
    hostname = self.request.hostname or socket.gethostname()
    beat, _ = WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, defaults={"seen_at": timezone.now()}
    )
    return {"hostname": hostname, "seen_at": beat.seen_at.isoformat()}


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def deliver_mail(to: str, subject: str, body: str) -> None:
    from django.conf import settings
    from django.core.mail import send_mail

    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    send_mail(f"{prefix}{subject}", body, None, [to])
