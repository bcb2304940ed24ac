"""The real services: migrations on PostgreSQL, a task through Redis to a real Celery worker
process, and the after-commit rule for enqueueing."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from portal.celery import app as celery_app
from portal.models import WorkerHeartbeat
from portal.tasks import record_worker_heartbeat

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
@pytest.mark.django_db
def test_migrations_are_applied_on_postgresql():
    assert connection.vendor == "postgresql"
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert unapplied == []
    applied = executor.loader.applied_migrations
    assert ("members", "0001_initial") in applied
    assert ("wagtailcore", "0001_initial") in applied


@pytest.mark.django_db
def test_tasks_are_enqueued_only_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        record_worker_heartbeat.delay_on_commit()
        assert not WorkerHeartbeat.objects.exists()  # nothing ran inside the transaction
    assert len(callbacks) == 1
    assert WorkerHeartbeat.objects.count() == 1


@pytest.mark.django_db
def test_a_rolled_back_transaction_enqueues_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        record_worker_heartbeat.delay_on_commit()
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert not WorkerHeartbeat.objects.exists()


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def celery_worker_process(transactional_db):
    """A real ``celery worker`` on a queue of its own, reading the test database."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DATABASE_URL": _database_url(),
           "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo",
         "--concurrency=1", "-Q", queue, "--hostname", f"{queue}@%h", "--loglevel=INFO"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    celery_app.conf.task_always_eager = False
    try:
        yield queue
    finally:
        celery_app.conf.task_always_eager = True
        worker.terminate()
        worker.wait(timeout=30)


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_runs_a_task_sent_through_redis(celery_worker_process):
    queue = celery_worker_process
    assert celery_app.conf.broker_url.startswith("redis://")

    result = record_worker_heartbeat.apply_async(queue=queue)
    outcome = result.get(timeout=90)

    assert outcome["hostname"].startswith(f"{queue}@")
    beat = WorkerHeartbeat.objects.get(hostname=outcome["hostname"])
    assert beat.seen_at.isoformat() == outcome["seen_at"]


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db
def test_healthz_sees_the_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    broker = response.json()["checks"]["broker"]
    assert broker == {"ok": True, "mode": "broker", "last_worker_heartbeat": None}
