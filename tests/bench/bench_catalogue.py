"""Catalogue render times with 1,000 case studies: p50/p95 and query counts.

    .venv/bin/python tests/bench/bench_catalogue.py [--cases 1000] [--requests 50] [--slowest 3]

Runs in a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL says
so), seeds the demo, adds case studies up to --cases, then times the catalogue index
(unfiltered and filtered), a case-study page and the open-data API through Django's test
client. Prints figures; asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def grow_catalogue(total: int) -> None:
    from solutions_catalog.models import CaseStudyPage

    template = CaseStudyPage.objects.filter(locale__language_code="ko").first()
    index = template.get_parent()
    themes = list(template.themes.all())
    existing = CaseStudyPage.objects.filter(locale__language_code="ko").count()
    for n in range(existing, total):
        page = CaseStudyPage(
            title=f"{template.title} #{n}", slug=f"bench-{n}", city=template.city,
            summary=template.summary, problem=template.problem, approach=template.approach,
            maturity=template.maturity, service_domain=template.service_domain,
            funding_model=template.funding_model, locale=template.locale, live=True,
        )
        index.add_child(instance=page)
        page.themes.set(themes)


def measure(client: Client, url: str, requests: int, slowest: int = 0) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--slowest", type=int, default=0,
                        help="also print the N slowest SQL queries of each page")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django.core.management import call_command
        from django.test import override_settings

        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        started = time.perf_counter()
        grow_catalogue(args.cases)
        print(f"catalogue grown to {args.cases} Korean case studies in "
              f"{time.perf_counter() - started:.0f} s ({connection.vendor})")
        client = Client()
        for url in ["/catalogue/", "/catalogue/?theme=connectivity&country=KR",
                    "/catalogue/?page=20", "/catalogue/daegu-data-hub/",
                    "/api/catalogue/case-studies?lang=ko&page_size=50"]:
            measure(client, url, args.requests, args.slowest)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
