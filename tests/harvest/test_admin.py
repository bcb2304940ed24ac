"""Staff register a peer node by its address in the Wagtail admin."""

import pytest

from harvest.models import HarvestedItem, Peer, PeerStatus
from members.models import User
from members.services import ensure_staff_group
from tests.factories import UserFactory

from .fake_peer import CONTEXT

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
PEERS = "/admin/snippets/harvest/peer/"


@pytest.fixture
def staff(as_user):
    user = UserFactory(email="staff@consortium.example")
    user.groups.add(ensure_staff_group())
    return as_user(User.objects.get(pk=user.pk))


def test_staff_register_a_peer_by_its_address(staff, client, fake_peer):
    fake_peer.serve_json("/federation/inbox", {"@context": CONTEXT, "status": "pending"},
                         status=202)
    response = client.post(PEERS + "add/", {"url": fake_peer.base})
    assert response.status_code == 302
    peer = Peer.objects.get()
    assert peer.url == fake_peer.node_id and peer.name_en == "Daegu node"
    assert peer.status == PeerStatus.PENDING  # until the peer registers this node too
    assert fake_peer.received[-1].url == fake_peer.node_id + "inbox"
    listing = client.get(PEERS)
    assert "Daegu node" in listing.content.decode()


def test_a_peer_whose_inbox_refuses_is_not_kept(staff, client, fake_peer):
    response = client.post(PEERS + "add/", {"url": fake_peer.base})  # no inbox: 404
    assert "inbox answered 404" in str(response.context["form"].errors["url"])
    assert not Peer.objects.exists()


def test_an_address_that_is_no_node_is_refused_at_the_field(staff, client, fake_peer):
    fake_peer.routes.pop("/federation/")
    response = client.post(PEERS + "add/", {"url": fake_peer.base})
    assert response.status_code == 200
    assert "404" in str(response.context["form"].errors["url"])
    assert not Peer.objects.exists()


def test_the_listing_query_count_does_not_grow_with_peers(staff, client, fake_peer,
                                                          django_assert_max_num_queries):
    def add(n):
        for i in range(n):
            peer = Peer.objects.create(
                url=f"https://node{Peer.objects.count()}-{i}.example/federation/")
            HarvestedItem.objects.create(peer=peer, iri=peer.url + "items/x", kind="case-study",
                                         data={}, last_seen=peer.registered_at)
    add(2)
    client.get(PEERS)
    with django_assert_max_num_queries(60) as few:
        client.get(PEERS)
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(PEERS).status_code == 200
