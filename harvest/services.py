"""Operations of harvesting: this node's document, registering a peer and being registered by
one (each side confirms the other through a signed request to its inbox), and harvesting."""

import hashlib
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from . import keys, publishing, signing, transport
from .harvester import HarvestReport, PeerBusy, PeerNotConfirmed, harvest
from .models import Peer, PeerStatus, Refusal, RefusalReason

logger = logging.getLogger(__name__)

__all__ = ["HarvestReport", "PeerBusy", "PeerNotConfirmed", "RegistrationError", "harvest",
           "node_document", "receive_registration", "register_peer"]


class RegistrationError(Exception):
    """A peer that cannot be registered; the message is for staff."""


class TooManyRequests(RegistrationError):
    """More unanswered requests to follow this node than FEDERATION_MAX_REQUESTED_PEERS."""


KEY_CHANGED = "key changed; staff must register the peer again"
REPLAYED = "a request signed with a nonce seen already (a replay)"


@dataclass
class RemoteNode:
    id: str
    name_ko: str
    name_en: str
    key_id: str
    public_key_pem: str
    changes: str
    inbox: str


def node_document() -> dict:
    node = keys.node_id()
    return {
        "@context": publishing.CONTEXT,
        "id": node,
        "type": "scc:Node",
        "name": {"ko": settings.FEDERATION_NODE_NAME_KO, "en": settings.FEDERATION_NODE_NAME_EN},
        "publicKey": {"id": keys.node_key_id(), "owner": node,
                      "publicKeyPem": keys.public_key_pem()},
        "changes": node + "changes",
        "catalogue": node + "catalogue",
        "inbox": node + "inbox",
        "license": publishing.licence(),
    }


