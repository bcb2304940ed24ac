from celery import shared_task


@shared_task(ignore_result=True)
def apply_change(kind: str, object_id: str) -> None:
    from .models import PendingChange
    from .outbox import apply

    change = PendingChange.objects.filter(kind=kind, object_id=object_id).first()
    if change is not None:
        apply(change)  # a failure stays in the outbox for the sweep


@shared_task(ignore_result=True)
def sweep_outbox() -> dict:
    from .outbox import apply_due

    applied, pending = apply_due()
    return {"applied": applied, "pending": pending}
