"""The load benchmark: the production stack on this machine under the mixed load of
``locustfile.py``, figures per endpoint, then a ramp to find the knee.

    .venv/bin/python tests/bench/load/run.py [--users 50] [--duration 60] \\
        [--ramp 20,40,80,120,160,240] [--ramp-duration 30] [--workers 3] [--threads 4]

It uses a database of its own (``portal_loadbench_load`` unless LOAD_DATABASE_URL says
otherwise: migrated and seeded with the demo the first time), its own Elasticsearch alias
(``portal-search-loadbench``, rebuilt when seeding), Redis databases 10 (cache) and 11
(broker), collects the static files, then starts gunicorn (production settings, gthread
workers, persistent database connections) on port 8208 and one Celery worker. Officers and
staff are signed in through sessions written straight into the session store (staff with the
second factor recorded), so no login form or password hash is part of the figures. Locust
runs headless in this process's machine too: on a 2-core machine it takes a share of the CPU
the server would have. Prints requests/s, p50/p95/p99 and failures per endpoint, then for
each ramp step the totals, and the knee (the first step where p95 passes 1 s). Asserts
nothing.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://portal:portal@127.0.0.1:5432/portal_loadbench_load")
STACK_ENV = {
    "DATABASE_URL": DATABASE_URL,
    "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
    "REDIS_URL": os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/10"),
    "CELERY_BROKER_URL": os.environ.get("LOAD_BROKER_URL", "redis://127.0.0.1:6379/11"),
    "ELASTICSEARCH_URL": os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
    "SEARCH_INDEX_ALIAS": os.environ.get("LOAD_SEARCH_ALIAS", "portal-search-loadbench"),
}
os.environ.update(STACK_ENV)

# Sets the production settings up on the environment above.
from tests.bench.stack import signed_in_session, wait_until_healthy  # noqa: E402, I001

from events.models import Meeting  # noqa: E402
from members.demo import STAFF  # noqa: E402
from members.models import Membership, OrganisationKind, User  # noqa: E402
from portal.celery import app  # noqa: E402
from solutions_catalog.models import CaseStudyPage  # noqa: E402

KNEE_P95_MS = 1000


def manage(*command: str) -> None:
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def prepare_database() -> None:
    """Create, migrate and seed the benchmark's database the first time."""
    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0].replace("postgres://", "postgresql://")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(f"{server}/{name}") as conn:
        seeded = conn.execute("SELECT to_regclass('wagtailcore_page') IS NOT NULL").fetchone()[0]
        seeded = seeded and conn.execute("SELECT count(*) FROM wagtailcore_page").fetchone()[0] > 10
    if not seeded:
        print("migrating and seeding the demo (once)…", flush=True)
        manage("migrate", "--noinput")
        manage("seed_demo", "--allow-production")
        manage("search_index", "rebuild")
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        manage("collectstatic", "--noinput")


def fixture(path: Path) -> None:
    """The signed-in sessions and the demo's addresses, for the locustfile."""
    # City officers: they write their case studies in the admin (a vendor's officer may not
    # open it, and is told so with a 403).
    officers = (Membership.objects.current().filter(role="officer")
                .filter(organisation__kind=OrganisationKind.CITY).select_related("user"))
    case_studies = CaseStudyPage.objects.live()
    data = {
        "case_studies": [page.url for page in case_studies.specific()[:60]],
        "meetings": [m.get_absolute_url() for m in Meeting.objects.order_by("-starts_at")[:10]],
        "cities": sorted({m.organisation.slug for m in officers.select_related("organisation")}),
        "editable_pages": list(case_studies.values_list("pk", flat=True)[:20]),
        "officers": [signed_in_session(m.user) for m in officers],
        "staff": [signed_in_session(User.objects.get(email=STAFF[0]), second_factor=True)],
    }
    path.write_text(json.dumps(data))


