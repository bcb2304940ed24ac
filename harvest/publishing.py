"""What harvesting needs from the publishing side (``federation``): the JSON-LD context, the
licence and the shapes every harvested item is validated against, in one place."""

from django.conf import settings

from federation.shapes import validate
from federation.shapes import validate_many as _validate_many
from federation.vocabulary import CONTEXT

__all__ = ["CONTEXT", "licence", "validate", "validate_many"]


def licence() -> str:
    return settings.FEDERATION_LICENCE


def validate_many(documents: list[dict]) -> dict[str, list[str]]:
    """Each document's IRI → why it fails the shapes, checked in one pyshacl run (a page)."""
    return _validate_many(documents) if documents else {}
