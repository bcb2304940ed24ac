"""The publishing endpoints under /federation/ (no language prefix): JSON-LD with the context
inline, validators for conditional requests, a constant number of queries per response."""

import datetime
import hashlib
import json
from pathlib import Path

from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import require_safe

from . import documents
from .iris import item_iri
from .models import Activity, Change
from .registry import published_type
from .vocabulary import JSON_LD, document

VOCABULARY = Path(__file__).with_name("vocabulary.ttl")
MAX_AGE = 60  # seconds a peer or proxy may reuse an answer without asking


def _respond(request: HttpRequest, body: bytes, content_type: str, etag: str,
             modified: datetime.datetime | None, status: int = 200) -> HttpResponse:
    etag = quote_etag(etag)
    timestamp = int(modified.timestamp()) if modified else None
    last_modified = http_date(timestamp) if timestamp else None
    if status == 200:
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is not None:
            return response
    response = HttpResponse(body, content_type=content_type, status=status)
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = last_modified
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _json_ld(request: HttpRequest, document: dict, modified: datetime.datetime | None,
             etag: str | None = None, status: int = 200) -> HttpResponse:
    body = json.dumps(document, ensure_ascii=False).encode()
    return _respond(request, body, JSON_LD, etag or hashlib.sha256(body).hexdigest(),
                    modified, status)


def _cursor(request: HttpRequest) -> int | None:
    value = request.GET.get("after")
    if value is None:
        return None
    if not value.isdigit():
        raise Http404("unknown cursor")
    return int(value)


@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    after = _cursor(request)
    if after is None:
        totals = Change.objects.aggregate(n=Count("position"), last=Max("position"),
                                          at=Max("at"))
        return _json_ld(request, documents.collection(totals["n"]), totals["at"],
                        etag=f"collection-{totals['last'] or 0}")
    rows = list(Change.objects.after(after)[:documents.PAGE_SIZE + 1])
    more = len(rows) > documents.PAGE_SIZE
    rows = rows[:documents.PAGE_SIZE]
    # Appended to only: a page is known by where it starts and where it ends.
    last = rows[-1].position if rows else after
    return _json_ld(request, documents.changes_page(after, rows, more),
                    max((row.at for row in rows), default=None),
                    etag=f"page-{after}-{last}-{int(more)}")


@require_safe
def item(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    published = published_type(kind)
    if published is None:
        raise Http404("unknown kind")
    found = published.items([key]).get(key)
    if found is not None:
        return _json_ld(request, document(found), _modified(found))
    last = Change.objects.latest_per_iri([item_iri(kind, key)]).get(item_iri(kind, key))
    if last is not None and last.activity == Activity.DELETE:
        return _json_ld(request, document(documents.tombstone(last)), last.at,
                        status=410)
    raise Http404("not published")


def _modified(found: dict) -> datetime.datetime | None:
    """When the item last changed, if it says (an organisation may not know)."""
    modified = found.get("dateModified")
    return datetime.datetime.fromisoformat(modified) if modified else None


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    datasets = published_type("dataset")
    items = [found for _key, found in datasets.all_items()] if datasets else []
    modified = max((found["dateModified"] for found in items), default=None)
    return _json_ld(request, documents.catalogue(items, modified),
                    datetime.datetime.fromisoformat(modified) if modified else None)


@require_safe
def vocabulary(request: HttpRequest) -> HttpResponse:
    body = VOCABULARY.read_bytes()
    return _respond(request, body, "text/turtle; charset=utf-8",
                    hashlib.sha256(body).hexdigest(),
                    datetime.datetime.fromtimestamp(VOCABULARY.stat().st_mtime, datetime.UTC))
