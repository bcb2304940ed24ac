"""What ``/healthz`` reports: can the portal reach its database, search engine and broker."""

from collections.abc import Callable

from django.conf import settings
from django.db import connection

from harvest.operations import summary as federation_summary
from search.engines import get_engine

from .celery import app as celery_app
from .models import WorkerHeartbeat


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True, "vendor": connection.vendor}


def check_search() -> dict:
    return get_engine().health()


def check_broker() -> dict:
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "mode": "eager"}
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    return {"ok": True, "mode": "broker", "last_worker_heartbeat": last and last.isoformat()}


def check_federation() -> dict:
    """Harvest figures; a peer that fails is its own business, never the portal's health."""
    try:
        return {"ok": True, **federation_summary()}
    except Exception as exc:
        return {"ok": True, "error": type(exc).__name__}


CHECKS: dict[str, Callable[[], dict]] = {
    "database": check_database,
    "search": check_search,
    "broker": check_broker,
    "federation": check_federation,
}


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:
            results[name] = {"ok": False, "error": type(exc).__name__}
    return results
