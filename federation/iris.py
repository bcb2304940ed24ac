"""The IRIs this node gives what it publishes: stable, on the portal's own address."""

from urllib.parse import quote

from common.site_url import base_url


def node_id() -> str:
    """``https://portal.example.org/federation/``: the node, as peers know it."""
    return f"{base_url()}/federation/"


def item_iri(kind: str, key: str) -> str:
    return f"{base_url()}/federation/items/{kind}/{quote(str(key), safe='')}"


def changes_url() -> str:
    return f"{base_url()}/federation/changes"


def catalogue_iri() -> str:
    return f"{base_url()}/federation/catalogue"


def vocabulary_url() -> str:
    return f"{base_url()}/federation/vocabulary"
