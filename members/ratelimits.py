"""Rate-limited requests answer 429 with ``Retry-After``: allauth's own limits through
``portal.urls.handler429`` (allauth looks it up there), and the portal's limits (the
membership application) through :func:`too_many_requests`."""

from allauth.account import app_settings
from allauth.core.internal.ratelimit import parse_rates
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

DEFAULT_RETRY_AFTER = 60  # seconds, for a limit the request does not name


def retry_after(action: str) -> int:
    """Seconds after which every window of the action's limits has passed: an upper bound,
    so a client that waits this long is let through."""
    rates = parse_rates(app_settings.RATE_LIMITS.get(action))
    return int(max((rate.duration for rate in rates), default=DEFAULT_RETRY_AFTER))


def too_many_requests(request: HttpRequest, action: str | None = None,
                      context: dict | None = None, template: str = "429.html") -> HttpResponse:
    if action is None:  # allauth's views: the URL names the action (account_signup → signup)
        match = request.resolver_match
        action = match.url_name.removeprefix("account_") if match and match.url_name else ""
    response = render(request, template, context or {}, status=429)
    response["Retry-After"] = str(retry_after(action))
    return response
