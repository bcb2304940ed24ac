"""What the benchmark scripts share: a throwaway database with the demo in it, and timing a
page through Django's test client (p50/p95, queries, size)."""

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


@contextmanager
def demo_database() -> Iterator[None]:
    """A test database (SQLite in memory, or PostgreSQL when DATABASE_URL says so) seeded
    with the demo, dropped afterwards."""
    from django.core.management import call_command
    from django.test import override_settings

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(client: Client, url: str, requests: int, slowest: int = 0):
    """Print p50/p95 server time, queries and size of ``url``; returns the last response."""
    client.get(url)  # warm caches and templates
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    print(f"{url:58} p50 {statistics.median(timings):7.1f} ms   "
          f"p95 {percentile(timings, 95):7.1f} ms   {len(queries.captured_queries):3} queries   "
          f"{len(response.content) / 1024:6.1f} kB")
    by_time = sorted(queries.captured_queries, key=lambda q: float(q["time"]), reverse=True)
    for query in by_time[:slowest]:
        print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:160]}")
    return response
