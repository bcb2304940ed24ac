"""The deadline calendar's pages: the month view, the public feeds (all, per theme) and a
person's secret feed of their bids' deadlines and tasks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.calendars import ics_response
from common.facets import apply_facets
from solutions_catalog.models import Theme

from .calendar import deadline_month, opportunities_calendar, parse_month, personal_calendar
from .listing import FACETS
from .models import Bid, BidTask, DeadlineFeed, FundingOpportunity


def deadline_calendar(request: HttpRequest) -> HttpResponse:
    first, errors = parse_month(request.GET)
    result = apply_facets(FundingOpportunity.objects.visible_to(request.user), FACETS,
                          request.GET)
    filters = request.GET.copy()
    for param in ("year", "month"):
        filters.pop(param, None)
    feed = (DeadlineFeed.objects.filter(user=request.user).first()
            if request.user.is_authenticated else None)
    return render(request, "funding/deadline_calendar.html", {
        "month": deadline_month(result.queryset, first),
        "facets": result.facets, "filtered": result.filtered,
        "errors": [*errors, *result.errors],
        "filters": filters.urlencode(),  # kept when moving across months
        "keep": [("year", first.year), ("month", first.month)],
        "themes": Theme.objects.all(), "feed": feed,
    })


def deadlines_feed(request: HttpRequest) -> HttpResponse:
    """Every public deadline: anyone may subscribe, so members-only calls stay out."""
    opportunities = FundingOpportunity.objects.public().prefetch_related("themes")
    return ics_response(opportunities_calendar(opportunities, _("Funding deadlines")),
                        "funding-deadlines")


def theme_deadlines_feed(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug)
    opportunities = FundingOpportunity.objects.public().filter(themes=theme)
    return ics_response(opportunities_calendar(
        opportunities, _("Funding deadlines: %(theme)s") % {"theme": theme.name}),
        f"funding-deadlines-{slug}")


def personal_deadlines_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = get_object_or_404(DeadlineFeed.objects.select_related("user"), token=token,
                             user__is_active=True)
    user = feed.user
    bids = (Bid.objects.visible_to(user).on_teams_of(user).active()
            .select_related("opportunity"))
    tasks = BidTask.objects.open_for(user).filter(due_on__isnull=False)
    # A calendar application fetches it without a language of its own: the owner's language.
    with translation.override(user.preferred_language):
        return ics_response(personal_calendar(bids, tasks), "my-deadlines")


@require_POST
@login_required
def rotate_deadlines_feed(request: HttpRequest) -> HttpResponse:
    DeadlineFeed.renew_for(request.user)
    messages.success(request, _("Your deadline calendar has a new address; the old one no "
                                "longer works."))
    return redirect("funding:calendar")
