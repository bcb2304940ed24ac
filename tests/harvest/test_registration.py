"""Two nodes confirm each other: this node (the live test server) and a second party (a tiny
peer over real HTTP) register each other by signed requests to their inboxes."""

import json
import os
import uuid

import pytest
import requests
from django.core.management import call_command

from harvest import keys, services, signing, transport
from harvest.models import NodeKey, Peer, PeerStatus, RefusalReason

from .fake_peer import CONTEXT, Route

pytestmark = [pytest.mark.postgres]


@pytest.fixture
def node(live_server, settings, transactional_db):
    settings.SITE_URL = live_server.url
    return live_server.url + "/federation/"


def our_document(node: str) -> dict:
    return requests.get(node, timeout=10).json()


def signed_follow(fake_peer, node: str, *, key=None) -> requests.PreparedRequest:
    """The second party's signed request saying it registered this node."""
    body = json.dumps({"type": "Follow", "actor": fake_peer.node_id, "object": node})
    request = requests.Request("POST", node + "inbox", data=body.encode(),
                               headers={"Content-Type": "application/ld+json"}).prepare()
    signing.sign_request(request, private_key=key or fake_peer.key, key_id=fake_peer.key_id)
    return request


def follow(fake_peer, node: str, *, key=None) -> requests.Response:
    return requests.Session().send(signed_follow(fake_peer, node, key=key), timeout=10)


