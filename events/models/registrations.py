"""Who comes to a meeting. Seats are handed out under a lock on the meeting's row, so the
confirmed never outnumber the capacity however many register at once."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.calendars import SecretFeed

from .meetings import Meeting, MeetingStatus, RegistrationStatus

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
          RegistrationStatus.PENDING)


class RegistrationQuerySet(models.QuerySet):
    def of_people_between(self, people, start, end) -> "RegistrationQuerySet":
        """Standing registrations of ``people`` for scheduled meetings starting from
        ``start`` to before ``end``, with their meetings."""
        return (self.active().filter(user__in=people, meeting__starts_at__gte=start,
                                     meeting__starts_at__lt=end,
                                     meeting__status=MeetingStatus.SCHEDULED)
                .select_related("meeting").order_by("meeting__starts_at", "pk"))

    def active(self) -> "RegistrationQuerySet":
        return self.filter(status__in=ACTIVE)

    def confirmed(self) -> "RegistrationQuerySet":
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def upcoming_for(self, user) -> "RegistrationQuerySet":
        """``user``'s standing registrations for meetings not over yet, the soonest first."""
        if not user.is_authenticated:
            return self.none()
        return (self.active().filter(user=user, meeting__ends_at__gte=timezone.now())
                .select_related("meeting").order_by("meeting__starts_at", "pk"))

    def seats_taken_and_held_by(self, user) -> tuple[int, bool]:
        """How many are confirmed, and whether ``user`` already holds a place: one query,
        since it runs while the meeting's row is locked."""
        counts = self.aggregate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            held=Count("pk", filter=Q(user=user, status__in=ACTIVE)))
        return counts["confirmed"], counts["held"] > 0

    def awaiting_approval(self) -> "RegistrationQuerySet":
        """Waiting for staff to approve or decline, for meetings not over yet, with their
        meetings and people, the longest waiting first."""
        return (self.filter(status=RegistrationStatus.PENDING,
                            meeting__ends_at__gte=timezone.now())
                .select_related("meeting", "user").order_by("created_at", "pk"))

    def waitlisted(self) -> "RegistrationQuerySet":
        """In the order they will be promoted: first come, first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="registrations")
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    attended = models.BooleanField(_("attended"), default=False)

    objects = RegistrationQuerySet.as_manager()
    # Not content that "uses" the meeting: indexing each one would add five statements to the
    # seat lock's critical section, the registration race's bottleneck.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], condition=Q(status__in=ACTIVE),
                                    name="one_active_registration_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.meeting} ({self.status})"


class SeriesSubscription(models.Model):
    """Registered once for every future meeting of a series."""

    series = models.ForeignKey("events.MeetingSeries", on_delete=models.CASCADE,
                               related_name="subscriptions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="series_subscriptions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["series", "user"],
                                               name="one_subscription_per_series")]

    def __str__(self) -> str:
        return f"{self.user} → {self.series}"


class CalendarFeed(SecretFeed):
    """A person's secret calendar address: their meetings, with online links where they are
    confirmed. Rotating the token retires the old address at once."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed")

    def __str__(self) -> str:
        return f"calendar of {self.user}"


class ReminderKind(models.TextChoices):
    WEEK = "week", _("A week before")
    DAY = "day", _("A day before")
    MINUTES = "minutes", _("Minutes")


class ReminderSent(models.Model):
    """A reminder that went out: the unique pair makes a second run of the task a no-op."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE,
                                     related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "kind"],
                                               name="one_reminder_of_each_kind")]

    def __str__(self) -> str:
        return f"{self.kind} reminder for {self.registration}"
