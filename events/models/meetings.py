"""One meeting: when (UTC, with the time zone it is held in), where (a venue and/or an online
link only confirmed attendees see), who may come, and what was said afterwards."""

import datetime
import uuid
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from common.i18n import Localized
from members.models import Organisation, validate_time_zone
from solutions_catalog.models import CaseStudyPage, DocumentVisibility, Theme


class MeetingKind(models.TextChoices):
    THEME_MEETING = "theme", _("Theme meeting")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training")
    WEBINAR = "webinar", _("Webinar")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PENDING = "pending", _("Awaiting approval")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingQuerySet(models.QuerySet):
    def upcoming(self) -> "MeetingQuerySet":
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def scheduled(self) -> "MeetingQuerySet":
        return self.filter(status=MeetingStatus.SCHEDULED)

    def minutes_overdue(self, days: int) -> "MeetingQuerySet":
        """Held (not cancelled), ended more than ``days`` days ago, and still without published
        minutes, the longest overdue first."""
        return (self.exclude(status=MeetingStatus.CANCELLED)
                .filter(ends_at__lt=timezone.now() - datetime.timedelta(days=days),
                        minutes_published_at__isnull=True)
                .order_by("ends_at", "pk"))

    def with_seat_counts(self) -> "MeetingQuerySet":
        return self.annotate(confirmed_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)))


class Meeting(ClusterableModel):
    series = models.ForeignKey("events.MeetingSeries", verbose_name=_("series"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="meetings")
    # For a meeting made from its series' rule: the start the rule gave it (UTC). A meeting
    # staff moved, cancelled or re-themed is "detached" and left alone when the rule changes.
    occurrence = models.DateTimeField(_("scheduled occurrence"), null=True, blank=True)
    detached = models.BooleanField(_("changed by hand"), default=False)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices,
                            default=MeetingKind.THEME_MEETING)
    theme = models.ForeignKey(Theme, verbose_name=_("theme"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="meetings")
    title_ko = models.CharField(_("title (Korean)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Seoul",
                                 validators=[validate_time_zone])
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=40)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True,
                                                  blank=True)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices,
                                default=Audience.MEMBERS)
    organiser = models.ForeignKey(Organisation, verbose_name=_("organiser"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="meetings")
    requires_approval = models.BooleanField(_("registrations need approval"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices,
                              default=MeetingStatus.SCHEDULED)
    # Calendar identity: the UID never changes; SEQUENCE rises with every change people
    # should see in their calendars.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    minutes_ko = models.TextField(_("minutes (Korean)"), blank=True)
    minutes_en = models.TextField(_("minutes (English)"), blank=True)
    minutes_published_at = models.DateTimeField(_("minutes published"), null=True, blank=True)
    minutes_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("minutes published by"), null=True,
        blank=True, editable=False, on_delete=models.SET_NULL, related_name="+")
    recording_url = models.URLField(_("recording link"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    title = Localized()
    description = Localized()
    minutes = Localized()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="meeting_ends_after_it_starts"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="meeting_has_seats"),
            models.UniqueConstraint(fields=["series", "occurrence"],
                                    name="one_meeting_per_occurrence"),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:meeting", args=[self.slug])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime.datetime:
        return self.starts_at.astimezone(self.zone)

    def local_start_display(self) -> str:
        """The start on the meeting's own clock, with its zone (the admin's list)."""
        return f"{self.local_start:%Y-%m-%d %H:%M} ({self.time_zone})"

    local_start_display.short_description = _("starts (on the meeting's clock)")

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    def is_registered(self, user) -> bool:
        """Confirmed for this meeting (what members-only parts of it ask of a partner)."""
        return self.registrations.confirmed().filter(user=user).exists()

    def registration_open(self, at: datetime.datetime | None = None) -> bool:
        at = at or timezone.now()
        closes = self.registration_closes_at or self.starts_at
        return (not self.is_cancelled and at < closes
                and (self.registration_opens_at is None or at >= self.registration_opens_at))


class AgendaItem(Orderable, ClusterableModel):
    """An agenda line; a clusterable model itself so that its presented case studies save
    with the meeting's form in the admin."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    case_studies = ParentalManyToManyField(CaseStudyPage, blank=True,
                                           related_name="agenda_items",
                                           verbose_name=_("case studies presented"))

    title = Localized()

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")

    def __str__(self) -> str:
        return self.title


class MeetingDocument(Orderable):
    """Slides, attendance sheets and the like, shared after the meeting; members-only unless
    staff make one public."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("document"),
                                 on_delete=models.CASCADE, related_name="+")
    visibility = models.CharField(_("visibility"), max_length=16,
                                  choices=DocumentVisibility.choices,
                                  default=DocumentVisibility.MEMBERS)

    class Meta(Orderable.Meta):
        verbose_name = _("document")

    def __str__(self) -> str:
        return str(self.document)
