"""A person's secret address for the deadlines of their bids and their tasks."""

from django.conf import settings
from django.db import models

from common.calendars import SecretFeed


class DeadlineFeed(SecretFeed):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="deadline_feed")

    def __str__(self) -> str:
        return f"deadlines of {self.user}"
