"""What the benchmarks that run the production stack share: its settings (production, with
a fixed benchmark key and plain HTTP on localhost), signing people in by writing their
session, and waiting for gunicorn to report healthy.

Importing it applies those settings to this process's environment (the servers it starts
inherit them) and sets Django up: set the benchmark's own DATABASE_URL and services first."""

import http.client
import os
import time

PRODUCTION_ON_LOCALHOST = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    # The benchmark and the servers it starts share this key, so the sessions it writes are
    # the ones the servers accept.
    "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY",
                                 "bench-Zq7xK2pLm9Vt4Rw8Yc3Nb6Hd1Gf5Js0Ae-Wu2Ey5Io8Pa1Sd4Fg7Hj0Kl3"),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "False",
    "EMAIL_URL": "dummymail://",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(PRODUCTION_ON_LOCALHOST)

import django  # noqa: E402

django.setup()

from allauth.account.internal.flows.login import record_authentication  # noqa: E402
from django.contrib.auth import login  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.test import RequestFactory  # noqa: E402


def signed_in_session(user, *, second_factor: bool = False) -> str:
    """A session key as the login form (and the second factor, for staff) would leave it: no
    password is hashed and no login page is timed."""
    request = RequestFactory().get("/")
    request.session, request.user = SessionStore(), AnonymousUser()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    record_authentication(request, user, "password", email=user.email)
    if second_factor:
        record_authentication(request, user, "mfa", type="totp")
    request.session.save()
    return request.session.session_key


def wait_until_healthy(port: int, timeout: float = 90, *, require_ok: bool = True) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            probe.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if probe.getresponse().status == 200 or not require_ok:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"gunicorn on port {port} did not report healthy within {timeout:.0f} s")
