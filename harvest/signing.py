"""RFC 9421 HTTP Message Signatures between nodes, through the http-message-signatures library:
what a node serves under /federation/ and what it asks of its peers is signed with its Ed25519
key and carries a Content-Digest; each side verifies with the key of the other's node document."""

import secrets
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from http_message_signatures import (
    HTTPMessageSignaturesException,
    HTTPMessageSigner,
    HTTPMessageVerifier,
    InvalidSignature,
    MappingKeyResolver,
    VerifyResult,
    algorithms,
)

# Signed as the application tag, so a node never mistakes another application's signature.
TAG = "scc-federation"
# A response is bound to the request it answers (path and query), so a signed page cannot be
# served in answer to another request.
RESPONSE_COMPONENTS = ("@status", '"@path";req', '"@query";req')
REQUEST_COMPONENTS = ("@method", "@authority", "@target-uri")
# How long a signature stands: short, so a captured message cannot be replayed for long.
MAX_AGE = timedelta(minutes=5)
# How long a verified signature may still be taken again (the library allows clock skew both
# ways): a receiver remembers a request's nonce that long to refuse its replay.
NONCE_LIFETIME = MAX_AGE + 2 * HTTPMessageVerifier.max_clock_skew


class SignatureRefused(Exception):
    """A message whose signature is missing, malformed or does not verify."""


def _signer(private_key: Ed25519PrivateKey, key_id: str) -> HTTPMessageSigner:
    return HTTPMessageSigner(
        signature_algorithm=algorithms.ED25519,
        key_resolver=MappingKeyResolver(public_keys={}, private_keys={key_id: private_key}))


def _sign(message: Any, private_key: Ed25519PrivateKey, key_id: str, body: bytes | None,
          covered: tuple[str, ...], created: datetime | None, nonce: str | None = None) -> None:
    created = created or datetime.now(UTC)
    _signer(private_key, key_id).sign(message, key_id=key_id, tag=TAG, body=body,
                                      created=created, expires=created + MAX_AGE, nonce=nonce,
                                      covered_component_ids=covered)


def _verifier(key_id: str, public_key_pem: str) -> HTTPMessageVerifier:
    return HTTPMessageVerifier(
        signature_algorithm=algorithms.ED25519,
        key_resolver=MappingKeyResolver(public_keys={key_id: public_key_pem.encode()},
                                        private_keys={}))


def sign_response(response: Any, *, method: str, url: str, body: bytes,
                  private_key: Ed25519PrivateKey, key_id: str,
                  created: datetime | None = None) -> None:
    """Signs a response in place: ``response`` has ``status_code`` and writable ``headers``;
    ``method`` and ``url`` are those of the request it answers."""
    response.request = SimpleNamespace(method=method, url=url, headers={})
    covered = RESPONSE_COMPONENTS + (("content-type",) if "Content-Type" in response.headers
                                     else ())
    try:
        _sign(response, private_key, key_id, body, covered, created)
    finally:
        del response.request


def sign_request(request: Any, *, private_key: Ed25519PrivateKey, key_id: str,
                 created: datetime | None = None) -> None:
    """Signs a prepared request (``requests.PreparedRequest``) in place, with a random nonce
    by which its receiver knows a replay."""
    body = request.body.encode() if isinstance(request.body, str) else request.body
    _sign(request, private_key, key_id, body, REQUEST_COMPONENTS, created,
          nonce=secrets.token_urlsafe(24))


def verify(message: Any, body: bytes, *, key_id: str, public_key_pem: str,
           require: tuple[str, ...]) -> list[VerifyResult]:
    """Raises SignatureRefused unless the message carries one signature of ours by ``key_id``
    covering ``require`` and a digest of ``body``."""
    try:
        return _verifier(key_id, public_key_pem).verify(
            message, expect_tag=TAG, require_components=require, body=body, max_age=MAX_AGE)
    except (InvalidSignature, HTTPMessageSignaturesException, KeyError, ValueError) as error:
        raise SignatureRefused(str(error) or type(error).__name__) from error


def verify_response(response: Any, body: bytes, *, key_id: str, public_key_pem: str) -> None:
    verify(response, body, key_id=key_id, public_key_pem=public_key_pem,
           require=RESPONSE_COMPONENTS)


def verify_request(request: Any, body: bytes, *, key_id: str,
                   public_key_pem: str) -> set[str]:
    """The signed nonces of the request, for the caller to refuse one it has seen already;
    SignatureRefused when the signature does not verify or carries no nonce."""
    results = verify(request, body, key_id=key_id, public_key_pem=public_key_pem,
                     require=REQUEST_COMPONENTS)
    if not results or any(not result.nonce for result in results):
        raise SignatureRefused("the signature carries no nonce")
    return {str(result.nonce) for result in results}

