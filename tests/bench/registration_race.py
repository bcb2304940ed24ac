"""100 people press "Register" for a 30-seat meeting at the same moment, through gunicorn on
real PostgreSQL: how long until every answer is back (the settle time), where that time goes,
and whether the seats were overbooked.

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_loadbench \\
        .venv/bin/python tests/bench/registration_race.py [--people 100] [--seats 30] \\
        [--workers 3] [--worker-class sync] [--threads 1] [--port 8209] [--rounds 3]

A database of its own (``<name>_race``, migrated once, kept between runs) holds one meeting
per round and the people, who are members signed in through sessions written straight into
the session store: no password is hashed and no login page is timed. Each round starts
gunicorn with the production settings, then sends every POST at once (one thread per person,
released together), and prints: the settle time; the client-side latency p50/p95/max; the
server-side time gunicorn logged for those requests (the difference is time spent queued for a
free worker); the same registrations made straight through the service in threads, without
HTTP (the database and lock share of it); and the confirmed / waiting-list counts. Prints
figures; the only thing it insists on is that nobody was overbooked.
"""

import argparse
import datetime
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# Sets the production settings up (with the DATABASE_URL of the environment).
from tests.bench.stack import signed_in_session, wait_until_healthy  # noqa: E402, I001

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from events import services  # noqa: E402
from events.models import Meeting, RegistrationStatus  # noqa: E402
from members.models import Membership, Organisation, Role, User  # noqa: E402
from tests.bench.timing import percentile  # noqa: E402

CSRF_SECRET = "b" * 32  # an unmasked secret is a valid token for itself


def race_database() -> str:
    """Point Django at ``<name>_race``, created and migrated the first time."""
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("The race needs PostgreSQL: set DATABASE_URL=postgres://...")
    settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_race"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True)
    return name


def people(count: int) -> list:
    """``count`` members, created once (no password: they are signed in by session)."""
    organisation, _ = Organisation.objects.update_or_create(
        slug="race-city", defaults={"kind": "city", "name_ko": "경주시", "name_en": "Race City",
                                    "country": "KR", "membership_status": "active"})
    users = []
    for n in range(count):
        user, created = User.objects.get_or_create(email=f"racer{n}@race.example")
        if created:
            user.set_unusable_password()
            user.save()
            Membership.objects.create(user=user, organisation=organisation, role=Role.OFFICER)
        users.append(user)
    return users


def new_meeting(seats: int, round_no: int) -> Meeting:
    starts = timezone.now() + datetime.timedelta(days=30)
    return Meeting.objects.create(
        slug=f"race-{int(time.time())}-{round_no}", title_ko="경주 회의", title_en="Race meeting",
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), capacity=seats,
        online_url="https://meet.example/race")


def counts(meeting) -> dict[str, int]:
    return {s: meeting.registrations.filter(status=s).count() for s in RegistrationStatus.values}


def lock_span(meeting) -> float:
    """Seconds from the first registration row to the last: rows are written one after
    another under the meeting's lock, so this is the serialised part of the settle time."""
    stamps = list(meeting.registrations.order_by("created_at").values_list("created_at", flat=True))
    return (stamps[-1] - stamps[0]).total_seconds()


def start_gunicorn(database: str, args, access_log: Path) -> subprocess.Popen:
    env = {**os.environ,
           "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + database}
    command = [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{args.port}",
               "--workers", str(args.workers), "--worker-class", args.worker_class,
               "--threads", str(args.threads), "--access-logfile", str(access_log),
               "--access-logformat", '%(m)s %(U)s %(s)s %(D)s']
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    wait_until_healthy(args.port, require_ok=False)
    # Each worker loads the URLconf and templates on its first request: not part of the race.
    with ThreadPoolExecutor(max_workers=args.workers * args.threads) as pool:
        list(pool.map(lambda _: warm(args.port), range(args.workers * args.threads * 3)))
    return server


def warm(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/meetings/", headers={"Host": "127.0.0.1"})
    conn.getresponse().read()


def press_register(args, path: str, sessions: list[str]) -> tuple[float, list[float], list[int]]:
    """Every person POSTs at once; returns (settle seconds, latencies ms, statuses)."""
    gate = threading.Barrier(len(sessions))
    body = f"csrfmiddlewaretoken={CSRF_SECRET}"

    def one(session_key: str) -> tuple[float, float, int]:
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
        conn.connect()
        gate.wait()
        started = time.perf_counter()
        conn.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={session_key}; csrftoken={CSRF_SECRET}",
            "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        finished = time.perf_counter()
        conn.close()
        return started, finished, response.status

    with ThreadPoolExecutor(max_workers=len(sessions)) as pool:
        results = list(pool.map(one, sessions))
    settle = max(r[1] for r in results) - min(r[0] for r in results)
    return settle, [(r[1] - r[0]) * 1000 for r in results], [r[2] for r in results]


def through_service(meeting, users) -> float:
    """The same registrations straight through ``events.services.register`` in 40 threads."""
    def register(user):
        try:
            services.register(meeting, user)
        finally:
            connection.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=40) as pool:
        list(pool.map(register, users))
    return time.perf_counter() - started


def server_times(access_log: Path, path: str) -> list[float]:
    return [int(line.split()[3]) / 1000 for line in access_log.read_text().splitlines()
            if line.split()[1] == path]


def summary(samples: list[float]) -> str:
    return (f"p50 {statistics.median(samples):6.0f} ms  p95 {percentile(samples, 95):6.0f} ms  "
            f"max {max(samples):6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8209)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    database = race_database()
    users = people(args.people)
    print(f"gunicorn {args.workers} × {args.worker_class} (threads {args.threads}), "
          f"{args.people} people, {args.seats} seats, DATABASE_CONN_MAX_AGE "
          f"{settings.DATABASES['default']['CONN_MAX_AGE']}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    overbooked = False
    with tempfile.TemporaryDirectory() as scratch:
        access_log = Path(scratch) / "access.log"
        server = start_gunicorn(database, args, access_log)
        try:
            for round_no in range(1, args.rounds + 1):
                meeting = new_meeting(args.seats, round_no)
                sessions = [signed_in_session(user) for user in users]
                path = f"/meetings/{meeting.slug}/register/"
                settle, latencies, statuses = press_register(args, path, sessions)
                result = counts(meeting)
                overbooked |= result["confirmed"] > args.seats
                print(f"round {round_no}: HTTP settle {settle:5.2f} s   client {summary(latencies)}"
                      f"   statuses {sorted(set(statuses))}")
                print(f"          server {summary(server_times(access_log, path))}   "
                      f"confirmed {result['confirmed']}  waitlisted {result['waitlisted']}   "
                      f"first→last row {lock_span(meeting):4.2f} s")
                direct = new_meeting(args.seats, round_no + 100)
                took = through_service(direct, users)
                direct_counts = counts(direct)
                overbooked |= direct_counts["confirmed"] > args.seats
                print(f"          service only (no HTTP, 40 threads) {took:5.2f} s   confirmed "
                      f"{direct_counts['confirmed']}  waitlisted {direct_counts['waitlisted']}   "
                      f"first→last row {lock_span(direct):4.2f} s")
        finally:
            server.terminate()
            server.wait(timeout=30)
    if overbooked:
        sys.exit("OVERBOOKED: more people confirmed than seats")


if __name__ == "__main__":
    main()
