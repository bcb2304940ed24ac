"""Keeping the index in step with the database: every change of a searchable object is
written to the outbox in the same transaction, then applied by a worker after commit; a
periodic sweep retries what failed, with backoff. While a rebuild runs, changes wait in the
outbox and go to the new index once the alias has moved."""

import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.utils import timezone

from .models import PendingChange

logger = logging.getLogger(__name__)
REBUILDING = "search:rebuilding"
MAX_BACKOFF = datetime.timedelta(hours=1)


def record_change(kind: str, object_id: str) -> None:
    now = timezone.now()
    PendingChange.objects.update_or_create(
        kind=kind, object_id=object_id,
        defaults={"queued_at": now, "next_attempt_at": now, "attempts": 0, "last_error": ""})
    from .tasks import apply_change

    apply_change.delay_on_commit(kind, object_id)


def apply(change: PendingChange) -> bool:
    """Bring one object's documents up to date; ``False`` (and a later retry) on failure."""
    from .engines import get_engine

    if cache.get(REBUILDING):
        return False  # applied to the new index after the swap
    try:
        get_engine().sync(change.kind, change.object_id)
    except Exception as error:  # the engine is down or refused: keep the change, retry later
        delay = min(datetime.timedelta(seconds=2 ** min(change.attempts, 12)), MAX_BACKOFF)
        PendingChange.objects.filter(pk=change.pk).update(
            attempts=change.attempts + 1, next_attempt_at=timezone.now() + delay,
            last_error=str(error)[:2000])
        logger.warning("search change deferred", extra={"kind": change.kind,
                                                        "object_id": change.object_id})
        return False
    # A newer change of the same object may have arrived meanwhile: it keeps its row.
    PendingChange.objects.filter(pk=change.pk, queued_at=change.queued_at).delete()
    return True


def apply_due(limit: int = 500) -> tuple[int, int]:
    """Apply the changes whose time has come; returns (applied, still pending)."""
    due = PendingChange.objects.filter(next_attempt_at__lte=timezone.now()).order_by(
        "next_attempt_at")[:limit]
    applied = sum(apply(change) for change in due)
    return applied, PendingChange.objects.count()


@contextmanager
def held_changes() -> Iterator[None]:
    """While the index is rebuilt, changes wait in the outbox (the old index is about to be
    dropped); afterwards they are all applied to the new one."""
    cache.set(REBUILDING, True, timeout=6 * 3600)
    try:
        yield
    finally:
        cache.delete(REBUILDING)
        PendingChange.objects.update(next_attempt_at=timezone.now())
        apply_due(limit=100_000)
