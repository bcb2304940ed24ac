"""Meetings as members meet them: the upcoming list with filters, a meeting's page with its
agenda and registration (htmx, and plain forms without JavaScript)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from common.calendars import ics_response
from common.facets import apply_facets, paginate
from common.listings import read_listing, relevance, with_keyword
from common.messages import flash_errors
from common.redirects import safe_next
from members.permissions import MemberAction, check
from solutions_catalog.models import DocumentVisibility, Theme

from . import services
from .calendar import calendar
from .listing import FACETS, KEYWORD_FIELDS, ORDER, PAGE_SIZE, SORTS, TITLES
from .models import CalendarFeed, Meeting, MeetingSeries, RegistrationStatus
from .month import FIRST_YEAR, LAST_YEAR, month_of, other_filters, parse_month, this_month
from .permissions import EventAction

FEED_HISTORY = datetime.timedelta(days=90)  # past meetings a feed still carries


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings as a list, or (``?view=month&month=2026-12``) as a month grid."""
    as_month = request.GET.get("view") == "month"
    asked = read_listing(request.GET, SORTS)
    base = with_keyword(Meeting.objects.all() if as_month else Meeting.objects.upcoming(),
                        asked, KEYWORD_FIELDS)
    result = apply_facets(base, FACETS, request.GET)
    listing = (result.queryset.select_related("theme", "organiser").with_seat_counts()
               .annotate(relevance=relevance(asked, TITLES)).order_by(*ORDER[asked.sort]))
    feed = (CalendarFeed.objects.filter(user=request.user).first()
            if request.user.is_authenticated else None)
    meetings = paginate(result, listing, request.GET, PAGE_SIZE, asked, keep=["view", "month"])
    month, month_error = None, ""
    if as_month:
        try:
            first = parse_month(request.GET.get("month"))
        except ValueError:
            first, month_error = this_month(), _(
                "The calendar cannot show that month: ask for a year from %(first)d to "
                "%(last)d and a month from 1 to 12, as in 2026-12. Here is this month.") % {
                "first": FIRST_YEAR, "last": LAST_YEAR}
        # the filters as the listing applied them (unknown values dropped, keyword cut)
        month = month_of(listing, first, other_filters(QueryDict(meetings.query_without_page)))
    return render(request, "events/meeting_list.html", {
        "meetings": meetings,
        "month": month, "month_error": month_error,
        "own_zone": request.user.is_authenticated and bool(request.user.time_zone),
        # the filter form keeps the month view
        "keep": [("view", "month"), ("month", f"{month.first:%Y-%m}")] if month else [],
        "feed": feed, "themes": Theme.objects.all(), "all_series": MeetingSeries.objects.all(),
    })


