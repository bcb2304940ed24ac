import pytest

from harvest.models import HarvestedItem
from harvest.services import harvest

from .fake_peer import FakePeer


@pytest.fixture
def fake_peer():
    peer = FakePeer()
    yield peer
    peer.close()


@pytest.fixture
def other_host_peer():
    """A second server on another host name of this machine (127.0.0.2 is loopback too)."""
    peer = FakePeer(host="127.0.0.2")
    yield peer
    peer.close()


def snapshot() -> list[tuple]:
    """Everything harvested, to assert a refusal changed nothing (an item seen again in the
    feed, unchanged, only has its last_seen moved)."""
    return list(HarvestedItem.objects.order_by("iri").values_list(
        "iri", "peer", "kind", "data", "title_ko", "title_en", "modified_at"))


@pytest.fixture
def harvested(fake_peer):
    """A confirmed peer already harvested once: two case studies stored here."""
    fake_peer.serve_feed([[fake_peer.item("a"), fake_peer.item("b")]])
    peer = fake_peer.peer()
    report = harvest(peer)
    assert report.error == "" and report.stored == 2
    return peer
