"""Where to send someone after a form: back where they came from, if that is on this site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, default: str) -> str:
    """The form's ``next`` when it points into this site (no open redirect), else ``default``."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()},
                                       require_https=request.is_secure()):
        return next_url
    return default
