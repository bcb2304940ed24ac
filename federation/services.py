"""Recording what changed in what this node publishes, and rebuilding that log from the
current state (a node that joins a federation with content already in it)."""

import hashlib
import json
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone

from .iris import item_iri
from .models import Activity, Change
from .registry import PublishedType, published_type, published_types

CHUNK = 200
# The key of the PostgreSQL advisory lock that makes one writer of the log at a time.
LOG_LOCK = 0x5CC_F0ED


def digest(item: dict) -> str:
    return hashlib.sha256(json.dumps(item, sort_keys=True, ensure_ascii=False)
                          .encode()).hexdigest()


def _lock_log() -> None:
    """Hold the log's lock until the transaction ends. Positions are taken from a sequence:
    two writers at once could commit them out of order, and a peer that read the later one
    would never see the earlier. One writer at a time commits them in order. SQLite (the
    embedded default) serialises writers by itself."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOG_LOCK])


def record(kind: str, keys: Iterable[str]) -> list[Change]:
    """Log each of ``keys`` of ``kind`` as it is now: created or updated with the item as
    published, or a tombstone once it is no longer public (deleted, unpublished, made
    members-only). An unchanged item logs nothing. Queries do not grow with ``keys``."""
    published = published_type(kind)
    keys = sorted({str(key) for key in keys})
    if published is None or not keys:
        return []
    with transaction.atomic():
        # Read under the lock too, so a stale state is never logged after a newer one.
        _lock_log()
        return _record(published, keys)


def _record(published: PublishedType, keys: list[str]) -> list[Change]:
    kind = published.kind
    items = published.items(keys)
    iris = {key: item_iri(kind, key) for key in keys}
    latest = Change.objects.latest_per_iri(iris.values())
    now = timezone.now()
    changes = []
    for key in keys:
        last, item = latest.get(iris[key]), items.get(key)
        gone = last is None or last.activity == Activity.DELETE
        if item is None:
            if not gone:
                changes.append(Change(at=now, activity=Activity.DELETE, kind=kind, key=key,
                                      iri=iris[key], type=published.type))
            continue
        item_digest = digest(item)
        if gone or last.digest != item_digest:
            changes.append(Change(at=now, activity=Activity.CREATE if gone else Activity.UPDATE,
                                  kind=kind, key=key, iri=iris[key], type=published.type,
                                  item=item, digest=item_digest))
    return Change.objects.bulk_create(changes)


def record_later(kind: str, keys: Iterable[str]) -> None:
    """``record`` once the current transaction commits (it reads what was committed), in a
    short transaction of its own holding the log's lock."""
    keys = [str(key) for key in keys]
    if keys:
        transaction.on_commit(lambda: record(kind, keys))


def _logged_keys(published: PublishedType) -> set[str]:
    return set(Change.objects.filter(kind=published.kind).values_list("key", flat=True)
               .distinct())


def rebuild() -> int:
    """Bring the log in line with what is public now: a Create or Update for each public item
    not logged as it is, a tombstone for each logged item no longer public. Idempotent;
    returns the number of changes written."""
    written = 0
    for published in published_types():
        public = {str(k) for k in published.public().values_list(published.key_field, flat=True)}
        keys = sorted(public | _logged_keys(published))
        for start in range(0, len(keys), CHUNK):
            written += len(record(published.kind, keys[start:start + CHUNK]))
    return written
