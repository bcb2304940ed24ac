"""The home page and its neighbours as people first meet them: server time p50/p95, queries,
and the weight a first visit downloads (HTML + CSS + JS, raw and gzip-compressed).

    .venv/bin/python tests/bench/bench_home.py [--requests 200]

Runs on the demo content in a throwaway database (SQLite in memory, or PostgreSQL when
DATABASE_URL says so), for a visitor and for a signed-in city officer. Prints figures;
asserts nothing. Goal (issue 8): home page p95 under 80 ms; under 300 kB transferred.
"""

import argparse
import gzip
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from tests.bench.timing import demo_database, measure  # noqa: E402

PAGES = ["/", "/en/", "/mobility/", "/en/funding/", "/meetings/"]
MEMBER_PAGES = ["/dashboard/", "/en/resources/"]  # where signing in lands; the library
STATIC = re.escape(settings.STATIC_URL)
ASSET = re.compile(rf'(?:href|src)="({STATIC}[^"]+\.(?:css|js|svg))"')


def weight(html: bytes) -> tuple[int, int, list[str]]:
    """Bytes of the page and the static files it loads: raw, and gzip-compressed."""
    assets = sorted(set(ASSET.findall(html.decode())))
    bodies = [html] + [
        Path(finders.find(url.removeprefix(settings.STATIC_URL))).read_bytes() for url in assets]
    return (sum(len(b) for b in bodies), sum(len(gzip.compress(b)) for b in bodies), assets)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with demo_database():
        from members.models import User

        officer = Client()
        officer.force_login(User.objects.get(email="officer.daegu@demo.example"))
        print(f"demo content on {connection.vendor}; {args.requests} requests per page")
        for who, client, pages in (("visitor", Client(), PAGES),
                                   ("signed-in officer", officer, PAGES + MEMBER_PAGES)):
            print(f"-- {who}")
            for url in pages:
                response = measure(client, url, args.requests)
                raw, packed, assets = weight(response.content)
                print(f"{'':58} first visit {raw / 1024:6.1f} kB raw, {packed / 1024:6.1f} kB "
                      f"gzip ({len(assets)} static files)")


if __name__ == "__main__":
    main()
