"""Portal nodes as separate processes for the federation tests: each with its own PostgreSQL
database (cloned from one migrated and seeded template, so migrations run once), its own
Elasticsearch index alias, its own cache key prefix in the run's Redis, and its own address
(SITE_URL) served by ``runserver`` on a free port. Everything they made is removed when the
``Network`` closes: processes, databases, indices, cache keys. Each step is timed."""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
from elasticsearch import Elasticsearch

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "portal.settings.dev"
START_TIMEOUT = 90  # seconds for a node to answer after it was started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@dataclass
class Timings:
    """Where the wall time goes, printed at the end of the test."""

    steps: list[tuple[str, float]] = field(default_factory=list)

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.monotonic()
        try:
            yield
        finally:
            self.steps.append((name, time.monotonic() - started))

    def report(self) -> str:
        total = sum(seconds for _name, seconds in self.steps)
        lines = [f"{seconds:7.1f} s  {name}" for name, seconds in self.steps]
        return "\n".join(["three-node federation test, wall time by step:", *lines,
                          f"{total:7.1f} s  total"])


@dataclass
class Node:
    name: str  # "a", "b", "c"
    label_ko: str
    label_en: str
    database: str
    env: dict[str, str]
    port: int
    logs: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def federation_url(self) -> str:
        return f"{self.url}/federation/"

    def manage(self, *args: str, timeout: float = 300) -> str:
        """``manage.py <args>`` against this node's database, settings and address."""
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"node {self.name}: manage.py {' '.join(args)} failed "
                                 f"({done.returncode}):\n{done.stdout[-3000:]}\n"
                                 f"{done.stderr[-6000:]}")
        return done.stdout

    def run(self, function: str, *arguments: str) -> object:
        """Call ``tests.federation.node_steps.<function>(*arguments)`` inside this node (a
        ``manage.py shell``), and return what it printed as JSON on its last line."""
        code = (f"import json; from tests.federation import node_steps; "
                f"print(json.dumps(node_steps.{function}(*{list(arguments)!r})))")
        output = self.manage("shell", "-c", code).strip().splitlines()
        return json.loads(output[-1]) if output else None

    def start(self) -> None:
        log = (self.logs / f"node-{self.name}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"node {self.name} stopped:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"node {self.name} did not answer:\n{self.log()}")
                time.sleep(0.3)

    def get(self, path: str, **params: str) -> str:
        query = "&".join(f"{k}={urllib.parse.quote(v)}" for k, v in params.items())
        with urllib.request.urlopen(f"{self.url}{path}{'?' + query if query else ''}",
                                    timeout=30) as response:
            return response.read().decode()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self) -> str:
        path = self.logs / f"node-{self.name}.log"
        return path.read_text()[-6000:] if path.exists() else ""


class Network:
    """Three nodes on this machine. ``close`` removes all they made, however the test ends."""

    NAMES = {"a": ("대구 스마트시티 협의체", "Daegu smart city consortium"),
             "b": ("부산 스마트시티 협의체", "Busan smart city consortium"),
             "c": ("전주 스마트시티 협의체", "Jeonju smart city consortium")}

    def __init__(self, logs: Path, timings: Timings) -> None:
        self.run_id = uuid.uuid4().hex[:8]
        self.logs = logs
        self.timings = timings
        self.base_url = os.environ["DATABASE_URL"]
        self.elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "")
        self.redis_url = os.environ.get("REDIS_URL", "")
        self.prefix = f"{urlsplit(self.base_url).path.lstrip('/')}_3n_{self.run_id}"
        self.template = f"{self.prefix}_template"
        self.databases: list[str] = []
        self.nodes: dict[str, Node] = {}

    # -- databases ------------------------------------------------------------------------

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(database_url(self.base_url, "postgres"), autocommit=True)

    def _create_database(self, name: str, template: str | None = None) -> None:
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"'
                          + (f' TEMPLATE "{template}"' if template else ""))
        self.databases.append(name)

    def _drop_databases(self) -> None:
        with self._admin() as admin:
            for name in reversed(self.databases):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # -- nodes ----------------------------------------------------------------------------

    def _env(self, name: str, database: str, port: int) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("PYTEST", "DJANGO_"))}
        env.update({
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": database_url(self.base_url, database),
            "SITE_URL": f"http://127.0.0.1:{port}",
            "SEARCH_INDEX_ALIAS": f"portal-3n-{self.run_id}-{name}",
            "ELASTICSEARCH_URL": self.elasticsearch_url,
            # No broker: each node's tasks (index updates) run in the process that queued
            # them, the harvest command's included; a worker per node would add nothing here.
            "CELERY_BROKER_URL": "",
            "CACHE_KEY_PREFIX": f"3n-{self.run_id}-{name}",
            "PAGE_CACHE_SECONDS": "0" if not self.redis_url else "120",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(self.logs / f"media-{name}"),
            "PRIVATE_MEDIA_ROOT": str(self.logs / f"private-{name}"),
            "FEDERATION_NODE_NAME_KO": self.NAMES[name][0],
            "FEDERATION_NODE_NAME_EN": self.NAMES[name][1],
        })
        return env

    def build(self, migrated: str | None = None) -> dict[str, Node]:
        """Start the three nodes; ``migrated`` names a database already migrated (the test
        run's own, its connections closed) to clone instead of migrating anew."""
        template = Node("template", "", "", self.template,
                        self._env("a", self.template, 1), 1, self.logs)
        with self.timings.step("template database: cloned from the test database, or migrated"):
            try:
                self._create_database(self.template, template=migrated)
                how = "cloned"
            except psycopg.errors.ObjectInUse:  # something still reads it: migrate instead
                self._create_database(self.template)
                how = "migrated (the test database was in use)"
            # Any migration newer than the clone (or all of them), and nothing else.
            template.manage("migrate", "--no-input", timeout=600)
        self.timings.steps[-1] = (f"template database: {how}", self.timings.steps[-1][1])
        with self.timings.step("template database: seed home, catalogue, taxonomies"):
            template.run("seed_base")
        with self.timings.step("three databases cloned from the template"):
            for name in "abc":
                self._create_database(f"{self.prefix}_{name}", template=self.template)
        for name in "abc":
            port = free_port()
            self.nodes[name] = Node(name, *self.NAMES[name], f"{self.prefix}_{name}",
                                    self._env(name, f"{self.prefix}_{name}", port), port,
                                    self.logs)
        with self.timings.step("three nodes started and answering"):
            for node in self.nodes.values():
                node.start()
            for node in self.nodes.values():
                node.wait_until_up()
        return self.nodes

    def close(self) -> None:
        for node in self.nodes.values():
            node.stop()
        with contextlib.suppress(Exception):
            self._drop_databases()
        if self.elasticsearch_url:
            client = Elasticsearch(self.elasticsearch_url.split(","))
            for name in self.nodes:
                with contextlib.suppress(Exception):
                    indices = client.indices.get(index=f"portal-3n-{self.run_id}-{name}-*")
                    if indices:
                        client.indices.delete(index=",".join(indices))
        if self.redis_url:
            with contextlib.suppress(Exception):
                store = redis.Redis.from_url(self.redis_url)
                for key in store.scan_iter(match=f"*3n-{self.run_id}-*", count=1000):
                    store.delete(key)
