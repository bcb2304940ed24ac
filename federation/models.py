"""The change log peers read (/federation/changes): append-only, one row per change of a
published item, with the item as it was published then (so a page of the feed is one query
and a peer sees each change once, in order)."""

from django.db import models
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Activity(models.TextChoices):
    CREATE = "Create", _("Created")
    UPDATE = "Update", _("Updated")
    DELETE = "Delete", _("Deleted")


class ChangeQuerySet(models.QuerySet):
    def after(self, position: int) -> "ChangeQuerySet":
        return self.filter(position__gt=position).order_by("position")

    def latest_per_iri(self, iris) -> dict[str, "Change"]:
        """The last change of each of ``iris`` (one query)."""
        last = (Change.objects.filter(iri__in=list(iris)).values("iri")
                .annotate(last=Max("position")).values("last"))
        return {change.iri: change for change in self.filter(position__in=last)}


class Change(models.Model):
    position = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(_("at"), default=timezone.now)
    activity = models.CharField(_("activity"), max_length=6, choices=Activity.choices)
    kind = models.CharField(_("kind"), max_length=32)
    key = models.CharField(_("key"), max_length=200)
    iri = models.CharField(_("IRI"), max_length=500)
    type = models.CharField(_("type"), max_length=40)  # "scc:CaseStudy", for the tombstone
    item = models.JSONField(_("item"), null=True, blank=True)  # without @context; None: Delete
    digest = models.CharField(max_length=64, blank=True)  # of ``item``: unchanged saves log nothing

    objects = ChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("published change")
        verbose_name_plural = _("published changes")
        ordering = ["position"]
        indexes = [models.Index(fields=["iri", "-position"])]

    def __str__(self) -> str:
        return f"{self.position} {self.activity} {self.iri}"
