"""Staff forms of the events app: the recurrence picker (lists that compose the series' RFC
5545 rule), the time-zone select, and a meeting's times typed and shown on the meeting's own
clock, whoever edits it."""

import datetime
import zoneinfo
from dataclasses import asdict, fields

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from common.time_zones import in_zone, wall_clock, zone_choices

from . import recurrence
from .models import MeetingSeries
from .recurrence import Pattern

PARTS = [field.name for field in fields(Pattern)]
LABELS = {
    "frequency": _("Frequency"), "interval": _("Every how many weeks or months"),
    "monthly_by": _("On"), "ordinal": _("Which"), "weekday": _("Weekday"),
    "monthday": _("Day of the month"), "ends": _("Ends"), "count": _("Number of meetings"),
    "until": _("Last date"), "custom": _("Rule (RFC 5545)"),
}


class RecurrenceWidget(forms.MultiWidget):
    template_name = "events/widgets/recurrence.html"

    def __init__(self, attrs=None):
        number = {"min": 1, "inputmode": "numeric"}
        super().__init__({
            "frequency": forms.Select(choices=recurrence.FREQUENCIES),
            "interval": forms.NumberInput(attrs={**number, "max": 12}),
            "monthly_by": forms.Select(choices=recurrence.MONTHLY_BY),
            "ordinal": forms.Select(choices=recurrence.ORDINALS),
            "weekday": forms.Select(choices=recurrence.WEEKDAYS),
            "monthday": forms.NumberInput(attrs={**number, "max": 31}),
            "ends": forms.Select(choices=recurrence.ENDS),
            "count": forms.NumberInput(attrs={**number, "max": recurrence.MAX_MEETINGS}),
            "until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "custom": forms.TextInput(attrs={"size": 40}),
        }, attrs)

    class Media:
        js = ["events/js/recurrence-picker.js"]
        css = {"all": ["events/css/recurrence-picker.css"]}

    def decompress(self, value) -> list:
        if isinstance(value, str):
            value = recurrence.pattern_of(value, zoneinfo.ZoneInfo("UTC"))
        value = value or Pattern()
        return [asdict(value)[part] for part in PARTS]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["parts"] = [
            {"part": part, "label": LABELS[part], "widget": widget}
            for part, widget in zip(PARTS, context["widget"]["subwidgets"], strict=True)]
        return context


class RecurrenceField(forms.MultiValueField):
    """The picker's answers, as a ``Pattern``; the form turns it into a rule once it knows
    the series' zone (an end date is the end of that day there)."""

    widget = RecurrenceWidget

    def __init__(self, **kwargs):
        super().__init__(fields=[
            forms.ChoiceField(choices=recurrence.FREQUENCIES),
            forms.IntegerField(min_value=1, max_value=12, required=False),
            forms.ChoiceField(choices=recurrence.MONTHLY_BY, required=False),
            forms.TypedChoiceField(choices=recurrence.ORDINALS, coerce=int, required=False),
            forms.ChoiceField(choices=recurrence.WEEKDAYS, required=False),
            forms.IntegerField(min_value=1, max_value=31, required=False),
            forms.ChoiceField(choices=recurrence.ENDS),
            forms.IntegerField(min_value=1, required=False),
            forms.DateField(required=False),
            forms.CharField(max_length=300, required=False),
        ], require_all_fields=False, **kwargs)

    def compress(self, data_list) -> Pattern | None:
        if not data_list:
            return None
        values = dict(zip(PARTS, data_list, strict=True))
        if values["frequency"] == recurrence.CUSTOM:
            if not values["custom"]:
                raise ValidationError(_("Write the rule, or choose weekly or monthly."))
            return Pattern(frequency=recurrence.CUSTOM, ends=recurrence.NO_END,
                           custom=values["custom"])
        if values["ends"] == recurrence.BY_COUNT and not values["count"]:
            raise ValidationError(_("Give the number of meetings, or choose another end."))
        if values["ends"] == recurrence.BY_DATE and not values["until"]:
            raise ValidationError(_("Give the last date, or choose another end."))
        defaults = asdict(Pattern())
        return Pattern(**{part: defaults[part] if values[part] in (None, "") else values[part]
                          for part in PARTS})


