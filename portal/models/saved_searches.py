"""Searches and filtered listings people saved to hear about new matches, and the matches
each has already told its owner about (at most once per item per saved search)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DIGEST = "digest", _("In the weekly digest")


class SavedSearchQuerySet(models.QuerySet):
    def of(self, user) -> "SavedSearchQuerySet":
        """The searches ``user`` sees on their page (not the standing ones they removed)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user, stopped=False)

    def running(self) -> "SavedSearchQuerySet":
        return self.filter(stopped=False, owner__is_active=True)


class SavedSearch(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="saved_searches")
    # empty for a standing search until its owner renames it (portal.alerts.titles)
    name = models.CharField(_("name"), max_length=120, blank=True)
    listing = models.CharField(_("listing"), max_length=20)  # a key of portal.saved_searches
    query = models.CharField(_("filters"), max_length=1000, blank=True)  # a query string
    delivery = models.CharField(_("alerts"), max_length=12, choices=Delivery.choices,
                                default=Delivery.IMMEDIATELY)
    # What an automatic (standing) search follows, e.g. "challenge:12:offerings"; "" when
    # its owner saved it. A standing search its owner removed is kept, stopped, so that it
    # is not made again.
    standing = models.CharField(max_length=80, blank=True)
    stopped = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["standing", "-created_at", "-pk"]
        constraints = [models.UniqueConstraint(
            fields=["owner", "standing"], condition=~Q(standing=""),
            name="one_standing_search_per_subject")]

    def __str__(self) -> str:
        return self.name


class SavedSearchMatchQuerySet(models.QuerySet):
    def waiting_for_digest(self) -> "SavedSearchMatchQuerySet":
        return self.filter(alerted_at__isnull=True)


class SavedSearchMatch(models.Model):
    """An item a saved search has found: its owner is told once (``alerted_at``, or empty
    while it waits for the weekly digest). The matches of a new search are recorded as
    already told: it alerts only on what appears after it was saved."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE,
                                     related_name="matches")
    item = models.CharField(max_length=80)  # "<kind>-<id>", as search documents name them
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    found_at = models.DateTimeField(auto_now_add=True)
    alerted_at = models.DateTimeField(null=True, blank=True)

    objects = SavedSearchMatchQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["saved_search", "item"],
                                               name="one_match_per_item_per_search")]

    def __str__(self) -> str:
        return self.title
