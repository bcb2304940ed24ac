"""The worker's side of the outbox, and the one door that records a change and asks a
worker to apply it after commit."""

from collections.abc import Sequence

from celery import shared_task

from . import outbox
from .engines import get_engine
from .models import PendingChange


def record_change(kind: str, object_id: str) -> None:
    """Note that ``kind``'s object ``object_id`` changed, in the caller's transaction."""
    outbox.record(kind, object_id)
    apply_change.delay_on_commit(kind, object_id)


def record_changes(kind: str, object_ids: Sequence[str]) -> None:
    """As ``record_change`` for many objects of one kind at once (a harvested page): one
    statement, and one task that indexes them in one request."""
    if object_ids:
        outbox.record_many(kind, object_ids)
        apply_changes.delay_on_commit(kind, list(object_ids))


@shared_task(ignore_result=True)
def apply_change(kind: str, object_id: str) -> None:
    change = PendingChange.objects.filter(kind=kind, object_id=object_id).first()
    if change is not None:
        outbox.apply(change, get_engine())  # a failure stays in the outbox for the sweep


@shared_task(ignore_result=True)
def apply_changes(kind: str, object_ids: list[str]) -> None:
    changes = list(PendingChange.objects.filter(kind=kind, object_id__in=object_ids))
    outbox.apply_many(changes, get_engine())


@shared_task(ignore_result=True)
def sweep_outbox() -> dict:
    applied, pending = outbox.apply_due(get_engine())
    return {"applied": applied, "pending": pending}