class WhenForm(forms.Form):
    """When a series meets: what the preview needs, and the series' form shares."""

    recurrence = RecurrenceField(label=_("Repeats"))
    first_date = forms.DateField(label=_("first date"))
    start_time = forms.TimeField(label=_("start time"))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=zone_choices)


def compose_rule(form: forms.BaseForm) -> None:
    """Turn the picker's pattern into the rule, at the picker: an end date before the first
    date is refused there."""
    data = form.cleaned_data
    pattern, first, zone = data.get("recurrence"), data.get("first_date"), data.get("time_zone")
    if not isinstance(pattern, Pattern) or not zone:
        return
    if pattern.ends == recurrence.BY_DATE and first and pattern.until < first:
        form.add_error("recurrence", _("The last date (%(until)s) is before the first date "
                                       "(%(first)s).") % {"until": pattern.until,
                                                           "first": first})
        return
    data["recurrence"] = pattern.rule(zoneinfo.ZoneInfo(zone))


def preview(form: forms.BaseForm, instance: MeetingSeries | None = None) -> dict:
    """The next six dates of the series the form describes, in its own zone: for a form
    filled in and valid as far as "when" goes, else for the saved series, else none."""
    series = None
    if form.is_bound and hasattr(form, "cleaned_data"):
        data = form.cleaned_data
        if not any(name in form.errors for name in WhenForm.base_fields) and all(
                isinstance(data.get(name), kind) for name, kind in (
                    ("recurrence", str), ("first_date", datetime.date),
                    ("start_time", datetime.time), ("time_zone", str))):
            series = MeetingSeries(**{name: data[name] for name in WhenForm.base_fields})
    elif instance is not None and instance.pk:
        series = instance
    if series is None:
        return {"dates": [], "zone": "", "waiting": True}
    try:
        refused = recurrence.refusal(series)
        dates = [] if refused else recurrence.next_dates(series)
    except (ValueError, TypeError):
        refused, dates = _("Not a recurrence rule this portal can read."), []
    return {"dates": dates, "zone": series.time_zone, "refused": refused,
            "rule": series.recurrence}


class PreviewForm(WhenForm):
    def clean(self) -> dict:
        data = super().clean()
        compose_rule(self)
        return data


class SeriesForm(WagtailAdminModelForm):
    recurrence = RecurrenceField(label=_("Repeats"))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=zone_choices,
                                  initial="Asia/Seoul")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["recurrence"] = recurrence.pattern_of(
                self.instance.recurrence, self.instance.zone)
        else:
            self.initial.setdefault("recurrence", Pattern(ends=recurrence.BY_COUNT, count=12))

    def clean(self) -> dict:
        data = super().clean()
        compose_rule(self)
        return data


MEETING_TIMES = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


class MeetingForm(WagtailAdminModelForm):
    """Start, end and registration window typed and shown in the meeting's own zone (named
    beside each), stored as instants in UTC."""

    time_zone = forms.ChoiceField(label=_("Time zone"), choices=zone_choices,
                                  initial="Asia/Seoul")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self.instance.time_zone or "Asia/Seoul"
        for name in MEETING_TIMES:
            field = self.fields.get(name)
            if field is None:
                continue
            field.help_text = (_("On the meeting's clock: %(zone)s") % {"zone": zone}
                               if self.instance.pk else
                               _("On the meeting's clock, in the time zone chosen here"))
            value = getattr(self.instance, name)
            if value is not None:
                self.initial[name] = wall_clock(value, zone)

    def clean(self) -> dict:
        data = super().clean()
        zone = data.get("time_zone")
        if not zone:
            return data
        for name in MEETING_TIMES:
            if data.get(name):
                data[name] = in_zone(data[name], zone)
                setattr(self.instance, name, data[name])
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end is not after the start: give an end later "
                                        "than %(start)s.") % {
                "start": f"{data['starts_at']:%Y-%m-%d %H:%M}"})
        return data
