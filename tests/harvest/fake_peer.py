"""A tiny peer node served over real HTTP on a free local port: its node document, change feed
pages and inbox are crafted by each test and signed (or not, or wrongly) with its own key."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from harvest import keys, signing
from harvest.models import Peer, PeerStatus
from harvest.publishing import CONTEXT

MB = 1024 * 1024


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict = field(default_factory=dict)
    sign: str = "good"  # good | bad (another key) | none
    delay: float = 0.0  # seconds before the answer starts
    stream: int = 0  # bytes of filler sent in chunks, without Content-Length
    announce: bool = False  # with stream: announce the length in Content-Length
    handler: object = None  # callable(request) -> Route, for the inbox
    signed_at: object = None  # datetime of the signature, now when None
    drip: float = 0.0  # seconds between the bytes of a body sent one at a time (30 at most)


class FakePeer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.key = Ed25519PrivateKey.generate()
        self.other_key = Ed25519PrivateKey.generate()
        self.routes: dict[str, Route] = {}
        self.received: list[SimpleNamespace] = []
        self.sent_bytes = 0
        self.server = ThreadingHTTPServer((host, 0), self._handler_class())
        self.server.daemon_threads = True
        self.base = f"http://{host}:{self.server.server_port}"
        self.node_id = self.base + "/federation/"
        self.key_id = self.node_id + "#key"
        self.changes = self.node_id + "changes"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.serve_json("/federation/", self.node_document())

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- documents ---------------------------------------------------------------------
    def node_document(self) -> dict:
        return {"@context": CONTEXT, "id": self.node_id, "type": "scc:Node",
                "name": {"ko": "대구 노드", "en": "Daegu node"},
                "publicKey": {"id": self.key_id, "owner": self.node_id,
                              "publicKeyPem": keys.public_key_pem(self.key)},
                "changes": self.changes, "catalogue": self.node_id + "catalogue",
                "inbox": self.node_id + "inbox", "license": "https://creativecommons.org/licenses/by/4.0/"}

    def item(self, key: str, **overrides) -> dict:
        iri = f"{self.node_id}items/case-study/{key}"
        item = {
            "id": iri, "type": "scc:CaseStudy", "scc:node": self.node_id,
            "scc:audience": "public", "license": "https://creativecommons.org/licenses/by/4.0/",
            "name": {"ko": f"스마트 가로등 {key}", "en": f"Smart street lights {key}"},
            "description": {"ko": "가로등 전력 절감", "en": "Street light energy savings"},
            "url": {"ko": f"{self.base}/catalogue/{key}/",
                    "en": f"{self.base}/en/catalogue/{key}/"},
            "dateModified": "2026-11-30T09:00:00+00:00",
            "datePublished": "2026-11-01T09:00:00+00:00",
            "scc:theme": ["sustainability"],
            "scc:city": {"name": {"ko": "대구", "en": "Daegu"}, "addressCountry": "KR"},
            "scc:body": {"ko": "문제와 접근", "en": "Problem and approach"},
            "scc:evidenceLevel": "measured",
            "scc:outcome": [{"scc:indicator": "ES-2A", "name": {"ko": "전력", "en": "Power"},
                             "value": 42, "unit": "%", "scc:baseline": None,
                             "scc:measuredOn": "2026-10-01"}],
            "scc:usesDataset": [], "scc:sharesDataset": [],
        }
        item.update(overrides)
        return item

    def tombstone(self, key: str) -> dict:
        return {"id": f"{self.node_id}items/case-study/{key}", "type": "Tombstone",
                "formerType": "scc:CaseStudy", "deleted": "2026-12-01T00:00:00+00:00"}

    @staticmethod
    def activity(obj: dict) -> dict:
        kind = "Delete" if obj.get("type") == "Tombstone" else "Update"
        return {"id": obj["id"] + "#" + kind, "type": kind,
                "published": "2026-12-01T00:00:00+00:00", "object": obj}

    def page(self, objects: list[dict], *, after: str, next_after: str | None = None) -> dict:
        url = f"{self.changes}?after={after}"
        page = {"@context": CONTEXT, "id": url, "type": "OrderedCollectionPage",
                "partOf": self.changes, "orderedItems": [self.activity(o) for o in objects]}
        if next_after is not None:
            page["next"] = f"{self.changes}?after={next_after}"
        return page

    def serve_feed(self, pages: list[list[dict]]) -> None:
        """The collection and its pages after=0, 1, ... each with the given objects."""
        self.serve_json("/federation/changes", {
            "@context": CONTEXT, "id": self.changes, "type": "OrderedCollection",
            "first": f"{self.changes}?after=0"})
        for number, objects in enumerate(pages):
            following = str(number + 1) if number + 1 < len(pages) else None
            self.serve_json(f"/federation/changes?after={number}",
                            self.page(objects, after=str(number), next_after=following),
                            headers={"ETag": f'"page-{number}-{len(objects)}"'})

    def serve_json(self, path: str, document: dict, **options) -> None:
        self.routes[path] = Route(body=json.dumps(document).encode(), **options)

    def peer(self, **fields) -> Peer:
        return Peer.objects.create(**{
            "url": self.node_id, "node_id": self.node_id, "name_en": "Daegu node",
            "key_id": self.key_id, "public_key": keys.public_key_pem(self.key),
            "changes_url": self.changes, "inbox_url": self.node_id + "inbox",
            "status": PeerStatus.CONFIRMED, **fields})

    # --- serving ------------------------------------------------------------------------
    def _answer(self, handler: BaseHTTPRequestHandler, route: Route) -> None:
        time.sleep(route.delay)
        if route.drip:
            handler.send_response(route.status)
            handler.send_header("Content-Length", "1000")
            handler.end_headers()
            try:
                for _byte in range(30):
                    handler.wfile.write(b" ")
                    handler.wfile.flush()
                    time.sleep(route.drip)
            except OSError:
                pass
            return
        if route.stream:
            handler.send_response(route.status)
            handler.send_header("Content-Type", "application/ld+json")
            if route.announce:
                handler.send_header("Content-Length", str(route.stream))
            handler.end_headers()
            chunk = b" " * (64 * 1024)
            try:
                while self.sent_bytes < route.stream:
                    handler.wfile.write(chunk)
                    self.sent_bytes += len(chunk)
            except OSError:  # the harvester hung up, as it should
                pass
            return
        message = SimpleNamespace(status_code=route.status,
                                  headers={"Content-Type": "application/ld+json", **route.headers})
        if route.sign != "none":
            key = self.key if route.sign == "good" else self.other_key
            signing.sign_response(message, method=handler.command, url=self.base + handler.path,
                                  body=route.body, private_key=key, key_id=self.key_id,
                                  created=route.signed_at)
        handler.send_response(route.status)
        for name, value in message.headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(route.body)))
        handler.end_headers()
        handler.wfile.write(route.body)

    def _handler_class(self) -> type:
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = SimpleNamespace(method=self.command, url=peer.base + self.path,
                                          headers=dict(self.headers.items()),
                                          body=self.rfile.read(length))
                peer.received.append(request)
                route = peer.routes.get(self.path)
                if route is None:
                    route = Route(body=b'{"error": "not found"}', status=404)
                if route.handler is not None:
                    route = route.handler(request)
                if route.status == 304:
                    route.body = b""
                if "If-None-Match" in self.headers and self.headers["If-None-Match"] == \
                        route.headers.get("ETag"):
                    route = Route(status=304, headers=route.headers)
                peer._answer(self, route)

            do_GET = do_POST = _serve

            def log_message(self, *args) -> None:
                pass

        return Handler
