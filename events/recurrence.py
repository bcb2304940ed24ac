"""The recurrence picker's model: a pattern staff choose from lists ("every month, on the third
Wednesday, six times") and the RFC 5545 rule it stands for. icalendar's ``vRecur`` reads and
writes the rule's text; dateutil (through ``MeetingSeries.rule``) expands it. The rule stays
what the series stores, so calendars, feeds and the schedule read it as before."""

import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur

WEEKLY, MONTHLY, CUSTOM = "WEEKLY", "MONTHLY", "CUSTOM"
ON_WEEKDAY, ON_MONTHDAY = "weekday", "monthday"
NO_END, BY_COUNT, BY_DATE = "never", "count", "until"

FREQUENCIES = [(WEEKLY, _("Every week")), (MONTHLY, _("Every month")),
               (CUSTOM, _("Another rule (RFC 5545)"))]
MONTHLY_BY = [(ON_WEEKDAY, _("On a weekday of the month (e.g. the third Wednesday)")),
              (ON_MONTHDAY, _("On a day of the month (e.g. the 15th)"))]
ORDINALS = [(1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")),
            (-1, _("last"))]
WEEKDAYS = [("MO", _("Monday")), ("TU", _("Tuesday")), ("WE", _("Wednesday")),
            ("TH", _("Thursday")), ("FR", _("Friday")), ("SA", _("Saturday")),
            ("SU", _("Sunday"))]
ENDS = [(BY_COUNT, _("After a number of meetings")), (BY_DATE, _("On a date")),
        (NO_END, _("Never"))]

# A series may make at most this many meetings; one with no end is judged over the next ten
# years (weekly with no end is too many: it needs an end; monthly is not).
MAX_MEETINGS = 500
UNENDING_SPAN_YEARS = 10
PREVIEW_SIZE = 6
PICKED_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL"}


@dataclass(frozen=True)
class Pattern:
    frequency: str = MONTHLY
    interval: int = 1
    monthly_by: str = ON_WEEKDAY
    ordinal: int = 1
    weekday: str = "MO"
    monthday: int = 1
    ends: str = BY_COUNT
    count: int | None = None
    until: datetime.date | None = None
    custom: str = ""

    def rule(self, zone: zoneinfo.ZoneInfo) -> str:
        """The RFC 5545 rule; an end date is the end of that day in the series' zone, written
        in UTC as RFC 5545 asks."""
        if self.frequency == CUSTOM:
            return self.custom.strip().removeprefix("RRULE:")
        parts: dict = {"FREQ": self.frequency}
        if self.interval > 1:
            parts["INTERVAL"] = self.interval
        if self.frequency == MONTHLY and self.monthly_by == ON_MONTHDAY:
            parts["BYMONTHDAY"] = self.monthday
        elif self.frequency == MONTHLY:
            parts["BYDAY"] = f"{self.ordinal}{self.weekday}"
        else:
            parts["BYDAY"] = self.weekday
        if self.ends == BY_COUNT and self.count:
            parts["COUNT"] = self.count
        elif self.ends == BY_DATE and self.until:
            end = datetime.datetime.combine(self.until, datetime.time(23, 59, 59), zone)
            parts["UNTIL"] = end.astimezone(datetime.UTC)
        return vRecur(parts).to_ical().decode()


def pattern_of(rule: str, zone: zoneinfo.ZoneInfo) -> Pattern:
    """The picker's view of a stored rule; one it cannot show (a daily rule, two weekdays)
    is kept as written, under "another rule"."""
    text = (rule or "").strip().removeprefix("RRULE:")
    if not text:
        return Pattern()
    try:
        parts = {key: values for key, values in vRecur.from_ical(text).items()}
        pattern = _picked(parts, zone)
    except (ValueError, TypeError, KeyError, IndexError):
        pattern = None
    return pattern or Pattern(frequency=CUSTOM, ends=NO_END, custom=text)


def _picked(parts: dict, zone: zoneinfo.ZoneInfo) -> Pattern | None:
    frequency = parts["FREQ"][0]
    days, monthdays = parts.get("BYDAY", []), parts.get("BYMONTHDAY", [])
    if (set(parts) - PICKED_PARTS or frequency not in (WEEKLY, MONTHLY)
            or len(days) + len(monthdays) != 1):
        return None
    fields: dict = {"frequency": frequency, "interval": int(parts.get("INTERVAL", [1])[0])}
    if monthdays:
        if frequency != MONTHLY or not 1 <= int(monthdays[0]) <= 31:
            return None
        fields |= {"monthly_by": ON_MONTHDAY, "monthday": int(monthdays[0])}
    else:
        day = str(days[0])
        ordinal, weekday = day[:-2], day[-2:]
        if frequency == MONTHLY and int(ordinal or 0) not in dict(ORDINALS):
            return None
        if frequency == WEEKLY and ordinal:
            return None
        fields |= {"weekday": weekday, "ordinal": int(ordinal or 1)}
    if "COUNT" in parts:
        fields |= {"ends": BY_COUNT, "count": int(parts["COUNT"][0])}
    elif "UNTIL" in parts:
        until = parts["UNTIL"][0]
        if isinstance(until, datetime.datetime):
            until = (until.astimezone(zone) if until.tzinfo else until).date()
        fields |= {"ends": BY_DATE, "until": until}
    else:
        fields["ends"] = NO_END
    return Pattern(**fields)


def has_end(rule: str) -> bool:
    return any(part in rule.upper() for part in ("COUNT=", "UNTIL="))


def refusal(series) -> str | None:
    """Why the series' rule cannot be saved (its end before its first date, or too many
    meetings), or None. ``series`` is a ``MeetingSeries``, saved or not, whose rule reads."""
    rule = series.rule()
    if next(iter(rule), None) is None:
        return (_("The end date is before the first date: this rule gives no meeting.")
                if "UNTIL=" in series.recurrence.upper()
                else _("This rule gives no meeting at all."))
    extra = next(itertools.islice(rule, MAX_MEETINGS, None), None)
    if extra is None:
        return None
    if has_end(series.recurrence):
        return _("This rule makes more than %(max)d meetings: end it sooner, or after "
                 "fewer meetings.") % {"max": MAX_MEETINGS}
    start = datetime.datetime.combine(series.first_date, series.start_time)
    if extra <= start + relativedelta(years=UNENDING_SPAN_YEARS):
        return _("With no end, this rule makes more than %(max)d meetings in %(years)d "
                 "years: end it after a number of meetings or on a date.") % {
            "max": MAX_MEETINGS, "years": UNENDING_SPAN_YEARS}
    return None


def next_dates(series, *, now: datetime.datetime | None = None,
               size: int = PREVIEW_SIZE) -> list[datetime.datetime]:
    """The next ``size`` starts of the series from now (or from its first date, if later),
    aware, in the series' own zone."""
    now = (now or timezone.now()).astimezone(series.zone).replace(tzinfo=None)
    rule = series.rule()
    return [local.replace(tzinfo=series.zone)
            for local in itertools.islice(rule.xafter(now, inc=True), size)]
