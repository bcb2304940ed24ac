"""What a hostile peer might try against the harvester, and what stops it."""

import socket
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from harvest import transport
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


PUBLIC = "93.184.215.14"


@pytest.fixture
def rebinding_dns(monkeypatch):
    """A name whose first answer is a public address and every later one 127.0.0.1, as a
    rebinding DNS server answers; the answers given are listed."""
    real = socket.getaddrinfo
    answers: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        answers.append(PUBLIC if not answers else "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "",
                 (answers[-1], int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


@pytest.fixture
def private_refused(settings):
    settings.FEDERATION_ALLOW_PRIVATE_PEERS = False
    settings.DEBUG = False


def test_a_name_rebound_to_loopback_is_refused_at_connection(fake_peer, private_refused,
                                                             rebinding_dns):
    fake_peer.serve_feed([[fake_peer.item("a")]])
    node = f"http://rebind.test:{fake_peer.server.server_port}/federation/"
    peer = fake_peer.peer(url=node, node_id=node, changes_url=node + "changes")
    report = harvest(peer)
    assert rebinding_dns == [PUBLIC, "127.0.0.1"]  # the name passed the check, then moved
    assert "connected to 127.0.0.1" in report.error
    peer.refresh_from_db()
    assert peer.failures == 1
    assert peer.last_error == "rebind.test connected to 127.0.0.1, on a private or reserved network"
    assert not HarvestedItem.objects.exists()
    assert fake_peer.received == []  # closed before a byte of the request was sent


def test_a_request_sent_directly_is_refused_at_connection(fake_peer, private_refused,
                                                          monkeypatch):
    monkeypatch.setattr(transport, "check_address", lambda url: None)
    with pytest.raises(transport.PrivateAddress, match=r"connected to 127\.0\.0\.1"):
        transport.send("GET", fake_peer.node_id)
    assert fake_peer.received == []


@pytest.mark.parametrize(("address", "allowed"), [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("100.64.0.1", False),
    ("169.254.169.254", False), ("0.0.0.0", False), ("224.0.0.1", False), ("::1", False),
    ("fe80::1%eth0", False), ("fd00::1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False), (PUBLIC, True), ("2606:4700:4700::1111", True),
    ("::ffff:" + PUBLIC, True),
])
def test_one_rule_says_which_addresses_a_node_calls(address, allowed):
    assert transport.allowed_ip(address) is allowed
