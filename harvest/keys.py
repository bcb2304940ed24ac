"""This node's Ed25519 key pair: the private key signs what the node serves and asks for, the
public key is in the node document for peers to verify with."""

from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .models import NodeKey


def node_id() -> str:
    """The node's identifier: its node document's address."""
    return settings.SITE_URL.rstrip("/") + "/federation/"


def node_key_id() -> str:
    return node_id() + "#key"


def generate_private_key_pem() -> str:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode()


def _configured_pem() -> str:
    if settings.FEDERATION_PRIVATE_KEY:
        return settings.FEDERATION_PRIVATE_KEY
    if settings.FEDERATION_PRIVATE_KEY_FILE:
        return Path(settings.FEDERATION_PRIVATE_KEY_FILE).read_text()
    if not settings.FEDERATION_GENERATE_KEY:
        raise ImproperlyConfigured(
            "Set FEDERATION_PRIVATE_KEY (PEM) or FEDERATION_PRIVATE_KEY_FILE: this node needs "
            "its Ed25519 key to take part in a federation.")
    # One row with a fixed key, so two processes starting at once keep the same key.
    row, _ = NodeKey.objects.get_or_create(pk=1, defaults={
        "private_key_pem": generate_private_key_pem()})
    return row.private_key_pem


@cache
def node_private_key() -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(_configured_pem().encode(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("The federation key must be an Ed25519 key.")
    return key


def public_key_pem(private_key: Ed25519PrivateKey | None = None) -> str:
    key = private_key or node_private_key()
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
