"""Catalogue render times with 1,000 case studies: p50/p95 and query counts.

    .venv/bin/python tests/bench/bench_catalogue.py [--cases 1000] [--requests 50] [--slowest 3]

Runs in a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL says
so), seeds the demo, adds case studies up to --cases, then times the catalogue index
(unfiltered and filtered), a case-study page and the open-data API through Django's test
client, in Korean and in English (where the added case studies are Korean only). Prints
figures; asserts nothing.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from tests.bench.timing import demo_database, measure  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--slowest", type=int, default=0,
                        help="also print the N slowest SQL queries of each page")
    args = parser.parse_args()

    with demo_database():
        started = time.perf_counter()
        grow_catalogue(args.cases)
        print(f"catalogue grown to {args.cases} Korean case studies in "
              f"{time.perf_counter() - started:.0f} s ({connection.vendor})")
        client = Client()
        for url in ["/catalogue/", "/catalogue/?theme=connectivity&country=KR",
                    "/catalogue/?page=20", "/catalogue/daegu-data-hub/",
                    "/api/catalogue/case-studies?lang=ko&page_size=50",
                    # the added case studies are Korean only: the English side lists them
                    # after its own
                    "/en/catalogue/", "/en/catalogue/?page=20",
                    "/api/catalogue/case-studies?lang=en&page=10&page_size=50"]:
            measure(client, url, args.requests, args.slowest)

if __name__ == "__main__":
    main()
