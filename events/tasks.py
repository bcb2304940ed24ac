import logging

from celery import shared_task

from .models import MeetingSeries
from .reminders import send_minutes, send_reminders
from .schedule import materialise

logger = logging.getLogger(__name__)


@shared_task
def materialise_all_series() -> int:
    """Keep every series' meetings created a year ahead (Celery beat, daily). One series
    failing does not stop the others."""
    created = 0
    for series in MeetingSeries.objects.all():
        try:
            created += materialise(series)
        except Exception:
            logger.exception("could not schedule series", extra={"series": series.slug})
    return created


@shared_task
def send_meeting_reminders() -> int:
    """A week and a day before each meeting, and published minutes (Celery beat, hourly);
    safe to run twice."""
    return send_reminders() + send_minutes()
