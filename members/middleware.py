import zoneinfo
from collections.abc import Callable
from functools import wraps

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .permissions import is_staff

ADMIN_PREFIX = "/admin/"
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/")


def signed_in_with_second_factor(request: HttpRequest) -> bool:
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def second_factor_redirect(request: HttpRequest) -> HttpResponse | None:
    """For staff who have not used a second factor in this session: where to go first
    (set one up, or confirm it); ``None`` for everyone else."""
    if not (request.user.is_authenticated and is_staff(request.user)):
        return None
    if signed_in_with_second_factor(request):
        return None
    next_query = urlencode({"next": request.get_full_path()})
    if not Authenticator.objects.filter(user=request.user).exists():
        messages.warning(request, _("Set up two-factor authentication to use the "
                                    "administration."))
        return redirect(f"{reverse('mfa_activate_totp')}?{next_query}")
    return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")


def staff_second_factor_required(view: Callable) -> Callable:
    """Staff powers outside the Wagtail admin need the second factor too."""
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return second_factor_redirect(request) or view(request, *args, **kwargs)

    return wrapped


class StaffSecondFactorMiddleware:
    """Consortium staff reach the Wagtail admin only after a second factor in this session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(ADMIN_PREFIX) and not request.path.startswith(
            OPEN_ADMIN_PATHS
        ):
            detour = second_factor_redirect(request)
            if detour:
                return detour
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Dates and times are shown in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and request.user.time_zone:
            timezone.activate(zoneinfo.ZoneInfo(request.user.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
