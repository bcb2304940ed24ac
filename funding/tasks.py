from celery import shared_task

from . import reminders


@shared_task
def send_funding_reminders() -> int:
    """14, 7 and 2 days before opportunity deadlines and task due dates (Celery beat, hourly);
    safe to run twice."""
    return reminders.send_funding_reminders()
