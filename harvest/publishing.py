"""What harvesting needs from the publishing side (``federation``, issue 20's contract): the
JSON-LD context and the shapes every harvested item is validated against. One call site, so the
rest of harvest does not depend on how publishing is built."""

from django.conf import settings

try:
    from federation.shapes import validate as _validate_shapes
    from federation.shapes import validate_many as _validate_many
    from federation.vocabulary import CONTEXT
except ImportError:  # until the publishing side is merged: the contract's required keys only
    CONTEXT = {"@vocab": "https://schema.org/", "scc": "https://w3id.org/scc#",
               "as": "https://www.w3.org/ns/activitystreams#"}
    _REQUIRED = ("id", "type", "name", "license", "dateModified", "scc:node", "scc:audience")

    def _validate_shapes(document: dict) -> list[str]:
        return [f"{key} is required" for key in _REQUIRED if key not in document]

    def _validate_many(documents: list[dict]) -> dict[str, list[str]]:
        return {str(document.get("id")): _validate_shapes(document) for document in documents}

LICENCE_DEFAULT = "https://creativecommons.org/licenses/by/4.0/"


def licence() -> str:
    return getattr(settings, "FEDERATION_LICENCE", LICENCE_DEFAULT)


def validate(document: dict) -> list[str]:
    """Messages of each way ``document`` fails the shapes; empty when it conforms."""
    return _validate_shapes(document)


def validate_many(documents: list[dict]) -> dict[str, list[str]]:
    """Each document's IRI → why it fails the shapes, checked in one pyshacl run (a page)."""
    return _validate_many(documents) if documents else {}
