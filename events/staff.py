"""What staff do with a meeting's people on the site: approve or decline registrations,
tick who attended, export the list, publish the minutes; and the recurrence picker's
preview of a series' next dates."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from common.exports import csv_safe
from common.messages import flash_errors
from members.permissions import require

from . import services
from .forms import PreviewForm, preview
from .models import Meeting, Registration
from .permissions import EventAction


def _people(meeting: Meeting) -> QuerySet:
    return meeting.registrations.active().select_related("user").order_by("status", "created_at")


def attendees(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, EventAction.MANAGE_MEETINGS)
    meeting = get_object_or_404(Meeting, slug=slug)
    if request.method == "POST":
        ids = {int(v) for v in request.POST.getlist("attended") if v.isascii() and v.isdigit()}
        count = services.record_attendance(meeting, request.user, ids)
        messages.success(request, _("Attendance saved: %(count)d present.") % {"count": count})
        return redirect("events:attendees", slug=slug)
    return render(request, "events/attendees.html", {
        "meeting": meeting, "registrations": _people(meeting),
        "published_by": meeting.minutes_published_by})


@require_POST
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    require(request.user, EventAction.MANAGE_MEETINGS)
    registration = get_object_or_404(Registration, pk=pk, meeting__slug=slug)
    try:
        services.decide(registration, request.user, approve=request.POST.get("approve") == "1")
    except ValidationError as refusal:
        flash_errors(request, refusal.messages)
    return redirect("events:attendees", slug=slug)


def attendees_csv(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, EventAction.MANAGE_MEETINGS)
    meeting = get_object_or_404(Meeting, slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}-attendees.csv"'
    writer = csv.writer(response)
    writer.writerow(["name", "email", "organisation", "status", "registered_at", "attended"])
    for registration in _people(meeting).prefetch_related("user__memberships__organisation"):
        user = registration.user
        organisations = "; ".join(m.organisation.name_en for m in user.memberships.all())
        writer.writerow([csv_safe(v) for v in (
            user.display_name, user.email, organisations, registration.status,
            registration.created_at.isoformat(), "yes" if registration.attended else "no")])
    return response


@require_POST
def publish_minutes(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, EventAction.MANAGE_MEETINGS)
    meeting = get_object_or_404(Meeting.objects.select_related("minutes_published_by"),
                                slug=slug)
    try:
        told = services.publish_minutes(meeting, request.user)
    except ValidationError as refusal:
        flash_errors(request, refusal.messages)
    else:
        say_published(request, meeting, told)
    return redirect("events:attendees", slug=slug)


def say_published(request: HttpRequest, meeting: Meeting, told: int | None) -> None:
    """What staff hear after "Publish minutes": how many were told, or that it was done
    before and nobody was told again."""
    if told is not None:
        messages.success(request, ngettext(
            "Minutes published; %(count)d attendee was told by e-mail.",
            "Minutes published; %(count)d attendees were told by e-mail.", told)
            % {"count": told})
        return
    meeting.refresh_from_db(fields=["minutes_published_at", "minutes_published_by"])
    with timezone.override(meeting.time_zone):
        when = formats.date_format(timezone.localtime(meeting.minutes_published_at),
                                   "DATETIME_FORMAT")
    who = meeting.minutes_published_by
    messages.info(request, _("These minutes were already published on %(when)s by %(who)s; "
                             "nobody was told again.") % {
        "when": when, "who": str(who) if who else _("consortium staff")})


def preview_dates(request: HttpRequest) -> HttpResponse:
    """The next six dates of the series the picker describes (the admin's form asks as its
    fields change), the same fragment its "Preview dates" button renders."""
    require(request.user, EventAction.MANAGE_MEETINGS)
    form = PreviewForm(request.GET)
    form.is_valid()
    context = preview(form)
    if form.errors and not context.get("refused"):
        context = {"refused": " ".join(e for errors in form.errors.values() for e in errors)}
    return render(request, "events/admin/recurrence_preview.html", context)
