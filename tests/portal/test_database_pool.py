"""PostgreSQL connection pooling (``DATABASE_POOL_MAX_SIZE``): threads share the pool's
connections, never more than its size, and a request that finds none free within the timeout
fails with a clear error instead of opening another."""

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.db.utils import ConnectionHandler

POOL = {"min_size": 1, "max_size": 2, "timeout": 2}


@pytest.fixture
def pooled(db):
    settings_dict = {**connection.settings_dict, "CONN_MAX_AGE": 0,
                     "OPTIONS": {**connection.settings_dict["OPTIONS"], "pool": POOL}}
    handler = ConnectionHandler({"default": settings_dict})  # a handler of its own
    yield handler
    handler["default"].close_pool()


def backend_pid(handler: ConnectionHandler) -> int:
    with handler["default"].cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.postgres
def test_threads_get_working_connections_from_a_pool_no_larger_than_its_size(pooled):
    pids, failures = [], []

    def serve_requests():
        try:
            for _ in range(5):
                pids.append(backend_pid(pooled))
                time.sleep(0.02)
                pooled["default"].close()  # the end of a request: back to the pool
        except Exception as error:
            failures.append(error)

    threads = [threading.Thread(target=serve_requests) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    assert len(pids) == 30
    assert 1 <= len(set(pids)) <= POOL["max_size"]
    assert pooled["default"].pool.get_stats()["pool_max"] == POOL["max_size"]


@pytest.mark.postgres
def test_a_request_finding_no_free_connection_fails_after_the_timeout(pooled):
    holding, release, outcome = threading.Barrier(3), threading.Event(), []

    def hold_a_connection():
        backend_pid(pooled)
        holding.wait()
        release.wait(timeout=30)
        pooled["default"].close()

    holders = [threading.Thread(target=hold_a_connection) for _ in range(2)]
    for thread in holders:
        thread.start()
    holding.wait()

    def one_more():
        started = time.monotonic()
        try:
            backend_pid(pooled)
        except OperationalError as error:
            outcome.append((time.monotonic() - started, error))

    third = threading.Thread(target=one_more)
    third.start()
    third.join(timeout=30)
    release.set()
    for thread in holders:
        thread.join(timeout=30)

    [(waited, error)] = outcome
    assert waited >= POOL["timeout"] - 0.2
    assert "couldn't get a connection after 2.00 sec" in str(error)
