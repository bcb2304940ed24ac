"""The page cache for anonymous visitors: a GET that carries no session and no messages is
answered from the shared cache when the same page (host, language, path and query string)
was rendered for another such visitor since the last change; signed-in people, and anything
that set a cookie, used the CSRF token or the CSP nonce, or said private/no-store, are never
cached. Any change to public content forgets every cached page at once (``forget_pages``):
a case study appears on the home page, the catalogue, its theme hub and in search, so
forgetting one address would leave the others stale.

``PAGE_CACHE_SECONDS`` (0 turns it off) bounds what no signal announces, such as a meeting
moving from "upcoming" to "past" with the clock."""

import hashlib
import logging
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.translation import get_language
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
HIT_HEADER = "X-Page-Cache"
# Vary values a cached page may carry: the key holds the language, and only requests without
# a session or messages cookie are answered from the cache.
UNDERSTOOD_VARY = {"cookie", "accept-language", "accept-encoding"}
NOT_SHARED = {"private", "no-store", "no-cache"}


def forget_pages() -> None:
    """Every cached page is forgotten: later requests look under a new generation."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def generation() -> str:
    return cache.get_or_set(GENERATION_KEY, lambda: uuid.uuid4().hex, None)


def changes_public_content(model: type, update_fields: frozenset | None = None) -> bool:
    """Whether saving or deleting a ``model`` row may change what a visitor sees: every
    model of the apps in ``PAGE_CACHE_APPS`` except ``PAGE_CACHE_IGNORED_MODELS`` (private or
    bookkeeping rows) and a sign-in's ``last_login``."""
    meta = model._meta
    if meta.app_label not in settings.PAGE_CACHE_APPS or meta.label_lower in {
            label.lower() for label in settings.PAGE_CACHE_IGNORED_MODELS}:
        return False
    return not (update_fields and set(update_fields) <= {"last_login"})


def cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXEMPT_PATH_PREFIXES)
    )


def page_key(request: HttpRequest, current_generation: str) -> str:
    address = f"{request.get_host()}|{get_language()}|{request.get_full_path()}"
    return f"pagecache:{current_generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether this response may be shown to every anonymous visitor."""
    if (request.method != "GET" or response.status_code != 200 or response.streaming
            or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or getattr(request, "_csp_nonce", None)):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or (session.accessed and not session.is_empty())):
        return False
    # A view's own CSP (csp_update, csp_exempt…) is set on the response object, not stored.
    if any(name.startswith("_csp_") for name in vars(response)):
        return False
    directives = {d.split("=")[0].strip().lower()
                  for d in cc_delim_re.split(response.get("Cache-Control", "")) if d}
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return not (directives & NOT_SHARED) and vary <= UNDERSTOOD_VARY


class PageCacheMiddleware:
    """Place it after LocaleMiddleware (the key holds the language) and before the session,
    CSRF and authentication are used: the middleware outside it (security headers, the CSP
    with a fresh nonce) still runs on every cached answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            key = page_key(request, generation())
            stored = cache.get(key)
        except (RedisError, OSError) as error:
            # Without the cache every page is rendered, as before there was one.
            logger.warning("page cache unavailable: %s", error)
            return self.get_response(request)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if shareable(request, response):
            # Browsers and proxies must not hand a visitor's copy to a signed-in person.
            patch_vary_headers(response, ["Cookie"])
            try:
                cache.set(key, (response.status_code, dict(response.items()), response.content),
                          settings.PAGE_CACHE_SECONDS)
            except (RedisError, OSError) as error:
                logger.warning("page cache unavailable: %s", error)
            response[HIT_HEADER] = "miss"
        return response
