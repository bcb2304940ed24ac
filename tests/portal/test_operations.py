"""What an operator relies on: JSON logs when asked, and every app's tasks registered."""

import json
import os
import subprocess
import sys
from pathlib import Path

from portal.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def test_json_log_format_writes_one_object_per_line():
    env = {**os.environ, "LOG_FORMAT": "json", "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    code = ("import django, logging; django.setup(); "
            "logging.getLogger('portal.ops').warning('disk nearly full', extra={'free_mb': 12})")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["level"] == "WARNING"
    assert record["logger"] == "portal.ops"
    assert record["message"] == "disk nearly full"
    assert record["free_mb"] == 12


def test_celery_discovers_the_tasks_of_installed_apps():
    celery_app.loader.import_default_modules()
    assert "portal.tasks.record_worker_heartbeat" in celery_app.tasks
    assert celery_app.conf.beat_schedule["worker-heartbeat"]["task"] in celery_app.tasks
