"""Tasks that the Celery tests run in real worker processes; each writes what it did to Redis
under the test's key prefix, where the test reads it."""

import os
import time

import redis
from celery import shared_task
from django.conf import settings


def _redis() -> redis.Redis:
    return redis.Redis.from_url(settings.CELERY_BROKER_URL)


@shared_task(name="tests.record_run")
def record_run(key: str) -> None:
    """The beat's periodic task: one timestamp per run."""
    _redis().rpush(key, time.time())


@shared_task(name="tests.apply_once_slowly")
def apply_once_slowly(key: str, seconds: float) -> None:
    """An idempotent task that takes its time: each attempt is noted (with its process), the
    effect is applied only if no earlier attempt applied it."""
    store = _redis()
    store.rpush(f"{key}:attempts", f"{os.getpid()} {time.time()}")
    time.sleep(seconds)
    if store.set(f"{key}:effect", "applied", nx=True):
        store.rpush(f"{key}:applied", time.time())
