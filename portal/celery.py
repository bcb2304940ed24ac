"""The Celery application. Every installed app's ``tasks.py`` is discovered.

Tasks are Django-aware (``DjangoTask``): call ``task.delay_on_commit(...)`` from code that
runs inside a transaction so a worker never sees a row before it is committed.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
