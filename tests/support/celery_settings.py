"""Settings of the Celery worker and beat processes the tests start: the portal's own, with a
key prefix of the test's in Redis (its queues, the beat's schedule and lock), so tests running
side by side never take each other's tasks, a fast beat, and the test's tasks
(``tests.support.celery_tasks``)."""

import json
import os

from portal.settings.dev import *  # noqa: F403
from portal.settings.dev import CELERY_BROKER_TRANSPORT_OPTIONS, CELERY_TASK_ROUTES

PREFIX = os.environ["PORTAL_TEST_KEY_PREFIX"]
# A dead worker's task is looked for on every poll, and the sweep's own lock lapses in seconds
# (kombu: 10 polls and 300 s), so that redelivery is measured, not kombu's throttles.
CELERY_BROKER_TRANSPORT_OPTIONS = {**CELERY_BROKER_TRANSPORT_OPTIONS, "global_keyprefix": PREFIX,
                                   "unacked_restore_interval": 1, "unacked_mutex_expire": 5}
CELERY_REDBEAT_KEY_PREFIX = f"{PREFIX}redbeat:"
CELERY_BEAT_MAX_LOOP_INTERVAL = 1
CELERY_IMPORTS = ["tests.support.celery_tasks"]
CELERY_BEAT_SCHEDULE = {
    "record-run": {"task": "tests.record_run", "args": [f"{PREFIX}runs"],
                   "schedule": float(os.environ.get("PORTAL_TEST_BEAT_SECONDS", "2"))},
}
CELERY_TASK_ROUTES = {**CELERY_TASK_ROUTES,
                      **json.loads(os.environ.get("PORTAL_TEST_EXTRA_ROUTES", "{}"))}
