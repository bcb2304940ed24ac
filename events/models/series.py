"""A meeting series: an RFC 5545 recurrence rule in the series' own time zone, and a
rotation of themes over its occurrences ("second Tuesday of every month, 10:00 Asia/Seoul,
connectivity → cybersecurity → mobility → ...")."""

import datetime
import re
import zoneinfo

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from common.i18n import Localized
from members.models import Organisation, validate_time_zone
from solutions_catalog.models import Theme

from ..recurrence import refusal
from .meetings import Audience, MeetingKind

# A rule is expanded at most this far from its first date, whatever it says (a daily
# series reaches it after 27 years).
MAX_OCCURRENCES = 10_000
UTC_UNTIL = re.compile(r"UNTIL=(\d{8}T\d{6})Z")


class MeetingSeries(ClusterableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description_ko = models.TextField(_("description (Korean)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices,
                            default=MeetingKind.THEME_MEETING)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices,
                                default=Audience.MEMBERS)
    organiser = models.ForeignKey(Organisation, verbose_name=_("organiser"), null=True,
                                  blank=True, on_delete=models.SET_NULL,
                                  related_name="meeting_series")
    recurrence = models.CharField(
        _("recurrence rule"), max_length=300,
        help_text=_("Kept as an RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=2TU for the second "
                    "Tuesday of every month; staff choose it with the recurrence picker."))
    first_date = models.DateField(_("first date"))
    start_time = models.TimeField(_("start time"))
    duration = models.DurationField(_("duration"), default=datetime.timedelta(hours=2))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Seoul",
                                 validators=[validate_time_zone])
    capacity = models.PositiveIntegerField(_("capacity"), default=40)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    requires_approval = models.BooleanField(_("registrations need approval"), default=False)

    title = Localized()
    description = Localized()

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self) -> None:
        super().clean()
        if self.recurrence and self.first_date and self.start_time:
            try:
                refused = refusal(self)
            except (ValueError, TypeError) as error:
                raise ValidationError({"recurrence": _(
                    "Not a recurrence rule this portal can read: write one RFC 5545 rule such "
                    "as FREQ=MONTHLY;BYDAY=2TU.")}) from error
            if refused:
                raise ValidationError({"recurrence": refused})

    def rule(self) -> rrule:
        """The rule in local wall-clock time: 10:00 stays 10:00 across daylight saving. An
        UNTIL given in UTC (…Z, as RFC 5545 has it) is read in the series' zone."""
        start = datetime.datetime.combine(self.first_date, self.start_time)
        text = self.recurrence.strip().removeprefix("RRULE:")
        if not text.startswith("FREQ=") or "\n" in text or "DTSTART" in text:
            raise ValueError("one RRULE without DTSTART")
        text = UTC_UNTIL.sub(self._local_until, text)
        return rrulestr(text, dtstart=start, cache=False)

    def _local_until(self, match: re.Match) -> str:
        until = datetime.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S")
        local = until.replace(tzinfo=datetime.UTC).astimezone(self.zone)
        return f"UNTIL={local:%Y%m%dT%H%M%S}"

    def occurrences(self, after: datetime.datetime,
                    before: datetime.datetime) -> list[datetime.datetime]:
        """Starts (aware, in UTC) of the occurrences between two aware datetimes."""
        rule = self.rule()
        local_after = after.astimezone(self.zone).replace(tzinfo=None)
        local_before = before.astimezone(self.zone).replace(tzinfo=None)
        starts = []
        for local in rule.xafter(local_after - datetime.timedelta(seconds=1),
                                 count=MAX_OCCURRENCES, inc=True):
            if local > local_before:
                break
            starts.append(local.replace(tzinfo=self.zone).astimezone(datetime.UTC))
        return starts

    def theme_for(self, index: int) -> Theme | None:
        """The theme of the series' ``index``-th occurrence (0 = the first)."""
        rotation = [step.theme for step in self.rotation.select_related("theme")]
        return rotation[index % len(rotation)] if rotation else None


class SeriesTheme(Orderable):
    """One step of a series' theme rotation."""

    series = ParentalKey(MeetingSeries, on_delete=models.CASCADE, related_name="rotation")
    theme = models.ForeignKey(Theme, verbose_name=_("theme"), on_delete=models.CASCADE)

    def __str__(self) -> str:
        return f"{self.series} #{self.sort_order}: {self.theme}"
