"""Celery on more than one host, with real worker and beat processes on the run's Redis:
two beats send each due run once, a standby beat takes over, a search worker is not held up by
a mail backlog, a task whose worker is killed runs again with its effect once, and a queue
named in the settings that does not exist stops the processes at start-up."""

import itertools
import os
import signal
import time

import pytest
from django.core.checks import run_checks

from portal.celery import app as celery_app
from search import outbox
from search.models import PendingChange
from tests.support.celery_processes import CeleryProcesses, database_url_of_this_test_run


@pytest.fixture
def celery_processes(tmp_path):
    processes = CeleryProcesses(tmp_path)
    yield processes
    processes.stop()


def wait_until(condition, timeout: float, step: float = 0.1) -> float:
    """Seconds until ``condition()`` held; fails after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(step)
    return time.monotonic() - start


def runs(processes: CeleryProcesses) -> list[float]:
    return [float(t) for t in processes.redis.lrange(f"{processes.prefix}runs", 0, -1)]


# --- queues -------------------------------------------------------------------------------
@pytest.mark.parametrize(("task", "queue"), [
    ("portal.tasks.deliver_mail", "mail"),
    ("search.tasks.apply_change", "search"),
    ("search.tasks.sweep_outbox", "search"),
    ("portal.tasks.record_worker_heartbeat", "default"),
    ("events.tasks.send_meeting_reminders", "default"),
    ("funding.tasks.send_funding_reminders", "default"),
])
def test_tasks_are_routed_to_their_queue_by_name(task, queue):
    assert celery_app.amqp.router.route({}, task)["queue"].name == queue


@pytest.mark.postgres
@pytest.mark.redis
def test_a_search_worker_applies_index_updates_while_mail_waits(transactional_db,
                                                                celery_processes):
    celery_processes.env["DATABASE_URL"] = database_url_of_this_test_run()
    celery_processes.start_worker("search")
    client = celery_processes.sender()
    for n in range(300):
        client.send_task("portal.tasks.deliver_mail", args=[f"p{n}@x.example", "s", "b"])
    assert celery_processes.queue_length("mail") == 300

    outbox.record("organisation", "424242")
    client.send_task("search.tasks.apply_change", args=["organisation", "424242"])
    took = wait_until(lambda: not PendingChange.objects.exists(), timeout=30)

    print(f"index update applied {took:.2f} s after it was queued behind 300 mails")
    assert took < 10
    assert celery_processes.queue_length("mail") == 300  # the search worker took none


# --- beat -----------------------------------------------------------------------------------
@pytest.mark.redis
def test_two_beats_send_each_due_run_once_and_the_standby_takes_over(celery_processes):
    celery_processes.env.update(PORTAL_TEST_BEAT_SECONDS="1", REDBEAT_LOCK_TIMEOUT="4")
    celery_processes.start_worker("default", "--pool=solo")
    beats = [celery_processes.start("beat", "-S", "redbeat.RedBeatScheduler",
                                    wait_for="beat: Starting") for _ in range(2)]
    wait_until(lambda: len(runs(celery_processes)) >= 1, timeout=60)
    time.sleep(10)

    both = runs(celery_processes)
    assert all(beat.poll() is None for beat in beats)  # the second waits; it did not fail
    holder, standby = sorted(beats, key=lambda beat: "Acquired lock" not in beat.log.read_text())
    assert "Acquired lock" not in standby.log.read_text()
    assert "Sending due task" not in standby.log.read_text()
    gaps = [b - a for a, b in itertools.pairwise(both)]
    assert min(gaps) > 0.5, gaps  # two beats sending would give pairs a moment apart
    assert len(both) <= both[-1] - both[0] + 2  # one run a second, no more

    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    killed_at, before = time.time(), len(runs(celery_processes))
    wait_until(lambda: len(runs(celery_processes)) > before + 3, timeout=60)
    after = [t for t in runs(celery_processes) if t > killed_at]
    print(f"the standby beat sent its first run {after[0] - killed_at:.1f} s after the beat "
          "holding the lock was killed (lock timeout 4 s)")
    assert "Acquired lock" in standby.log.read_text()
    assert min(b - a for a, b in itertools.pairwise(after)) > 0.5


# --- a worker lost mid-task ----------------------------------------------------------------
@pytest.mark.redis
def test_a_task_whose_worker_is_killed_runs_again_with_its_effect_once(celery_processes):
    celery_processes.env["CELERY_VISIBILITY_TIMEOUT"] = "3"
    first = celery_processes.start_worker("default", "--pool=solo")
    key = f"{celery_processes.prefix}job"
    attempts = f"{key}:attempts"
    celery_processes.sender().send_task("tests.apply_once_slowly", args=[key, 2.0])
    wait_until(lambda: celery_processes.redis.llen(attempts) == 1, timeout=30)

    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    killed_at = time.monotonic()
    celery_processes.start_worker("default", "--pool=solo")
    wait_until(lambda: celery_processes.redis.llen(attempts) == 2, timeout=60)
    print(f"ran again {time.monotonic() - killed_at:.1f} s after its worker was killed")
    wait_until(lambda: celery_processes.redis.exists(f"{key}:applied"), timeout=10)
    time.sleep(1)

    assert celery_processes.redis.llen(attempts) == 2
    assert celery_processes.redis.llen(f"{key}:applied") == 1


@pytest.mark.redis
def test_a_task_whose_pool_process_dies_goes_back_to_the_queue_at_once(celery_processes):
    celery_processes.start_worker("default", "--pool=prefork", "--concurrency=1")
    key = f"{celery_processes.prefix}job"
    attempts = f"{key}:attempts"
    celery_processes.sender().send_task("tests.apply_once_slowly", args=[key, 2.0])
    wait_until(lambda: celery_processes.redis.llen(attempts) == 1, timeout=30)

    child = int(celery_processes.redis.lindex(attempts, 0).split()[0])
    os.kill(child, signal.SIGKILL)
    took = wait_until(lambda: celery_processes.redis.llen(attempts) == 2, timeout=30)
    print(f"ran again {took:.1f} s after its pool process was killed")
    wait_until(lambda: celery_processes.redis.exists(f"{key}:applied"), timeout=10)

    assert celery_processes.redis.llen(f"{key}:applied") == 1


# --- settings naming a queue or task that does not exist -----------------------------------
def test_a_route_to_an_undeclared_queue_fails_the_checks(settings):
    settings.CELERY_TASK_ROUTES = {**settings.CELERY_TASK_ROUTES,
                                   "events.tasks.*": {"queue": "reminders"}}
    errors = [e for e in run_checks(tags=["celery"]) if e.is_serious()]
    assert [e.id for e in errors] == ["portal.E010"]
    assert "CELERY_TASK_ROUTES['events.tasks.*'] names the queue 'reminders'" in errors[0].msg
    assert "default, mail, search" in errors[0].hint


def test_a_route_to_a_task_that_does_not_exist_fails_the_checks(settings):
    settings.CELERY_TASK_ROUTES = {"portal.tasks.deliver_mial": {"queue": "mail"}}
    errors = [e for e in run_checks(tags=["celery"]) if e.is_serious()]
    assert [e.id for e in errors] == ["portal.E011"]
    assert "'portal.tasks.deliver_mial', which matches no registered task" in errors[0].msg


def test_the_portals_celery_settings_pass_the_checks():
    assert [e for e in run_checks(tags=["celery"]) if e.is_serious()] == []


def test_a_worker_with_a_route_to_an_undeclared_queue_refuses_to_start(tmp_path):
    refused = start_refused(tmp_path, "worker", CELERY_BROKER_URL="redis://127.0.0.1:1/0",
                            PORTAL_TEST_EXTRA_ROUTES=ROUTE_TO_NOWHERE)
    assert "(portal.E010) CELERY_TASK_ROUTES['events.tasks.*'] names the queue 'reminders'" \
        in refused


@pytest.mark.redis  # the beat's banner reads its schedule from Redis before the checks run
def test_a_beat_with_a_route_to_an_undeclared_queue_refuses_to_start(tmp_path):
    refused = start_refused(tmp_path, "beat", PORTAL_TEST_EXTRA_ROUTES=ROUTE_TO_NOWHERE)
    assert "(portal.E010) CELERY_TASK_ROUTES['events.tasks.*'] names the queue 'reminders'" \
        in refused


def test_a_worker_for_an_undeclared_queue_refuses_to_start(tmp_path):
    refused = start_refused(tmp_path, "worker", "-Q", "reminders",
                            CELERY_BROKER_URL="redis://127.0.0.1:1/0")
    assert "queue 'reminders' isn't defined in the `task_queues` setting" in " ".join(
        refused.split())


ROUTE_TO_NOWHERE = '{"events.tasks.*": {"queue": "reminders"}}'


def start_refused(tmp_path, *args: str, **env: str) -> str:
    """The log of a process that must exit at start-up."""
    processes = CeleryProcesses(tmp_path, **env)
    try:
        process = processes.start(*args)
        assert process.wait(timeout=90) != 0
    finally:
        processes.stop()
    return process.log.read_text()
