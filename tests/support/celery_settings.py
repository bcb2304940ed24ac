"""Settings of the Celery worker and beat processes the tests start: the portal's own, with a
key prefix of the test's in Redis (its queues, the beat's schedule and lock), so tests running
side by side never take each other's tasks, a fast beat, and the test's tasks
(``tests.support.celery_tasks``)."""

import json
import os

from portal.settings.dev import *  # noqa: F403
from portal.settings.dev import CELERY_BROKER_TRANSPORT_OPTIONS, CELERY_TASK_ROUTES

PREFIX = os.environ["PORTAL_TEST_KEY_PREFIX"]
CELERY_BROKER_TRANSPORT_OPTIONS = {**CELERY_BROKER_TRANSPORT_OPTIONS, "global_keyprefix": PREFIX}
CELERY_REDBEAT_KEY_PREFIX = f"{PREFIX}redbeat:"
CELERY_BEAT_MAX_LOOP_INTERVAL = 1
CELERY_IMPORTS = ["tests.support.celery_tasks"]
CELERY_BEAT_SCHEDULE = {
    "record-run": {"task": "tests.record_run", "args": [f"{PREFIX}runs"],
                   "schedule": float(os.environ.get("PORTAL_TEST_BEAT_SECONDS", "2"))},
}
CELERY_TASK_ROUTES = {**CELERY_TASK_ROUTES,
                      **json.loads(os.environ.get("PORTAL_TEST_EXTRA_ROUTES", "{}"))}
