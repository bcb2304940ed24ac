"""A newcomer's first run (issue 15, must show 3): a fresh clone of this checkout runs the
README's command on a free port with no service configured. Its output ends on the demo logins
and the address; a meeting reminder that falls due a few seconds later is sent by the embedded
worker's beat, without Redis, and the e-mail printed on the console links to that port.

Slow (a fresh SQLite database migrated and seeded: about a minute and a half of CPU), but it
needs no service, so it runs in the parallel phase. The clone reuses this checkout's virtual
environment (a symlink); ``PIP_NO_INDEX`` makes any attempt to reinstall into it fail loudly."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEPT = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PYTHON")
STARTUP_SECONDS = 900  # migrate and seed on a busy 2-core machine
MAIL_SECONDS = 150  # the reminder falls due in 20 s; the embedded beat looks every minute

# Moves the last scheduled meeting to a week and 20 seconds from now (its week-ahead reminder
# falls due in 20 s) and registers a demo officer for it; prints its path.
DUE_REMINDER = """
import datetime
from django.utils import timezone
from events.models import Meeting, MeetingStatus, Registration, RegistrationStatus
from members.models import User
meeting = Meeting.objects.filter(status=MeetingStatus.SCHEDULED).order_by("-starts_at").first()
length = meeting.ends_at - meeting.starts_at
meeting.starts_at = timezone.now() + datetime.timedelta(days=7, seconds=20)
meeting.ends_at = meeting.starts_at + length
meeting.save(update_fields=["starts_at", "ends_at"])
person = User.objects.get(email="officer.daegu@demo.example")
Registration.objects.update_or_create(meeting=meeting, user=person,
                                      defaults={"status": RegistrationStatus.CONFIRMED})
print(meeting.slug)
"""


class Output:
    """The lines a process prints, read as they come."""

    def __init__(self, stream):
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, found, seconds: float, process: subprocess.Popen) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for number, line in enumerate(list(self.lines)):
                if found(line):
                    return number
            assert process.poll() is None, "the run command ended:\n" + self.tail()
            time.sleep(0.5)
        raise AssertionError(f"not printed within {seconds} s:\n" + self.tail())

    def tail(self, count: int = 60) -> str:
        return "\n".join(self.lines[-count:])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fresh_clone(folder: Path) -> Path:
    clone = folder / "portal"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    (clone / ".venv").symlink_to((ROOT / ".venv").resolve())
    for pinned in ("pyproject.toml", "constraints.txt"):  # older than the venv's install stamp
        os.utime(clone / pinned, (0, 0))
    return clone


def test_a_fresh_clone_runs_ends_on_the_logins_and_sends_a_due_reminder_without_redis():
    folder = Path(tempfile.mkdtemp(prefix="newcomer-"))
    port = _free_port()
    address = f"http://127.0.0.1:{port}"
    env = {name: os.environ[name] for name in KEPT if name in os.environ}
    env["PIP_NO_INDEX"] = "1"  # no services, no SITE_URL, no settings module: a newcomer's shell
    run = None
    try:
        clone = _fresh_clone(folder)
        run = subprocess.Popen(["bash", "scripts/run-demo.sh", f"127.0.0.1:{port}"], cwd=clone,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, start_new_session=True)
        output = Output(run.stdout)
        last = output.wait_for(lambda line: line.startswith(f"The portal: {address}/"),
                               STARTUP_SECONDS, run)
        time.sleep(3)  # anything the server or the worker would print after it
        logins = next(n for n, line in enumerate(output.lines)
                      if line.startswith("Logins (development only"))
        assert len(output.lines) == last + 1, output.tail()
        block = output.lines[logins:]
        assert "  staff@demo.example" in block[1]
        assert block[-2].startswith("Staff second factor: TOTP secret")
        assert all(line.startswith("  ") and "@demo.example" in line for line in block[1:-2])
        assert not any(" INFO " in line for line in output.lines), output.tail()

        shell_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
                     "CELERY_BROKER_URL": f"sqla+sqlite:///{clone}/celery-broker.sqlite3",
                     "SITE_URL": address}
        slug = subprocess.run([".venv/bin/python", "manage.py", "shell", "-c", DUE_REMINDER],
                              cwd=clone, env=shell_env, check=True, capture_output=True,
                              text=True).stdout.strip().splitlines()[-1]
        link = output.wait_for(lambda line: line.startswith(address) and slug in line,
                               MAIL_SECONDS, run)
        output.wait_for(lambda line: line == "To: officer.daegu@demo.example", 10, run)
        assert link > last
        assert (clone / "celery-broker.sqlite3").exists()
    finally:
        if run is not None:
            _stop(run)
        shutil.rmtree(folder, ignore_errors=True)


def _stop(run: subprocess.Popen) -> None:
    """As Ctrl-C would (the script traps TERM as INT, and a shell started in the background
    ignores INT): the trap stops its server and worker; anything left after 30 s is killed."""
    os.kill(run.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        run.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=10)
