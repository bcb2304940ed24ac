"""Operating the harvest: the scheduler's tasks with their lock per peer, ``manage.py
federation`` and the figures in /healthz."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from harvest import locking, tasks
from harvest.models import HarvestedItem, Peer, PeerStatus, Refusal, RefusalReason
from harvest.services import harvest

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def feed(fake_peer):
    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")]])
    return fake_peer


def test_the_periodic_task_harvests_each_due_confirmed_peer_once(feed):
    peer = feed.peer()
    assert tasks.harvest_due_peers() == 1
    assert HarvestedItem.objects.count() == 2
    peer.refresh_from_db()
    assert peer.next_harvest_at > timezone.now() and peer.locked_until is None
    assert tasks.harvest_due_peers() == 0  # not due again before HARVEST_INTERVAL


def test_the_scheduler_is_declared_on_the_default_queue(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["federation-harvest"]
    assert entry["task"] == "harvest.tasks.harvest_due_peers"
    assert not any(route.startswith("harvest") for route in settings.CELERY_TASK_ROUTES)


def test_a_peer_taken_by_another_worker_is_left_alone(feed):
    peer = feed.peer()
    assert locking.take(peer, seconds=60)
    assert tasks.harvest_peer(peer.pk) == "taken by another worker"
    assert not HarvestedItem.objects.exists() and feed.received == []
    locking.release(peer)
    with translation.override("en"):
        assert "2 stored" in tasks.harvest_peer(peer.pk)


def test_an_unconfirmed_peer_is_not_harvested(feed):
    peer = feed.peer(status=PeerStatus.PENDING)
    assert tasks.harvest_due_peers() == 0
    assert tasks.harvest_peer(peer.pk) == "not due"


def test_status_lists_peers_with_items_last_seen_and_errors(feed):
    peer = feed.peer()
    call_command("federation", "harvest", "--peer", feed.node_id, stdout=StringIO())
    Refusal.objects.create(peer=peer, reason=RefusalReason.SHAPES, detail="name is required")
    out = StringIO()
    call_command("federation", "--language", "en", "status", stdout=out)
    text = out.getvalue()
    assert f"Daegu node <{feed.node_id}>" in text
    assert "status: confirmed" in text and "case-study 2" in text
    assert "refusals in the last day: 1" in text and "last error: -" in text
    peer.refresh_from_db()
    assert f"last seen: {timezone.localtime(peer.last_success_at):%Y-%m-%d %H:%M}" in text


def test_status_and_harvest_speak_the_sites_language_korean_by_default(feed, settings):
    settings.LANGUAGE_CODE = "ko"
    feed.peer(name_ko="대구 노드")
    out = StringIO()
    call_command("federation", "harvest", stdout=out)
    assert out.getvalue() == (f"{feed.node_id}: 페이지 1개, 2건 저장(신규 2건), 0건 삭제, "
                              "0건 거부\n")
    out = StringIO()
    call_command("federation", "status", stdout=out)
    text = out.getvalue()
    assert "상태: 양측 노드 확인 완료; 최근 수집: " in text
    assert "수집 항목: case-study 2; 최근 하루 거부 건수: 0" in text
    assert "연속 실패 횟수: 0; 최근 오류: -" in text
    out = StringIO()
    call_command("federation", "--language", "en", "status", stdout=out)
    assert "status: confirmed by both nodes; last harvest: " in out.getvalue()


def test_the_command_refuses_in_the_operators_language(feed):
    with pytest.raises(CommandError, match="주소에 확인된 연합 노드가 없습니다"):
        call_command("federation", "--language", "ko", "harvest", "--peer",
                     "https://nowhere.example.org/", stdout=StringIO())


def test_harvest_command_fails_when_a_peer_fails(feed):
    feed.peer()
    feed.close()
    with pytest.raises(CommandError):
        call_command("federation", "harvest", stdout=StringIO())
    out = StringIO()
    call_command("federation", "--language", "en", "status", stdout=out)
    assert "failures in a row: 1; last error:" in out.getvalue()
    assert "ConnectionError" in out.getvalue()


def test_healthz_reports_harvest_figures_and_stays_healthy_when_peers_fail(feed, client):
    harvest(feed.peer())
    feed.close()
    harvest(Peer.objects.get())
    response = client.get("/healthz")
    federation = response.json()["checks"]["federation"]
    assert federation["ok"] is True
    assert federation["peers"] == federation["confirmed"] == federation["failing"] == 1
    assert federation["items"] == 2 and federation["last_harvest"]
    assert response.status_code in (200, 503)  # the other checks are not this test's



def test_the_harvest_command_leaves_a_peer_the_task_is_harvesting(feed):
    peer = feed.peer()
    assert locking.take(peer, seconds=60)
    out = StringIO()
    call_command("federation", "--language", "en", "harvest", stdout=out)
    assert "being harvested by another worker" in out.getvalue()
    assert not HarvestedItem.objects.exists() and feed.received == []
    peer.refresh_from_db()
    assert peer.cursor == "" and peer.locked_until is not None