def past_meetings(request: HttpRequest) -> HttpResponse:
    """The archive: past meetings, newest first, marked where minutes exist."""
    meetings = Paginator(Meeting.objects.past().scheduled().select_related("theme"),
                         PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/past_meetings.html", {"meetings": meetings})


def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(
        Meeting.objects.select_related("theme", "organiser", "series").with_seat_counts(),
        slug=slug)
    registration = (meeting.registrations.active().filter(user=request.user).first()
                    if request.user.is_authenticated else None)
    confirmed = registration is not None and registration.status == RegistrationStatus.CONFIRMED
    manages = check(request.user, EventAction.MANAGE_MEETINGS).allowed
    members_only = check(request.user, MemberAction.READ_MEMBERS_ONLY, meeting).allowed
    waiting_position = (list(meeting.registrations.waitlisted().values_list("pk", flat=True))
                        .index(registration.pk) + 1
                        if registration and registration.status == RegistrationStatus.WAITLISTED
                        else None)
    return render(request, "events/meeting_detail.html", {
        "meeting": meeting,
        "agenda": meeting.agenda.prefetch_related("case_studies"),
        "registration": registration,
        "waiting_position": waiting_position,
        "show_online_link": bool(meeting.online_url) and (confirmed or manages),
        "manages": manages,
        "minutes_visible": bool(meeting.minutes_published_at) and members_only,
        "documents": [d for d in meeting.documents.select_related("document")
                      if members_only or d.visibility == DocumentVisibility.PUBLIC],
        "may_register": check(request.user, EventAction.REGISTER_FOR_MEETING, meeting),
        "seats_left": max(0, meeting.capacity - meeting.confirmed_count),
        "follows_series": meeting.series_id is not None and request.user.is_authenticated
        and meeting.series.subscriptions.filter(user=request.user).exists(),
    })


@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    try:
        registration = services.register(meeting, request.user)
    except (ValidationError, PermissionDenied) as refusal:
        flash_errors(request, getattr(refusal, "messages", None) or [str(refusal)])
    else:
        messages.success(request, {
            RegistrationStatus.CONFIRMED: _("You are registered. See you there!"),
            RegistrationStatus.WAITLISTED: _("The meeting is full: you are on the waiting "
                                             "list and will get an e-mail if a seat opens."),
            RegistrationStatus.PENDING: _("Thank you: the organisers will confirm your "
                                          "registration."),
        }[registration.status])
    return redirect(meeting)


@require_POST
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting, slug=slug)
    registration = (meeting.registrations.active().filter(user=request.user).first()
                    if request.user.is_authenticated else None)
    if registration is None:
        messages.error(request, _("You have no registration for this meeting to cancel."))
    else:
        try:
            services.cancel(registration)
        except ValidationError as refusal:
            flash_errors(request, refusal.messages)
        else:
            messages.success(request, _("Your registration is cancelled."))
    return redirect(meeting)


def meeting_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """Add to calendar: with the online link for a confirmed attendee."""
    meeting = get_object_or_404(Meeting, slug=slug)
    confirmed = request.user.is_authenticated and meeting.is_registered(request.user)
    return ics_response(calendar([meeting], meeting.title, lambda m: confirmed), meeting.slug)


def _feed_window() -> QuerySet:
    return Meeting.objects.filter(
        starts_at__gte=timezone.now() - FEED_HISTORY).select_related("theme")


def theme_feed(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug)
    return ics_response(calendar(_feed_window().filter(theme=theme), theme.name), slug)


def series_feed(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(MeetingSeries, slug=slug)
    return ics_response(calendar(_feed_window().filter(series=series), series.title), slug)


def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token,
                             user__is_active=True)
    registrations = {r.meeting_id: r.status for r in feed.user.registrations.active()}
    meetings = _feed_window().filter(pk__in=registrations)
    # A calendar application fetches it without a language of its own: the owner's language.
    with translation.override(feed.user.preferred_language):
        return ics_response(calendar(
            meetings, _("My meetings"),
            lambda m: registrations[m.pk] == RegistrationStatus.CONFIRMED), "my-meetings")


@require_POST
@login_required
def rotate_feed(request: HttpRequest) -> HttpResponse:
    CalendarFeed.renew_for(request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("events:meetings")


@require_POST
@login_required
def follow_series(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(MeetingSeries, slug=slug)
    try:
        count = services.subscribe(series, request.user)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, ngettext(
            "You follow this series: registered for %(count)d meeting, and for new ones as "
            "they are scheduled.",
            "You follow this series: registered for %(count)d meetings, and for new ones as "
            "they are scheduled.", count) % {"count": count})
    return redirect(safe_next(request, reverse("events:meetings")))


@require_POST
@login_required
def unfollow_series(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(MeetingSeries, slug=slug)
    count = services.unsubscribe(series, request.user)
    messages.success(request, ngettext(
        "You no longer follow this series; %(count)d registration was cancelled.",
        "You no longer follow this series; %(count)d registrations were cancelled.",
        count) % {"count": count})
    return redirect(safe_next(request, reverse("events:meetings")))
