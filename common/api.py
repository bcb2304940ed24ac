"""What every router of the JSON API shares: the shapes of its error answers, so that the
OpenAPI document lists them beside each operation's success."""

from typing import Annotated, Any

from ninja import Schema
from pydantic import Field


class Message(Schema):
    """A refusal the portal explains: 400 for a value it does not accept, 503 for a moment's
    outage."""

    detail: str


class ValidationErrors(Schema):
    """django-ninja's answer to a value of the wrong type (``page=abc``): one entry a field."""

    detail: list[dict[str, Any]]


ERRORS: dict[int, type[Schema]] = {400: Message, 422: ValidationErrors}


def documented(kind: type, **limits: Any) -> Any:
    """A parameter type whose limits the OpenAPI document states (``maximum``, ``enum``,
    ``maxLength``) while the view checks them itself, so that the answer stays a 400 with a
    sentence rather than a validation error."""
    return Annotated[kind, Field(json_schema_extra=limits)]

