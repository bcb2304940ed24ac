from celery import shared_task

from .models import MeetingSeries
from .schedule import materialise


@shared_task
def materialise_all_series() -> int:
    """Keep every series' meetings created a year ahead (Celery beat, daily)."""
    return sum(materialise(series) for series in MeetingSeries.objects.all())
