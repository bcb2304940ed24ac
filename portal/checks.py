"""Start-up checks of the Celery settings (``manage.py check``, ``migrate``, and every worker
and beat, see ``portal.celery``): a queue named in a route, the default queue or the beat
schedule must be one the portal declares, and a route or annotation must name a real task, so
a typo never sends work to a queue no worker reads or silently drops a task's options."""

from collections.abc import Iterable
from fnmatch import fnmatchcase
from importlib import import_module

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.module_loading import autodiscover_modules

from .celery import app

CELERY = "celery"  # the tag the worker and beat run before they start


@register(Tags.compatibility, CELERY)
def check_celery_queues(app_configs=None, **kwargs) -> list[Error]:
    declared = {queue.name for queue in settings.CELERY_TASK_QUEUES}
    known = ", ".join(sorted(declared))
    named = [("CELERY_TASK_DEFAULT_QUEUE", settings.CELERY_TASK_DEFAULT_QUEUE)]
    named += [(f"CELERY_TASK_ROUTES[{task!r}]", route.get("queue"))
              for task, route in settings.CELERY_TASK_ROUTES.items()]
    named += [(f"CELERY_BEAT_SCHEDULE[{entry!r}]", spec.get("options", {}).get("queue"))
              for entry, spec in settings.CELERY_BEAT_SCHEDULE.items()]
    return [
        Error(f"{where} names the queue {queue!r}, which is not declared.",
              hint=f"Use one of the declared queues ({known}) or add it to CELERY_TASK_QUEUES.",
              id="portal.E010")
        for where, queue in named if queue is not None and queue not in declared
    ]


@register(Tags.compatibility, CELERY)
def check_celery_task_names(app_configs=None, **kwargs) -> list[Error]:
    autodiscover_modules("tasks")  # as Celery's autodiscovery, without its import signal
    for module in getattr(settings, "CELERY_IMPORTS", ()):
        import_module(module)
    tasks = [name for name in app.tasks if not name.startswith("celery.")]
    named = [("CELERY_TASK_ROUTES", pattern) for pattern in settings.CELERY_TASK_ROUTES]
    named += [("CELERY_TASK_ANNOTATIONS", name) for name in settings.CELERY_TASK_ANNOTATIONS]
    named += [(f"CELERY_BEAT_SCHEDULE[{entry!r}]", spec["task"])
              for entry, spec in settings.CELERY_BEAT_SCHEDULE.items()]
    return [
        Error(f"{where} names the task {pattern!r}, which matches no registered task.",
              hint="A task was renamed or removed: follow its new name (`celery -A portal "
                   "inspect registered` lists them).", id="portal.E011")
        for where, pattern in named if not _matches_any(pattern, tasks)
    ]


def _matches_any(pattern: str, names: Iterable[str]) -> bool:
    return any(fnmatchcase(name, pattern) for name in names)
