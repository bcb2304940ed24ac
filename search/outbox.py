"""Keeping the index in step with the database: every change of a searchable object is
written to the outbox in the same transaction, then applied by a worker after commit
(``search.tasks``); a periodic sweep retries what failed, with backoff. While a rebuild runs,
changes wait in the outbox and go to the new index once it has replaced the old one.

The outbox knows engines only as the one it is handed (``Syncing``), so that engines, whose
rebuild holds changes here, and the tasks, which pick the engine, sit on either side of it."""

import datetime
import logging
import operator
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import reduce
from typing import Protocol

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from .models import PendingChange

logger = logging.getLogger(__name__)
MAX_BACKOFF = datetime.timedelta(hours=1)


class Syncing(Protocol):
    def sync(self, kind: str, object_id: str) -> None: ...

    def sync_many(self, kind: str, object_ids: Sequence[str]) -> None: ...


def rebuilding_key() -> str:
    """The flag "a rebuild holds changes" in the shared cache, one per index alias: two
    deployments sharing a Redis hold only their own changes."""
    return f"search:rebuilding:{settings.SEARCH_INDEX_ALIAS}"


def record(kind: str, object_id: str) -> None:
    record_many(kind, [object_id])


def record_many(kind: str, object_ids: Sequence[str]) -> None:
    """One statement for any number of changed objects of ``kind``; an object already waiting
    is due again now, its failures forgotten."""
    now = timezone.now()
    PendingChange.objects.bulk_create(
        [PendingChange(kind=kind, object_id=object_id, queued_at=now, next_attempt_at=now)
         for object_id in dict.fromkeys(object_ids)],
        update_conflicts=True, unique_fields=["kind", "object_id"],
        update_fields=["queued_at", "next_attempt_at", "attempts", "last_error"])


def apply(change: PendingChange, engine: Syncing) -> bool:
    """Bring one object's documents up to date; ``False`` (and a later retry) on failure."""
    if cache.get(rebuilding_key()):
        return False  # applied to the new index after the swap
    try:
        engine.sync(change.kind, change.object_id)
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


def apply_many(changes: Sequence[PendingChange], engine: Syncing) -> int:
    """Bring several objects of one kind up to date in one request to the engine (a harvested
    page, say); returns how many. On failure they stay due, and the sweep tries them one by
    one, each with its own backoff."""
    if not changes or cache.get(rebuilding_key()):
        return 0
    kind = changes[0].kind
    if any(change.kind != kind for change in changes):
        raise ValueError("apply_many takes changes of one kind")
    try:
        engine.sync_many(kind, [change.object_id for change in changes])
    except Exception:
        logger.warning("search changes left to the sweep", extra={"kind": kind,
                                                                 "count": len(changes)})
        return 0
    # A change recorded again since these were read keeps its row (its queued_at moved).
    PendingChange.objects.filter(reduce(operator.or_, (
        Q(pk=change.pk, queued_at=change.queued_at) for change in changes))).delete()
    return len(changes)


def apply_due(engine: Syncing, limit: int = 500) -> tuple[int, int]:
    """Apply the changes whose time has come; returns (applied, still pending)."""
    due = PendingChange.objects.filter(next_attempt_at__lte=timezone.now()).order_by(
        "next_attempt_at")[:limit]
    applied = sum(apply(change, engine) for change in due)
    return applied, PendingChange.objects.count()


@contextmanager
def held_changes(engine: Syncing) -> Iterator[None]:
    """While the index is rebuilt, changes wait in the outbox (what they would change is
    about to be replaced); afterwards they are all applied to the new one."""
    key = rebuilding_key()
    cache.set(key, True, timeout=6 * 3600)
    try:
        yield
    finally:
        cache.delete(key)
        PendingChange.objects.update(next_attempt_at=timezone.now())
        apply_due(engine, limit=100_000)
