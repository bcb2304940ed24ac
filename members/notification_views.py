"""The notification centre, e-mail preferences per kind and one-click unsubscribe links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import notifications, notify
from .forms import MailPreferencesForm, ProfileForm
from .models import Delivery, Notification

SHOWN = 50


@login_required
def notification_centre(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.for_user(request.user)
    return render(request, "members/notifications.html", {
        "notifications": mine[:SHOWN], "unread": notifications.unread_count(request.user)})


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    notifications.mark_read(request.user, pk)
    return redirect("members:notifications")


@login_required
@require_POST
def mark_all_read(request: HttpRequest, then: str = "members:notifications") -> HttpResponse:
    """Marks all of one's notifications read, then goes to the ``then`` view (the centre, or
    the dashboard whose button posted here)."""
    count = notifications.mark_all_read(request.user)
    messages.success(request, ngettext("%(count)d notification marked as read.",
                                       "%(count)d notifications marked as read.", count)
                     % {"count": count})
    return redirect(then)


@login_required
@require_POST
def mail_preferences(request: HttpRequest) -> HttpResponse:
    """The e-mail preferences part of the profile page; refused whole if any choice is."""
    form = MailPreferencesForm(request.POST, current=notify.preferences(request.user))
    if not form.is_valid():
        return render(request, "members/profile.html", {
            "form": ProfileForm(instance=request.user), "mail_form": form}, status=400)
    with transaction.atomic():
        for slug, delivery in form.chosen().items():
            notify.set_preference(request.user, slug, delivery)
    messages.success(request, _("Your e-mail preferences were saved."))
    return redirect(reverse("members:profile") + "#mail-preferences")


# Mail clients POST one-click unsubscribes (RFC 8058) without a CSRF token; the signed link
# is the proof.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        person, kind = notify.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "members/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        notify.set_preference(person, kind.slug, Delivery.NEVER)
        return render(request, "members/unsubscribe_done.html", {"kind": kind})
    return render(request, "members/unsubscribe.html", {"kind": kind, "person": person})
