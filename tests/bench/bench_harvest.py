"""Harvesting a peer of 10,000 case studies over real HTTP into real PostgreSQL: time, items/s,
queries and the memory peak (tracemalloc) at 1,000 and 10,000 items, which should be flat in
the number of items; then a change feed of 100 changes (90 updates, 10 tombstones).

    DATABASE_URL=postgres://... .venv/bin/python tests/bench/bench_harvest.py [--items 1000 10000]

The peer is tests/harvest/fake_peer.py's, on a local port, its pages (200 items each) signed
as a real node signs them. Runs in a throwaway test database of its own. Also prints what
validating the shapes costs per item, since every item is validated before it is stored, and
how much of each harvest went to the shapes and to search indexing (run at once here, as the
test settings run tasks eagerly; a search worker's in production).
"""

import argparse
import os
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from harvest import harvester, items, publishing  # noqa: E402
from harvest.models import HarvestedItem, Peer  # noqa: E402
from harvest.services import harvest  # noqa: E402
from tests.harvest.fake_peer import FakePeer  # noqa: E402

PAGE = 200


def serve(fake: FakePeer, count: int) -> None:
    keys = [f"cs-{n:05d}" for n in range(count)]
    fake.serve_feed([[fake.item(key) for key in keys[start:start + PAGE]]
                     for start in range(0, count, PAGE)])


def fresh_peer(fake: FakePeer) -> Peer:
    Peer.objects.all().delete()
    return fake.peer()


class Split:
    """Where a harvest's time goes: the calls of each wrapped function add up under a label."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, module, name: str, label: str) -> None:
        original = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started

        setattr(module, name, timed)


SPLIT = Split()
SPLIT.wrap(items, "shapes_refused", "shapes")
# After each page's commit: search indexing (a search worker's task in production, run at once
# here as the test settings run tasks eagerly) and the catalogue's relinking.
SPLIT.wrap(harvester, "announce", "indexing")


def run(fake: FakePeer, count: int) -> None:
    serve(fake, count)
    peer = fresh_peer(fake)
    SPLIT.seconds.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        report = harvest(peer)
        seconds = time.perf_counter() - started
    shapes, indexing = SPLIT.seconds["shapes"], SPLIT.seconds["indexing"]
    assert report.error == "" and HarvestedItem.objects.count() == count, report
    peer = fresh_peer(fake)
    tracemalloc.start()
    harvest(peer)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    asked = len(queries.captured_queries)
    print(f"{count:>6} items: {seconds:6.2f} s, {count / seconds:7.0f} items/s, {asked} queries "
          f"({asked / report.pages:.1f} per page of {PAGE}), memory peak {peak / 2**20:.1f} MiB")
    print(f"        of which shapes {shapes:.2f} s ({shapes * 1000 / count:.2f} ms/item), search "
          f"indexing {indexing:.2f} s ({indexing * 1000 / count:.2f} ms/item); without the "
          f"indexing (a worker's in production): {count / (seconds - indexing):.0f} items/s")


def changes(fake: FakePeer, count: int) -> None:
    """After a harvest of ``count`` items, a page of 100 changes: 90 updates, 10 tombstones."""
    peer = Peer.objects.get()
    last = (count - 1) // PAGE
    updates = [fake.item(f"cs-{n:05d}", name={"ko": "갱신", "en": "Updated"}) for n in range(90)]
    gone = [fake.tombstone(f"cs-{n:05d}") for n in range(90, 100)]
    fake.serve_json(f"/federation/changes?after={last}",
                    fake.page([], after=str(last), next_after=str(last + 1)))
    fake.serve_json(f"/federation/changes?after={last + 1}",
                    fake.page(updates + gone, after=str(last + 1)))
    peer.etag = ""
    started = time.perf_counter()
    report = harvest(peer)
    seconds = time.perf_counter() - started
    assert report.stored == 90 and report.removed == 10, report
    print(f"change feed of 100 changes: {seconds * 1000:.0f} ms ({report})")


def validation_cost(fake: FakePeer) -> None:
    """What validating a page of items costs: one pyshacl run for the page (as the harvester
    does), and one per item for comparison."""
    items = [{"@context": publishing.CONTEXT, **fake.item(f"v-{n}")} for n in range(PAGE)]
    started = time.perf_counter()
    failing = {iri: found for iri, found in publishing.validate_many(items).items() if found}
    per_page = (time.perf_counter() - started) / PAGE
    started = time.perf_counter()
    for item in items[:20]:
        publishing.validate(item)
    alone = (time.perf_counter() - started) / 20
    print(f"shape validation: {per_page * 1000:.2f} ms per item in a page of "
          f"{PAGE}, {alone * 1000:.2f} ms per item alone; {len(failing)} failing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--no-shapes", action="store_true",
                        help="skip SHACL validation, to see what the harvest itself costs")
    arguments = parser.parse_args()
    if arguments.no_shapes:
        publishing.validate_many = lambda documents: {}
    setup_test_environment(debug=False)  # DEBUG would keep every query, growing with items
    connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_bench"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    fake = FakePeer()
    try:
        print(f"harvest bench on {connection.vendor}, pages of {PAGE}"
              f"{', shapes NOT validated' if arguments.no_shapes else ''}")
        validation_cost(fake)
        for count in arguments.items:
            run(fake, count)
        changes(fake, arguments.items[-1])
    finally:
        fake.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
