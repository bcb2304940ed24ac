import datetime
import socket

from celery import shared_task
from django.utils import timezone

from . import alerts, digest
from .models import WorkerHeartbeat


@shared_task(bind=True, ignore_result=False)
def record_worker_heartbeat(self) -> dict:
    """Proves a worker is consuming the queue and can write to the database."""
    hostname = self.request.hostname or socket.gethostname()
    beat, _ = WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, defaults={"seen_at": timezone.now()}
    )
    return {"hostname": hostname, "seen_at": beat.seen_at.isoformat()}


@shared_task
def alert_saved_searches() -> int:
    """New matches of every saved search, each told to its owner once; returns how many."""
    return alerts.run_all()


@shared_task
def send_weekly_digests(at: str = "") -> int:
    """The weekly digests due now (``at``, an ISO time, for a test); returns how many."""
    return digest.send_due(datetime.datetime.fromisoformat(at) if at else None)
