from collections.abc import Iterable

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    # The title in lower case without spaces, for autocomplete.
    folded_title = models.CharField(max_length=400)
    # Analysed terms (search.analysis), each between spaces, so " term " finds a whole one.
    terms = models.TextField(default="")
    title_terms = models.TextField(default="")
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


class SearchTerm(models.Model):
    """A word the database engine has indexed, with the term it analyses to: the vocabulary
    that typo tolerance and did-you-mean draw on."""

    word = models.CharField(max_length=80, unique=True)
    term = models.CharField(max_length=80, db_index=True)

    def __str__(self) -> str:
        return self.word


class Concept(models.Model):
    """One entry of the bilingual glossary: the Korean and English names of one thing
    (가로등 / street light / streetlight). Documents record the concepts they mention, and a
    query naming a concept in either language finds them."""

    key = models.CharField(_("key"), max_length=120, unique=True, help_text=_(
        "A stable name for this concept, such as city:daegu or term:street-light."))
    label_ko = models.CharField(_("Korean name"), max_length=200)
    label_en = models.CharField(_("English name"), max_length=200)
    alt_labels_ko = models.TextField(_("other Korean names"), blank=True,
                                     help_text=_("One per line."))
    alt_labels_en = models.TextField(_("other English names"), blank=True,
                                     help_text=_("One per line."))

    class Meta:
        ordering = ["key"]
        verbose_name = _("glossary concept")
        verbose_name_plural = _("glossary concepts")

    def __str__(self) -> str:
        return f"{self.label_ko} / {self.label_en}"

    @property
    def labels(self) -> list[str]:
        alternatives = f"{self.alt_labels_ko}\n{self.alt_labels_en}".splitlines()
        return [self.label_ko, self.label_en, *(a.strip() for a in alternatives if a.strip())]
