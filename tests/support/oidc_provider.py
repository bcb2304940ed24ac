"""A small OpenID Connect provider for tests, served by a real HTTP server on 127.0.0.1.

It speaks the authorization code flow of OpenID Connect Core 1.0 with discovery: it signs ID
tokens with an RSA key made at start (RS256, published as a JWK), accepts client_secret_basic
and client_secret_post, honours ``nonce`` and PKCE (S256), and approves every authorization
request for the one user it was given, as a provider with a live session and consent would.

    with OIDCProvider(user={"sub": "u-1", "email": "a@city.example", "name": "A"}) as idp:
        idp.issuer  # http://127.0.0.1:<free port>
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

Params = dict[str, str]
CLAIMS = ["iss", "sub", "aud", "exp", "iat", "nonce", "email", "name"]


@dataclass(frozen=True)
class Grant:
    """What an authorization code stands for until it is exchanged, once."""

    client_id: str
    redirect_uri: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str


class OIDCProvider:
    def __init__(
        self,
        user: dict[str, str],
        *,
        client_id: str = "portal",
        client_secret: str = "s3cret",
        token_lifetime: int = 300,
    ) -> None:
        self.user = {"email_verified": True, **user}
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status), in order
        self._codes: dict[str, Grant] = {}
        self._tokens: dict[str, float] = {}  # access token -> expiry
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------
    @property
    def issuer(self) -> str:
        if self._server is None:
            raise RuntimeError("the provider is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> OIDCProvider:
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="oidc-provider", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> OIDCProvider:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- endpoints -----------------------------------------------------------------------------
    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email"],
            "grant_types_supported": ["authorization_code"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256", "plain"],
            "claims_supported": [*CLAIMS, "email_verified"],
        }

    def jwks(self) -> dict[str, Any]:
        jwk = cast(dict[str, Any], RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True))
        return {"keys": [{**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query: Params) -> tuple[int, dict[str, Any] | str]:
        """(302, redirect URL) or, when there is no trustworthy place to send the user back
        to, (400, error) shown to the user instead (Core 1.0 section 3.1.2.6)."""
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != self.client_id or not redirect_uri.startswith("http"):
            return 400, {"error": "invalid_request"}
        answer: Params = {}
        if query.get("response_type") != "code":
            answer["error"] = "unsupported_response_type"
        elif "openid" not in query.get("scope", "").split():
            answer["error"] = "invalid_scope"
        else:
            code = secrets.token_urlsafe(24)
            with self._lock:
                self._codes[code] = Grant(
                    client_id=self.client_id,
                    redirect_uri=redirect_uri,
                    nonce=query.get("nonce"),
                    code_challenge=query.get("code_challenge"),
                    code_challenge_method=query.get("code_challenge_method", "plain"),
                )
            answer["code"] = code
        if "state" in query:
            answer["state"] = query["state"]
        separator = "&" if urlsplit(redirect_uri).query else "?"
        return 302, f"{redirect_uri}{separator}{urlencode(answer)}"

    def token(self, form: Params, authorization: str) -> tuple[int, dict[str, Any]]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            client_id, _, client_secret = (unquote(part) for part in decoded.partition(":"))
        if client_id != self.client_id or not secrets.compare_digest(
            client_secret or "", self.client_secret
        ):
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)  # single use
        if (
            grant is None
            or grant.client_id != client_id
            or grant.redirect_uri != form.get("redirect_uri")
            or not _pkce_ok(grant, form.get("code_verifier"))
        ):
            return 400, {"error": "invalid_grant"}
        now = int(time.time())
        access_token = secrets.token_urlsafe(32)
        with self._lock:
            self._tokens[access_token] = now + self.token_lifetime
        claims: dict[str, Any] = {
            **self.user,
            "iss": self.issuer,
            "aud": client_id,
            "iat": now,
            "exp": now + self.token_lifetime,
        }
        if grant.nonce:
            claims["nonce"] = grant.nonce
        id_token = jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
            "id_token": id_token,
        }

    def userinfo(self, authorization: str) -> tuple[int, dict[str, Any]]:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer":
            token = ""
        with self._lock:
            valid = self._tokens.get(token, 0) > time.time()
        if not valid:
            return 401, {"error": "invalid_token"}
        return 200, dict(self.user)


def _pkce_ok(grant: Grant, verifier: str | None) -> bool:
    if grant.code_challenge is None:
        return True
    if verifier is None:
        return False
    if grant.code_challenge_method == "S256":
        digest = hashlib.sha256(verifier.encode()).digest()
        verifier = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return secrets.compare_digest(verifier, grant.code_challenge)


def _flat(query: str) -> Params:
    return {key: values[0] for key, values in parse_qs(query).items()}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, provider: OIDCProvider) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.provider = provider


class _Handler(BaseHTTPRequestHandler):
    @property
    def provider(self) -> OIDCProvider:
        return cast(_Server, self.server).provider

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        authorization = self.headers.get("Authorization", "")
        if url.path == "/.well-known/openid-configuration":
            self._send(200, self.provider.discovery())
        elif url.path == "/jwks":
            self._send(200, self.provider.jwks())
        elif url.path == "/authorize":
            self._send(*self.provider.authorize(_flat(url.query)))
        elif url.path == "/userinfo":
            self._send(*self.provider.userinfo(authorization))
        else:
            self._send(404, {"error": "not_found"})

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/token":
            self._send(404, {"error": "not_found"})
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        self._send(*self.provider.token(_flat(body), self.headers.get("Authorization", "")))

    def _send(self, status: int, body: dict[str, Any] | str) -> None:
        self.provider.requests.append((self.command, urlsplit(self.path).path, status))
        self.send_response(status)
        if isinstance(body, str):  # a redirect
            self.send_header("Location", body)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        payload = json.dumps(body).encode()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        if status == 401:  # RFC 6749 section 5.2, RFC 6750 section 3
            challenge = 'Bearer error="invalid_token"' if "/userinfo" in self.path else "Basic"
            self.send_header("WWW-Authenticate", challenge)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # the test reads .requests instead
        pass
