from django.db import models
from django.utils import timezone


class PendingChange(models.Model):
    """The indexing outbox: an object whose search documents must be brought up to date.
    A row stays until the search engine has acknowledged the change, so nothing is lost
    while Elasticsearch is down; repeated changes to one object share one row."""

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    queued_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"],
                                               name="one_pending_change_per_object")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id}"
