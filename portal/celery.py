"""The Celery application. Every installed app's ``tasks.py`` is discovered.

Tasks are Django-aware (``DjangoTask``): call ``task.delay_on_commit(...)`` from code that
runs inside a transaction so a worker never sees a row before it is committed. A worker or
beat refuses to start while the Celery settings fail their checks (``portal.checks``).
"""

import io
import os
import sys

import django
from celery import Celery, signals
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def name_redbeat_settings_plainly(sender: Celery, **kwargs) -> None:
    """celery-redbeat 2.4 looks for its settings by their plain names, not under the CELERY_
    namespace, and warns at every start that they are not set."""
    sender.conf.update(redbeat_redis_url=sender.conf.redbeat_redis_url, redbeat_redis_options={})


@signals.celeryd_init.connect
@signals.beat_init.connect
def refuse_to_start_misconfigured(**kwargs) -> None:
    """Exits listing each problem, before any task is taken or sent (Celery would only log an
    exception raised by a signal handler, and start anyway)."""
    if not apps.ready:  # a second setup would replace the logging Celery has set up
        django.setup()
    try:
        call_command("check", tags=["celery"], stdout=io.StringIO())  # silent when all is well
    except SystemCheckError as error:
        sys.__stderr__.write(f"{error}\n")  # beat has sent sys.stderr to its log
        raise SystemExit(1) from error