@pytest.fixture
def redis_cache(settings):
    """The node's cache in Redis, as in production, under a prefix of this test's own (for
    tests marked ``redis``)."""
    url = os.environ.get("REDIS_URL") or os.environ["CELERY_BROKER_URL"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": url, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}


def accept_follows(fake_peer, node: str, status: str) -> list:
    """The second party's inbox: verifies each request against this node's published key."""
    verified = []

    def inbox(request):
        document = our_document(node)
        signing.verify_request(request, request.body, key_id=document["publicKey"]["id"],
                               public_key_pem=document["publicKey"]["publicKeyPem"])
        verified.append(json.loads(request.body))
        return Route(body=json.dumps({"@context": CONTEXT, "status": status}).encode(),
                     status=202)

    fake_peer.routes["/federation/inbox"] = Route(handler=inbox)
    return verified


def test_the_node_document_is_signed_and_names_the_key(node):
    response = requests.get(node, timeout=10)
    document = response.json()
    assert document["id"] == node and document["type"] == "scc:Node"
    assert document["inbox"] == node + "inbox" and document["changes"] == node + "changes"
    assert document["publicKey"]["owner"] == node
    signing.verify_response(response, response.content, key_id=node + "#key",
                            public_key_pem=document["publicKey"]["publicKeyPem"])
    assert "content-digest" in response.headers["Signature-Input"]


def test_the_key_is_generated_once_and_kept(node):
    keys.node_private_key.cache_clear()
    first = our_document(node)["publicKey"]["publicKeyPem"]
    keys.node_private_key.cache_clear()  # as a new process would
    assert our_document(node)["publicKey"]["publicKeyPem"] == first
    assert NodeKey.objects.count() == 1


def test_a_configured_key_is_used(node, settings):
    pem = keys.generate_private_key_pem()
    settings.FEDERATION_PRIVATE_KEY = pem
    keys.node_private_key.cache_clear()
    try:
        from cryptography.hazmat.primitives.serialization import load_pem_private_key
        expected = keys.public_key_pem(load_pem_private_key(pem.encode(), None))
        assert our_document(node)["publicKey"]["publicKeyPem"] == expected
    finally:
        keys.node_private_key.cache_clear()


def test_registering_then_being_registered_confirms_the_peer(node, fake_peer):
    verified = accept_follows(fake_peer, node, status="pending")
    peer = services.register_peer(fake_peer.node_id)
    assert peer.status == PeerStatus.PENDING and peer.name_ko == "대구 노드"
    assert peer.public_key == fake_peer.node_document()["publicKey"]["publicKeyPem"]
    assert verified == [{"@context": verified[0]["@context"], "type": "Follow",
                         "actor": node, "object": fake_peer.node_id}]
    response = follow(fake_peer, node)
    assert response.status_code == 202 and response.json()["status"] == "confirmed"
    peer.refresh_from_db()
    assert peer.status == PeerStatus.CONFIRMED and peer.peer_registered_at
    assert list(Peer.objects.due()) == [peer]


def test_being_registered_first_waits_for_staff_here(node, fake_peer):
    assert follow(fake_peer, node).json()["status"] == "requested"
    peer = Peer.objects.get()
    assert peer.status == PeerStatus.REQUESTED and not peer.registered_here
    assert not Peer.objects.due().exists()
    accept_follows(fake_peer, node, status="confirmed")
    call_command("federation", "register", fake_peer.base)
    peer.refresh_from_db()
    assert peer.status == PeerStatus.CONFIRMED and peer.registered_here


def test_a_follow_signed_by_another_key_changes_nothing(node, fake_peer):
    response = follow(fake_peer, node, key=fake_peer.other_key)
    assert response.status_code == 403
    assert not Peer.objects.exists()


def test_a_node_document_not_signed_by_its_key_is_not_registered(node, fake_peer):
    fake_peer.serve_json("/federation/", fake_peer.node_document(), sign="bad")
    with pytest.raises(services.RegistrationError):
        services.register_peer(fake_peer.node_id)
    assert not Peer.objects.exists()


def follow_as(actor: str, node: str, key) -> requests.Response:
    body = json.dumps({"type": "Follow", "actor": actor, "object": node})
    request = requests.Request("POST", node + "inbox", data=body.encode(),
                               headers={"Content-Type": "application/ld+json"}).prepare()
    signing.sign_request(request, private_key=key, key_id=actor + "#key")
    return requests.Session().send(request, timeout=10)


def test_private_addresses_are_refused_unless_allowed(node, fake_peer, settings):
    settings.FEDERATION_ALLOW_PRIVATE_PEERS = False
    settings.DEBUG = False
    private = f"https://localhost:{fake_peer.server.server_port}/federation/"
    with pytest.raises(services.RegistrationError) as refused:
        services.register_peer(private)
    assert isinstance(refused.value.__cause__, transport.PrivateAddress)
    with pytest.raises(services.RegistrationError, match="https"):
        services.register_peer("http://portal.example.org/")
    response = follow_as(private, node, fake_peer.key)
    assert response.status_code == 403 and response.json() == {"error": "refused"}
    assert not fake_peer.received and not Peer.objects.exists()


def test_the_inbox_echoes_no_detail_of_what_it_fetched(node, fake_peer):
    fake_peer.serve_json("/federation/", {"not": "a node"})
    response = follow(fake_peer, node)
    assert response.status_code == 403 and response.json() == {"error": "refused"}


def test_requests_waiting_for_staff_are_capped(node, fake_peer, settings):
    settings.FEDERATION_MAX_REQUESTED_PEERS = 1
    Peer.objects.create(url="https://other.example.org/federation/", status=PeerStatus.REQUESTED)
    response = follow(fake_peer, node)
    assert response.status_code == 429
    assert Peer.objects.count() == 1 and not fake_peer.received


def test_a_follow_never_changes_a_confirmed_peers_key(node, fake_peer):
    kept = keys.public_key_pem(fake_peer.other_key)
    peer = fake_peer.peer(public_key=kept, changes_url=fake_peer.node_id + "old-changes",
                          registered_here=True)
    response = follow(fake_peer, node)
    assert response.status_code == 403
    peer.refresh_from_db()
    assert peer.public_key == kept and peer.changes_url == fake_peer.node_id + "old-changes"
    refusal = peer.refusals.get()
    assert refusal.reason == RefusalReason.SIGNATURE and refusal.detail == services.KEY_CHANGED


def test_a_key_not_named_under_the_node_is_refused(node, fake_peer):
    document = fake_peer.node_document()
    document["publicKey"]["id"] = "https://elsewhere.example.org/#key"
    fake_peer.serve_json("/federation/", document)
    with pytest.raises(services.RegistrationError):
        services.register_peer(fake_peer.node_id)
    assert not Peer.objects.exists()


@pytest.mark.redis  # the project's service marker: skipped without Redis, required in CI
def test_a_replayed_follow_is_refused_and_changes_nothing(node, fake_peer, redis_cache):
    captured = signed_follow(fake_peer, node)
    assert requests.Session().send(captured, timeout=10).json()["status"] == "requested"
    before = list(Peer.objects.values())
    replay = requests.Session().send(captured, timeout=10)
    assert replay.status_code == 403 and replay.json() == {"error": "refused"}
    assert list(Peer.objects.values()) == before
    refusal = Peer.objects.get().refusals.get()
    assert refusal.reason == RefusalReason.SIGNATURE and refusal.detail == services.REPLAYED
    # Staff turned the request down; its replay does not bring the peer back.
    Peer.objects.all().delete()
    assert requests.Session().send(captured, timeout=10).status_code == 403
    assert not Peer.objects.exists()
    # A request signed afresh is taken.
    assert follow(fake_peer, node).status_code == 202


def test_a_follow_signed_without_a_nonce_is_refused(node, fake_peer):
    body = json.dumps({"type": "Follow", "actor": fake_peer.node_id, "object": node}).encode()
    request = requests.Request("POST", node + "inbox", data=body,
                               headers={"Content-Type": "application/ld+json"}).prepare()
    signing._sign(request, fake_peer.key, fake_peer.key_id, body, signing.REQUEST_COMPONENTS,
                  created=None)
    assert "nonce" not in request.headers["Signature-Input"]
    assert requests.Session().send(request, timeout=10).status_code == 403
    assert not Peer.objects.exists()
