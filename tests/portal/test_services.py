"""The real services: migrations on PostgreSQL, a task through Redis to a real Celery worker
process, and the after-commit rule for enqueueing."""


import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from portal.models import WorkerHeartbeat
from portal.tasks import record_worker_heartbeat
from tests.support.celery_processes import CeleryProcesses, database_url_of_this_test_run


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


@pytest.fixture
def celery_worker_process(transactional_db, tmp_path):
    """A real ``celery worker`` on the default queue (under a key prefix of its own in Redis),
    reading the test database."""
    processes = CeleryProcesses(tmp_path, DATABASE_URL=database_url_of_this_test_run())
    processes.start_worker("default", "--pool=solo")
    yield processes
    processes.stop()


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_runs_a_task_sent_through_redis(celery_worker_process):
    client = celery_worker_process.sender()
    assert client.conf.broker_url.startswith("redis://")

    result = client.send_task("portal.tasks.record_worker_heartbeat")
    outcome = result.get(timeout=90)

    assert outcome["hostname"].startswith("default-")
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
