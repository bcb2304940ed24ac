"""Saving a search from any listing, and "My saved searches": rename, choose how alerts
arrive, remove. Thin views over ``portal.alerts``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.messages import flash_errors
from common.redirects import safe_next

from . import alerts
from .models import Delivery, SavedSearch
from .saved_searches import LISTINGS


@require_POST
@login_required
def save(request: HttpRequest) -> HttpResponse:
    back = safe_next(request, reverse("saved_searches"))
    try:
        saved = alerts.save_search(request.user, request.POST.get("listing", ""),
                                   request.POST.get("query", ""), request.POST.get("name", ""),
                                   request.POST.get("delivery", Delivery.IMMEDIATELY))
    except ValidationError as refusal:
        flash_errors(request, [*refusal.messages, _("Nothing was saved.")])
    else:
        messages.success(request, _("Saved “%(name)s”: new matches will be sent to you.")
                         % {"name": saved.name})
    return redirect(back)


@login_required
def saved_searches(request: HttpRequest) -> HttpResponse:
    searches = [s for s in SavedSearch.objects.of(request.user) if s.listing in LISTINGS]
    named = alerts.titles(searches)
    rows = [(saved, LISTINGS[saved.listing], named[saved.pk]) for saved in searches]
    return render(request, "portal/saved_searches.html", {
        "rows": rows, "deliveries": Delivery.choices,
    })


@require_POST
@login_required
def change(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch.objects.of(request.user), pk=pk)
    try:
        alerts.rename(saved, request.POST.get("name", ""), request.POST.get("delivery", ""))
    except ValidationError as refusal:
        flash_errors(request, refusal.messages)
    else:
        messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
    return redirect("saved_searches")


@require_POST
@login_required
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedSearch.objects.of(request.user), pk=pk)
    title = alerts.titles([saved])[saved.pk]
    alerts.remove(saved)
    messages.success(request, _("Removed “%(name)s”; it sends nothing more.") % {"name": title})
    return redirect("saved_searches")