def normalise(url: str) -> str:
    """A node's address as its document names it: ``https://x.org`` means
    ``https://x.org/federation/``."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RegistrationError(_("Enter the address of a node, such as "
                                  "https://portal.example.org/federation/."))
    if parts.scheme != "https" and not transport.allow_private():
        raise RegistrationError(_("A node's address must start with https://."))
    if parts.path in ("", "/"):
        return f"{parts.scheme}://{parts.netloc}/federation/"
    return url if url.endswith("/") else url + "/"


def fetch_node(url: str) -> RemoteNode:
    """The node document at ``url``, signed by the key it publishes."""
    answer = transport.send("GET", url)
    document = answer.json()
    key = document.get("publicKey")
    if (document.get("id") != url or not isinstance(key, dict) or key.get("owner") != url
            or not str(key.get("id")).startswith(url)):
        raise transport.Refused(RefusalReason.MALFORMED,
                                f"{url} is not a node document of that address")
    transport.verified(answer, key_id=str(key.get("id")),
                       public_key_pem=str(key.get("publicKeyPem")))
    name = document.get("name") if isinstance(document.get("name"), dict) else {}
    return RemoteNode(
        id=url, name_ko=str(name.get("ko", ""))[:200], name_en=str(name.get("en", ""))[:200],
        key_id=key["id"], public_key_pem=key["publicKeyPem"],
        changes=transport.on_node(url, document.get("changes"), RefusalReason.MALFORMED),
        inbox=transport.on_node(url, document.get("inbox"), RefusalReason.MALFORMED))


def _remember(node: RemoteNode, **defaults: Any) -> Peer:
    peer, _created = Peer.objects.update_or_create(url=node.id, defaults={
        "node_id": node.id, "name_ko": node.name_ko, "name_en": node.name_en,
        "key_id": node.key_id, "public_key": node.public_key_pem,
        "changes_url": node.changes, "inbox_url": node.inbox, **defaults})
    return peer


def _status(peer: Peer) -> str:
    if peer.registered_here and peer.peer_registered_at:
        return PeerStatus.CONFIRMED
    return PeerStatus.PENDING if peer.registered_here else PeerStatus.REQUESTED


def register_peer(url: str, by: Any = None) -> Peer:
    """Registers the node at ``url`` and asks it, by a signed request to its inbox, to confirm;
    the peer is confirmed once that node has registered this one too."""
    try:
        node = fetch_node(normalise(url))
        if node.id == keys.node_id():
            raise RegistrationError(_("This is the address of this node."))
        answer = transport.send("POST", node.inbox, document={
            "@context": publishing.CONTEXT, "type": "Follow",
            "actor": keys.node_id(), "object": node.id})
        reply = transport.verified(answer, key_id=node.key_id,
                                   public_key_pem=node.public_key_pem).json()
    except transport.Refused as refused:
        raise RegistrationError(_("The node refused or sent something unusable: %(detail)s")
                                % {"detail": refused.detail}) from refused
    except transport.PrivateAddress as error:
        raise RegistrationError(_("This address is on a private or reserved network; a peer "
                                  "must be reachable on the internet.")) from error
    except transport.Unreachable as error:
        raise RegistrationError(_("The node does not answer: %(detail)s")
                                % {"detail": error}) from error
    # Kept only once the peer has taken the request: a refused registration leaves nothing.
    peer = _remember(node, registered_here=True, registered_by=by)
    if reply.get("status") == PeerStatus.CONFIRMED and not peer.peer_registered_at:
        peer.peer_registered_at = timezone.now()
    peer.status = _status(peer)
    peer.save(update_fields=["peer_registered_at", "status"])
    return peer


def _check_room(url: str) -> Peer | None:
    """The peer known at ``url``; TooManyRequests when it is new and too many wait already."""
    peer = Peer.objects.filter(url=url).first()
    if peer is None and (Peer.objects.filter(status=PeerStatus.REQUESTED).count()
                         >= settings.FEDERATION_MAX_REQUESTED_PEERS):
        raise TooManyRequests("too many requests waiting for staff")
    return peer


def _key_kept(peer: Peer, node: RemoteNode) -> None:
    """A confirmed peer's key is changed by staff registering it again, never by its inbox:
    the node document that says so is signed only by the new key itself."""
    if (node.key_id, node.public_key_pem) != (peer.key_id, peer.public_key):
        Refusal.objects.create(peer=peer, reason=RefusalReason.SIGNATURE, detail=KEY_CHANGED)
        raise RegistrationError(KEY_CHANGED)


def _first_arrival(peer: Peer | None, key_id: str, nonces: set[str]) -> None:
    """Refuses a request whose signature this node took already: each nonce is remembered in
    the cache for as long as its signature could verify (the cache is shared by the node's
    processes; ``add`` sets a key only when it is absent)."""
    seconds = int(signing.NONCE_LIFETIME.total_seconds()) + 1
    keys_seen = ["harvest:nonce:" + hashlib.sha256(f"{key_id} {nonce}".encode()).hexdigest()
                 for nonce in sorted(nonces)]
    fresh = [cache.add(key, 1, timeout=seconds) for key in keys_seen]
    if not all(fresh):
        if peer is not None:
            Refusal.objects.create(peer=peer, reason=RefusalReason.SIGNATURE, detail=REPLAYED)
        raise RegistrationError(REPLAYED)


def receive_registration(document: dict, message: Any, body: bytes) -> Peer:
    """A peer's signed request saying it registered this node: ``message`` (method, url,
    headers) must be signed by the key of the node document the request names as its actor."""
    actor = document.get("actor")
    if document.get("type") != "Follow" or document.get("object") != keys.node_id():
        raise RegistrationError("not a Follow of this node")
    url = normalise(str(actor))
    peer = _check_room(url)
    try:
        node = fetch_node(url)
        if peer is not None and peer.status == PeerStatus.CONFIRMED:
            _key_kept(peer, node)
        nonces = signing.verify_request(message, body, key_id=node.key_id,
                                        public_key_pem=node.public_key_pem)
    except (transport.Refused, transport.Unreachable, signing.SignatureRefused) as error:
        raise RegistrationError(str(error)) from error
    _first_arrival(peer, node.key_id, nonces)
    if peer is None or peer.status != PeerStatus.CONFIRMED:
        peer = _remember(node, registered_here=bool(peer and peer.registered_here))
    peer.peer_registered_at = timezone.now()
    peer.status = _status(peer)
    peer.save(update_fields=["peer_registered_at", "status"])
    return peer
