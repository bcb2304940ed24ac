"""The bid team's shared work: tasks, versioned documents, comments, and one activity feed
that records all of it."""

import os

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _

from .bids import FINAL, Bid, BidStatus


class PrivateStorage(LazyObject):
    """``STORAGES["private"]``, looked up when first used and again after the setting
    changes (as Django's ``default_storage`` is), so a field declared at import still follows
    the setting: a test's temporary folder, not the one the process started with."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


bid_files = PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        bid_files._wrapped = empty


def private_storage() -> Storage:
    """Where bid files live (``STORAGES["private"]``): outside MEDIA_ROOT, or a private part
    of the bucket; no URL serves them except the team's view. A callable, so migrations do
    not record a machine's path."""
    return bid_files


class BidTaskQuerySet(models.QuerySet):
    def due_for(self, people, start, end) -> "BidTaskQuerySet":
        """Unfinished tasks of ``people`` on open bids, due from ``start`` to before ``end``
        (dates)."""
        return (self.filter(owner__in=people, done_at__isnull=True, due_on__gte=start,
                            due_on__lt=end)
                .exclude(bid__status__in=FINAL).select_related("bid"))

    def open_for(self, user) -> "BidTaskQuerySet":
        """``user``'s unfinished tasks on bids still open that they may still see, by due
        date (undated ones last)."""
        if not user.is_authenticated:
            return self.none()
        bids = Bid.objects.visible_to(user).exclude(status__in=FINAL)
        return (self.filter(owner=user, done_at__isnull=True, bid__in=bids.values("pk"))
                .select_related("bid")
                .order_by(models.F("due_on").asc(nulls_last=True), "pk"))


class BidTask(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="bid_tasks")
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BidTaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = [models.F("done_at").asc(nulls_first=True),
                    models.F("due_on").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def done(self) -> bool:
        return self.done_at is not None

    @property
    def overdue(self) -> bool:
        """Still open past its due date (in the active time zone: the reader's)."""
        return not self.done and self.due_on is not None and self.due_on < timezone.localdate()


class BidDocument(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bid document")
        verbose_name_plural = _("bid documents")
        ordering = ["title", "pk"]
        constraints = [models.UniqueConstraint(fields=["bid", "title"],
                                               name="one_document_per_title")]

    def __str__(self) -> str:
        return self.title


def _version_path(version: "BidDocumentVersion", filename: str) -> str:
    return f"bids/{version.document.bid_id}/{version.document_id}/{version.number}-{filename}"


class BidDocumentVersion(models.Model):
    document = models.ForeignKey(BidDocument, on_delete=models.CASCADE,
                                 related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(storage=private_storage, upload_to=_version_path, max_length=300)
    size = models.PositiveIntegerField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"],
                                               name="one_version_number")]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name).split("-", 1)[-1]


class BidComment(models.Model):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class ActivityKind(models.TextChoices):
    CREATED = "created", _("started the bid")
    STATUS = "status", _("changed the status")
    PARTNER = "partner", _("added a partner")
    TASK = "task", _("assigned a task")
    TASK_DONE = "task_done", _("completed a task")
    DOCUMENT = "document", _("uploaded a document")
    COMMENT = "comment", _("commented")


class BidActivity(models.Model):
    """One line of the bid's feed. ``subject`` is what it was about, in the words the team
    typed (a task's title, a partner's name); the verb comes from ``kind`` in the reader's
    language."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="activity")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                              related_name="+")
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    subject = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=BidStatus.choices, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"


class FundingReminderSent(models.Model):
    """A deadline reminder once sent (so the hourly task never sends it twice)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    subject = models.CharField(max_length=40)  # "opportunity:<pk>" or "task:<pk>"
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "subject", "days_before"],
                                               name="one_funding_reminder")]

    def __str__(self) -> str:
        return f"{self.subject} −{self.days_before}d"
