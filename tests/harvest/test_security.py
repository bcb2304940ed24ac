"""What a hostile peer might try against the harvester, and what stops it."""

import socket
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from harvest.models import HarvestedItem, RefusalReason
from harvest.services import harvest

from .conftest import snapshot
from .test_harvest import assert_refused, refuse_next_page

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def listener():
    """A port on this machine that counts the connections made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    connections: list = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _address = server.accept()
            except OSError:
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/ctx", connections
    stop.set()
    thread.join()
    server.close()


def test_a_page_with_a_remote_context_is_refused_unfetched(fake_peer, harvested, listener):
    context, connections = listener
    before = snapshot()
    page = fake_peer.page([fake_peer.item("c")], after=harvested.cursor)
    page["@context"] = context
    fake_peer.serve_json(f"/federation/changes?after={harvested.cursor}", page)
    report = harvest(harvested)
    assert report.error
    assert_refused(harvested, before, RefusalReason.MALFORMED)
    assert connections == []


@pytest.mark.parametrize("where", ["item", "nested"])
def test_an_item_with_a_context_of_its_own_is_refused_unfetched(fake_peer, harvested, listener,
                                                                  where):
    context, connections = listener
    hostile = fake_peer.item("c")
    if where == "item":
        hostile["@context"] = context
    else:
        hostile["scc:city"] = {"@context": context, "name": {"en": "Daegu"}}
    page = fake_peer.page([hostile, fake_peer.item("d")], after=harvested.cursor)
    fake_peer.serve_json(f"/federation/changes?after={harvested.cursor}", page)
    report = harvest(harvested)
    assert report.refused == 1 and report.stored == 1
    assert not HarvestedItem.objects.filter(iri=hostile["id"]).exists()
    assert harvested.refusals.latest("at").reason == RefusalReason.MALFORMED
    assert HarvestedItem.objects.filter(iri=fake_peer.node_id + "items/case-study/d").exists()
    assert connections == []


def test_a_peer_dripping_its_answer_is_refused_at_the_time_limit(fake_peer, harvested, settings):
    settings.HARVEST_REQUEST_TIMEOUT = 1.0
    before = snapshot()
    refuse_next_page(fake_peer, harvested, drip=0.3)
    started = time.monotonic()
    harvest(harvested)
    assert time.monotonic() - started < 2.0
    assert_refused(harvested, before, RefusalReason.TIMEOUT)


def test_an_answer_signed_ten_minutes_ago_is_refused(fake_peer, harvested):
    before = snapshot()
    page = fake_peer.page([fake_peer.item("c")], after=harvested.cursor)
    fake_peer.serve_json(f"/federation/changes?after={harvested.cursor}", page,
                         signed_at=datetime.now(UTC) - timedelta(minutes=10))
    harvest(harvested)
    assert_refused(harvested, before, RefusalReason.SIGNATURE)
