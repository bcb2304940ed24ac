"""Requests to peers, with the limits a harvester needs against a broken or hostile peer: the
answer is read as it streams and refused past HARVEST_MAX_RESPONSE_BYTES or past
HARVEST_REQUEST_TIMEOUT seconds in all; redirects are followed only on the same host; every
request is signed and every answer's signature verified."""

import ipaddress
import json
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from . import keys, signing
from .models import RefusalReason

MAX_REDIRECTS = 3
# Small reads, each waiting at most until the deadline: a read of a large block would wait for
# the whole block, and a socket timeout alone restarts with each byte a slow peer drips.
CHUNK = 8 * 1024
ACCEPT = "application/ld+json, application/activity+json;q=0.9, application/json;q=0.8"


class Refused(Exception):
    """A peer's answer this node does not take, for one of RefusalReason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class Unreachable(Exception):
    """The peer did not answer at all (refused connection, name not found)."""


class PrivateAddress(Unreachable):
    """The peer's name resolves to an address this node does not call (see allow_private)."""


def allow_private() -> bool:
    return settings.FEDERATION_ALLOW_PRIVATE_PEERS or settings.DEBUG


def allowed_ip(address: str) -> bool:
    """The one rule for the addresses this node calls: global unicast only, so no loopback,
    private, link-local, reserved or multicast address (an IPv4 address mapped into IPv6 is
    judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_address(url: str) -> None:
    """Raises PrivateAddress when ``url``'s host resolves to a loopback, private, link-local or
    reserved address: a peer's document must not make this node call its own network. Early
    and with a clear message only: the connection itself is checked too (see new_session)."""
    if allow_private():
        return
    parts = urlsplit(url)
    try:
        found = socket.getaddrinfo(parts.hostname or "", parts.port or 443,
                                   proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise Unreachable(f"{url}: {type(error).__name__}") from error
    if not all(allowed_ip(address[0]) for *_rest, address in found):
        raise PrivateAddress(f"{parts.hostname} is on a private or reserved network")


class _ConnectedAddressCheck:
    """Checks the address a new connection actually reached: a name resolved once for
    check_address and again to connect may answer differently the second time (DNS
    rebinding). The socket is closed before anything is sent; TLS, wrapped afterwards, still
    verifies the host name."""

    host: str

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        if not allow_private():
            address = sock.getpeername()[0]
            if not allowed_ip(address):
                sock.close()
                raise PrivateAddress(f"{self.host} connected to {address}, on a private or "
                                     "reserved network")
        return sock


class _HTTPConnection(_ConnectedAddressCheck, HTTPConnection):
    pass


class _HTTPSConnection(_ConnectedAddressCheck, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _PeerAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def new_session() -> requests.Session:
    """A session for talking to peers: every connection it opens, redirects included, is to an
    address allowed_ip allows (unless FEDERATION_ALLOW_PRIVATE_PEERS), and no proxy or netrc
    of the environment is used."""
    session = requests.Session()
    session.trust_env = False
    adapter = _PeerAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


@dataclass
class Answer:
    status: int
    body: bytes
    response: requests.Response  # closed; its headers and request remain for verification

    @property
    def headers(self) -> requests.structures.CaseInsensitiveDict:
        return self.response.headers

    def json(self) -> dict:
        try:
            document = json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as error:
            raise Refused(RefusalReason.MALFORMED, f"not JSON: {error}") from error
        if not isinstance(document, dict) or "@context" not in document:
            raise Refused(RefusalReason.MALFORMED, "not a JSON-LD document (no @context)")
        return document


def on_node(node: str, url: object, reason: str) -> str:
    """``url`` when it is on the host of ``node``; Refused for ``reason`` otherwise."""
    if not isinstance(url, str) or urlsplit(url).netloc != urlsplit(node).netloc:
        raise Refused(reason, f"{url!r} is not on the host of {node}")
    return url


def _host(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


def _read(response: requests.Response, deadline: float) -> bytes:
    limit = settings.HARVEST_MAX_RESPONSE_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(RefusalReason.TOO_LARGE, f"{declared} bytes announced, {limit} allowed")
    raw = response.raw
    sock = getattr(raw.connection, "sock", None)
    chunks, size = [], 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Refused(RefusalReason.TIMEOUT,
                          f"still sending after {settings.HARVEST_REQUEST_TIMEOUT:g} s")
        if sock is not None:
            sock.settimeout(remaining)
        # Raw bytes as sent (Accept-Encoding: identity), since the Content-Digest covers them.
        chunk = raw.read1(CHUNK, decode_content=False)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise Refused(RefusalReason.TOO_LARGE, f"more than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def send(method: str, url: str, *, session: requests.Session | None = None,
         headers: dict | None = None, document: dict | None = None) -> Answer:
    """Sends a signed request (on a session from new_session) and reads the answer within the
    limits; raises Refused (timeout, too large, redirect to another host, error answer) or
    Unreachable. The answer's own signature is the caller's to verify, with the key it
    trusts."""
    session = session or new_session()
    deadline = time.monotonic() + settings.HARVEST_REQUEST_TIMEOUT
    origin = _host(url)
    body = json.dumps(document).encode() if document is not None else None
    headers = {"Accept": ACCEPT, "Accept-Encoding": "identity", **(headers or {})}
    if body is not None:
        headers["Content-Type"] = "application/ld+json"
    for _hop in range(MAX_REDIRECTS + 1):
        check_address(url)
        request = requests.Request(method, url, data=body, headers=headers).prepare()
        signing.sign_request(request, private_key=keys.node_private_key(),
                             key_id=keys.node_key_id())
        remaining = max(deadline - time.monotonic(), 0.001)
        try:
            response = session.send(request, stream=True, allow_redirects=False,
                                    timeout=(remaining, remaining))
        except requests.Timeout as error:
            raise Refused(RefusalReason.TIMEOUT, f"no answer from {url} in "
                          f"{settings.HARVEST_REQUEST_TIMEOUT:g} s") from error
        except requests.RequestException as error:
            raise Unreachable(f"{url}: {type(error).__name__}") from error
        with response:
            if response.is_redirect:
                target = urljoin(url, response.headers.get("Location", ""))
                if _host(target) != origin:
                    raise Refused(RefusalReason.REDIRECT, f"{url} redirects to {target}")
                url = target
                continue
            if response.status_code >= 400:
                raise Refused(RefusalReason.HTTP_ERROR, f"{url} answered {response.status_code}")
            try:
                content = _read(response, deadline)
            except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
                raise Refused(RefusalReason.TIMEOUT, f"{url}: {type(error).__name__}") from error
        return Answer(status=response.status_code, body=content, response=response)
    raise Refused(RefusalReason.REDIRECT, f"more than {MAX_REDIRECTS} redirects from {url}")


def verified(answer: Answer, *, key_id: str, public_key_pem: str) -> Answer:
    try:
        signing.verify_response(answer.response, answer.body, key_id=key_id,
                                public_key_pem=public_key_pem)
    except signing.SignatureRefused as error:
        raise Refused(RefusalReason.SIGNATURE, str(error)) from error
    return answer
