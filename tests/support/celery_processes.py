"""Real ``celery worker`` and ``celery beat`` processes for the tests, with their own key prefix
in the test run's Redis (``tests.support.celery_settings``); every process is killed when the
test ends, however it ends."""

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from functools import cached_property
from pathlib import Path

import redis
from celery import Celery
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.support.celery_settings"


def database_url_of_this_test_run() -> str:
    """The test database, for a worker that must read what the test wrote (PostgreSQL)."""
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


class CeleryProcesses:
    def __init__(self, logs: Path, **env: str) -> None:
        self.prefix = f"test-{uuid.uuid4().hex[:10]}:"
        self.logs = logs
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS,
                    "PORTAL_TEST_KEY_PREFIX": self.prefix, "ELASTICSEARCH_URL": "",
                    # never the working tree's SQLite file
                    "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{logs}/db",
                    **env}
        self.processes: list[subprocess.Popen] = []

    @cached_property
    def redis(self) -> redis.Redis:
        return redis.Redis.from_url(self.env["CELERY_BROKER_URL"])

    def start(self, *args: str, wait_for: str | None = None) -> subprocess.Popen:
        """``celery -A portal <args>``; with ``wait_for``, returns once its log shows that."""
        log = self.logs / f"celery-{len(self.processes)}-{args[0]}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", *args, "--loglevel=INFO"],
            cwd=ROOT, env=self.env, stdout=log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True)  # its own process group: its pool goes with it
        process.log = log
        self.processes.append(process)
        if wait_for:
            self.wait_for_log(process, wait_for)
        return process

    def start_worker(self, queue: str, *args: str) -> subprocess.Popen:
        name = f"{queue}-{len(self.processes)}@{self.prefix.rstrip(':')}"
        return self.start("worker", "-Q", queue, "--hostname", name, "--without-gossip",
                          "--without-mingle", "--without-heartbeat", *args, wait_for="ready.")

    @staticmethod
    def wait_for_log(process: subprocess.Popen, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text not in process.log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} in the log:\n{process.log.read_text()}")
            time.sleep(0.2)

    def sender(self) -> Celery:
        """A client of the same queues, routed by the portal's settings."""
        app = Celery("portal-test-client", set_as_current=False)
        app.config_from_object("django.conf:settings", namespace="CELERY")
        app.conf.task_always_eager = False
        app.conf.broker_transport_options = {
            **app.conf.broker_transport_options, "global_keyprefix": self.prefix}
        return app

    def queue_length(self, queue: str) -> int:
        return self.redis.llen(f"{self.prefix}{queue}")

    def stop(self) -> None:
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        with contextlib.suppress(redis.ConnectionError):  # a test with no broker left nothing
            self._forget_keys()

    def _forget_keys(self) -> None:
        keys = list(self.redis.scan_iter(f"{self.prefix}*"))
        if keys:
            self.redis.delete(*keys)
