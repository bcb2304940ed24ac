"""The home page and its neighbours as people first meet them: server time p50/p95, queries,
and the weight a first visit downloads (HTML + CSS + JS, raw and gzip-compressed); then the
Korean and English home pages in Chromium with an empty cache: every byte the browser really
requested (HTML, CSS, JS and the font slices its text needed).

    .venv/bin/python tests/bench/bench_home.py [--requests 200] [--no-browser]

Runs on the demo content in a throwaway database (SQLite in memory, or PostgreSQL when
DATABASE_URL says so), for a visitor and for a signed-in city officer. Prints figures;
asserts nothing. Goals (issue 14): home page p95 ≤ 80 ms; first visit ≤ 250 kB transferred.
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
from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402

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


def live_server() -> LiveServerThread:
    """The demo served on a free port in this process (sharing an in-memory SQLite database
    the way Django's LiveServerTestCase does)."""
    override = {}
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        shared = connections[connection.alias]  # the connection itself, not its proxy
        override[connection.alias] = shared
        shared.inc_thread_sharing()
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=override,
                              port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server


def first_visit_in_browser(base_url: str) -> None:
    """The Korean and English home pages in Chromium with an empty cache: bytes of every
    response by kind, as served here (no compression) and as gzip would send the text ones
    (production compresses HTML, CSS and JS; woff2 is compressed already)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox"])
        for path in ("/", "/en/"):
            for width, height in ((390, 844), (1280, 800)):
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                responses = []
                page.on("response", lambda response: responses.append(response))
                page.goto(base_url + path)
                page.evaluate("document.fonts.ready.then(() => true)")
                page.wait_for_load_state("networkidle")
                kinds: dict[str, list[int]] = {}
                for response in responses:
                    body = response.body()
                    kind = response.request.resource_type
                    packed = len(body) if kind in ("font", "image") else len(gzip.compress(body))
                    sent = response.request.sizes()["responseBodySize"]
                    totals = kinds.setdefault(kind, [0, 0, 0])
                    totals[0] += 1
                    totals[1] += sent
                    totals[2] += packed
                raw = sum(t[1] for k, t in kinds.items() if k != "image")
                packed = sum(t[2] for k, t in kinds.items() if k != "image")
                detail = ", ".join(f"{k} {t[0]}× {t[1] / 1024:.1f} kB"
                                   for k, t in sorted(kinds.items()))
                print(f"first visit {path:4} at {width}×{height}: {raw / 1024:6.1f} kB as served, "
                      f"{packed / 1024:6.1f} kB with gzip on text (HTML+CSS+JS+fonts; {detail})")
                context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-browser", action="store_true")
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
        if not args.no_browser:
            server = live_server()
            try:
                first_visit_in_browser(f"http://127.0.0.1:{server.port}")
            finally:
                server.terminate()


if __name__ == "__main__":
    main()
