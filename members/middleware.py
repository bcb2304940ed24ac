from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .permissions import is_staff

ADMIN_PREFIX = "/admin/"
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/")


def signed_in_with_second_factor(request: HttpRequest) -> bool:
    return any(record.get("method") == "mfa" for record in get_authentication_records(request))


class StaffSecondFactorMiddleware:
    """Consortium staff reach the Wagtail admin only after a second factor in this session:
    those without one are sent to set it up, the others to confirm it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith(ADMIN_PREFIX)
            and not request.path.startswith(OPEN_ADMIN_PATHS)
            and request.user.is_authenticated
            and is_staff(request.user)
            and not signed_in_with_second_factor(request)
        ):
            next_query = urlencode({"next": request.get_full_path()})
            if not Authenticator.objects.filter(user=request.user).exists():
                messages.warning(request, _("Set up two-factor authentication to use the "
                                            "administration."))
                return redirect(f"{reverse('mfa_activate_totp')}?{next_query}")
            return redirect(f"{reverse('mfa_reauthenticate')}?{next_query}")
        return self.get_response(request)
