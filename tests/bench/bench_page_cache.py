"""Where a visitor's request spends its time, with and without the page cache: CPU ms and
queries per request for each page of the load benchmark's visitor mix, rendered (cache
forgotten before each request) and from the cache, through the whole middleware stack with
the production settings, Redis as the cache and a persistent database connection. CPU time
is this process's own (``time.process_time``), so the figure holds on a busy machine where
wall-clock time does not.

    LOAD_DATABASE_URL=postgres://…/portal_loadbench_load LOAD_REDIS_URL=redis://…/10 \\
        .venv/bin/python tests/bench/bench_page_cache.py [--requests 30]

Uses the load benchmark's database, seeded by ``tests/bench/load/run.py``. Prints figures;
asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.update({
    "DATABASE_URL": os.environ.get(
        "LOAD_DATABASE_URL", "postgres://portal:portal@127.0.0.1:5432/portal_loadbench_load"),
    "DATABASE_CONN_MAX_AGE": "60",
    "REDIS_URL": os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/10"),
    "SEARCH_INDEX_ALIAS": os.environ.get("LOAD_SEARCH_ALIAS", "portal-search-loadbench"),
})

# Sets the production settings up on the environment above.
from tests.bench.stack import PRODUCTION_ON_LOCALHOST  # noqa: E402, F401, I001

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from common.pagecache import HIT_HEADER, forget_pages  # noqa: E402
from solutions_catalog.models import CaseStudyPage  # noqa: E402

VISITOR_PAGES = {"home": "/", "home (en)": "/en/", "catalogue": "/catalogue/",
                 "catalogue filtered": "/catalogue/?theme=mobility&country=KR",
                 "search": "/search/?q=%EB%B2%84%EC%8A%A4", "meetings": "/meetings/",
                 "funding opportunities": "/funding/", "offerings": "/offerings/",
                 "members directory": "/members/"}
# The locustfile's visitor task weights, for the mix's average.
WEIGHTS = {"home": 1.5, "home (en)": 1.5, "catalogue": 2, "catalogue filtered": 2,
           "case study": 4, "search": 3, "meetings": 1, "funding opportunities": 1,
           "offerings": 1, "members directory": 1}


def cpu_ms(client: Client, path: str, *, cached: bool, requests: int) -> tuple[float, int]:
    """Median CPU ms of ``requests`` GETs of ``path`` and the queries of the last one."""
    samples, queries = [], 0
    client.get(path)  # templates and the URLconf loaded; the page cached
    for _ in range(requests):
        if not cached:
            forget_pages()
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = client.get(path)
            samples.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        assert response.get(HIT_HEADER) == ("hit" if cached else "miss"), (path, response)
        queries = len(captured)
    return statistics.median(samples), queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    pages = {**VISITOR_PAGES, "case study": CaseStudyPage.objects.live().first().url}
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':24} {'rendered ms':>11} {'queries':>7} {'cached ms':>9} {'queries':>7}")
    rendered_mix = cached_mix = 0.0
    for name, path in pages.items():
        rendered, rendered_queries = cpu_ms(client, path, cached=False, requests=args.requests)
        cached, cached_queries = cpu_ms(client, path, cached=True, requests=args.requests)
        rendered_mix += WEIGHTS[name] * rendered
        cached_mix += WEIGHTS[name] * cached
        print(f"{name:24} {rendered:11.1f} {rendered_queries:7} {cached:9.2f} {cached_queries:7}")
    total = sum(WEIGHTS.values())
    print(f"visitors' mix: {rendered_mix / total:.1f} ms rendered, {cached_mix / total:.2f} ms "
          f"from the cache (CPU of the Django process only; gunicorn, Redis and the load "
          f"generator come on top)")


if __name__ == "__main__":
    main()
