from collections.abc import Iterable

from django.db import models
from django.utils import timezone

AUDIENCE = "audience"


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


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, audiences: Iterable[str]) -> "SearchEntryQuerySet":
        return self.filter(pk__in=SearchTag.objects.filter(
            facet=AUDIENCE, value__in=list(audiences)).values("entry"))

    def in_language(self, language: str | None) -> "SearchEntryQuerySet":
        return self.filter(language=language) if language else self

    def tagged(self, facet: str, values: Iterable[str]) -> "SearchEntryQuerySet":
        return self.filter(pk__in=SearchTag.objects.filter(
            facet=facet, value__in=list(values)).values("entry"))


class SearchEntry(models.Model):
    """One search document kept by the database engine (the embedded default); Elasticsearch
    keeps the same documents in its index instead."""

    doc_id = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=400)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Lower-case title, summary and body without spaces: Korean compounds match with or
    # without the space, as the Hangul bigrams do in Elasticsearch.
    folded = models.TextField()
    folded_title = models.CharField(max_length=400)
    date = models.DateField(null=True)
    organisation = models.CharField(max_length=80, blank=True)
    url = models.CharField(max_length=400)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return self.doc_id


class SearchTag(models.Model):
    """A facet value or audience of an entry; facet counts are counts of these."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="tags")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