def start_stack(args, scratch: Path) -> list[subprocess.Popen]:
    log = open(scratch / "stack.log", "w")  # noqa: SIM115 - closed with the processes
    # One worker for every queue the settings declare (mail, search, default), or Celery's
    # default queue where none are declared.
    queues = [queue.name for queue in app.conf.task_queues or []]
    worker = subprocess.Popen(
        [str(ROOT / ".venv/bin/celery"), "-A", "portal", "worker", "--concurrency=1",
         "--loglevel=WARNING", "--hostname", f"loadbench@{os.uname().nodename}",
         *(["--queues", ",".join(queues)] if queues else [])],
        cwd=ROOT, stdout=log, stderr=log)
    web = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--worker-class", "gthread", "--threads",
         str(args.threads), "--graceful-timeout", "10",
         # The application imported once, before the workers fork: on a busy machine a worker
         # importing it alone outlived gunicorn's 30 s boot timeout and was killed, again.
         "--preload", "--timeout", "120",
         # Longer than the longest pause between a simulated user's requests: otherwise
         # gunicorn closes an idle keep-alive connection just as Locust reuses it.
         "--keep-alive", "5"],
        cwd=ROOT, stdout=log, stderr=log)
    return [web, worker]


def failures(prefix: Path) -> list[str]:
    with open(f"{prefix}_failures.csv") as rows:
        return [f"  {int(row['Occurrences']):5} × {row['Name']}: {row['Error']}"
                for row in csv.DictReader(rows)]


def locust(args, users: int, duration: int, prefix: Path) -> list[dict]:
    spawn = max(1, users // 5)
    subprocess.run(
        [str(ROOT / ".venv/bin/locust"), "-f", str(HERE / "locustfile.py"), "--headless",
         "--users", str(users), "--spawn-rate", str(spawn), "--run-time", f"{duration}s",
         "--host", f"http://127.0.0.1:{args.port}", "--csv", str(prefix), "--only-summary",
         "--loglevel", "WARNING", "--stop-timeout", "5"],
        cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv") as stats:
        return list(csv.DictReader(stats))


def row(stats: dict) -> str:
    return (f"{stats['Name'][:44]:44} {int(stats['Request Count']):7} "
            f"{float(stats['Requests/s']):7.1f} {stats['50%']:>7} {stats['95%']:>7} "
            f"{stats['99%']:>7} {int(stats['Failure Count']):6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--ramp", default="20,40,80,120,160,240",
                        help="user counts to step through; empty to skip the ramp")
    parser.add_argument("--ramp-duration", type=int, default=30)
    parser.add_argument("--ramp-endpoints", action="store_true",
                        help="print every ramp step per endpoint too")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8208)
    parser.add_argument("--warmup", type=int, default=30,
                        help="seconds of load whose figures are dropped: each worker loads "
                             "templates, the URLconf and the Korean analyser on first use")
    args = parser.parse_args()

    prepare_database()
    with tempfile.TemporaryDirectory(prefix="loadbench-") as scratch_dir:
        scratch = Path(scratch_dir)
        os.environ["LOAD_FIXTURE"] = str(scratch / "fixture.json")
        fixture(scratch / "fixture.json")
        processes = start_stack(args, scratch)
        try:
            wait_until_healthy(args.port, timeout=300)  # a busy machine starts slowly
            print(f"gunicorn {args.workers} × gthread ({args.threads} threads), 1 Celery worker, "
                  f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
            if args.warmup:
                locust(args, min(args.users, 20), args.warmup, scratch / "warmup")
            print(f"\n{args.users} users for {args.duration} s")
            print(f"{'endpoint':44} {'requests':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
                  f"{'p99 ms':>7} {'errors':>6}")
            for stats in locust(args, args.users, args.duration, scratch / "steady"):
                print(row(stats))
            print("\n".join(["errors:", *errors]) if (errors := failures(scratch / "steady"))
                  else "no errors")
            steps = [int(n) for n in args.ramp.split(",") if n]
            if steps:
                print(f"\nramp ({args.ramp_duration} s a step)")
                print(f"{'users':>5} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
                      f"{'errors':>6}")
            knee = None
            for users in steps:
                step = locust(args, users, args.ramp_duration, scratch / f"ramp{users}")
                total = step[-1]
                if args.ramp_endpoints:
                    print("\n".join(f"      {row(stats)}" for stats in step[:-1]))
                print(f"{users:5} {float(total['Requests/s']):7.1f} {total['50%']:>7} "
                      f"{total['95%']:>7} {total['99%']:>7} {int(total['Failure Count']):6}",
                      flush=True)
                if not total["95%"].isdigit() or int(total["95%"]) > KNEE_P95_MS:
                    knee = users
                    break
            if steps:
                print(f"knee: p95 passes {KNEE_P95_MS} ms at {knee} users" if knee else
                      f"knee not reached up to {steps[-1]} users")
            print(f"load average at the end {os.getloadavg()[0]:.1f}")
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()


if __name__ == "__main__":
    main()
