"""Helpers for each app's ``federation.py``: language maps, absolute human URLs, JSON-ready
dates and numbers, and the terms every item carries."""

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from common.site_url import absolute

from .iris import node_id
from .vocabulary import licence


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_map(obj, field: str) -> dict[str, str]:
    """``{"ko": obj.field_ko, "en": obj.field_en}`` with only the languages it has."""
    return {code: value for code in language_codes()
            if (value := (getattr(obj, f"{field}_{code}", "") or "").strip())}


def human_urls(path: Callable[[], str]) -> dict[str, str]:
    """The page's address for a reader of each language (``path`` reversed in each)."""
    urls = {}
    for code in language_codes():
        with translation.override(code):
            urls[code] = absolute_url(path())
    return urls


def absolute_url(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else absolute(url)


def number(value: Decimal | int | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def iso(moment: datetime.date | datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def item(iri: str, rdf_type: str, terms: dict) -> dict:
    """An item with what every published item carries (node, audience, licence), terms that
    are None or empty left out."""
    return {"id": iri, "type": rdf_type, "scc:node": node_id(), "scc:audience": "public",
            "license": licence(),
            **{term: value for term, value in terms.items() if value not in (None, "", [], {})}}
