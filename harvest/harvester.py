"""Harvesting a peer: its change feed from where the last harvest left it, page by page, each
page stored in one transaction with bulk statements, so time and memory grow with a page, not
with the peer's catalogue."""

import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import items, locking, transport
from .models import HarvestedItem, Peer, PeerStatus, Refusal, RefusalReason
from .signals import announce

logger = logging.getLogger(__name__)


class PeerNotConfirmed(Exception):
    pass


class PeerBusy(Exception):
    """Another worker (or command) is harvesting this peer."""


@dataclass
class HarvestReport:
    peer: str
    pages: int = 0
    stored: int = 0
    created: int = 0
    removed: int = 0
    refused: int = 0
    not_modified: bool = False
    error: str = ""

    def __str__(self) -> str:
        if self.error:
            return _("%(peer)s: failed (%(error)s)") % {"peer": self.peer, "error": self.error}
        if self.not_modified:
            return _("%(peer)s: not modified") % {"peer": self.peer}
        return _("%(peer)s: %(pages)s pages, %(stored)s stored (%(created)s new), "
                 "%(removed)s removed, %(refused)s refused") % {
                     "peer": self.peer, "pages": self.pages, "stored": self.stored,
                     "created": self.created, "removed": self.removed, "refused": self.refused}


def _store(peer: Peer, activities: list, report: HarvestReport) -> None:
    """Stores one page: the refused activities are recorded and change nothing; the others are
    upserted or deleted together. A constant number of queries whatever the page's size."""
    now = timezone.now()
    changes: dict[str, HarvestedItem | None] = {}
    refused = []
    for activity in activities:
        try:
            change = items.read(peer, activity, now)
        except items.ItemRefused as refusal:
            refused.append(refusal)
            continue
        changes.pop(change.iri, None)  # the page's last activity on an item wins
        changes[change.iri] = change.row
    for refusal in items.shapes_refused([r for r in changes.values() if r is not None]):
        refused.append(refusal)
        del changes[refusal.iri]
    refusals = [Refusal(peer=peer, reason=r.reason, detail=r.detail, item_iri=r.iri[:500])
                for r in refused]
    rows = [row for row in changes.values() if row is not None]
    gone = [iri for iri, row in changes.items() if row is None]
    with transaction.atomic():
        existing = set(HarvestedItem.objects.filter(iri__in=[row.iri for row in rows])
                       .values_list("iri", flat=True))
        if rows:
            HarvestedItem.objects.bulk_create(rows, update_conflicts=True, unique_fields=["iri"],
                                              update_fields=items.STORED_FIELDS)
        removed = []
        if gone:
            doomed = HarvestedItem.objects.filter(peer=peer, iri__in=gone)
            removed = list(doomed.values_list("iri", "kind"))
            doomed.delete()
        Refusal.objects.bulk_create(refusals)
        # An update, not save(): the admin's reference index need not look at a peer per page.
        Peer.objects.filter(pk=peer.pk).update(cursor=peer.cursor, etag=peer.etag,
                                               last_modified=peer.last_modified)
        created = {row.iri for row in rows} - existing
        transaction.on_commit(partial(announce, rows, created, removed))
    report.stored += len(rows)
    report.created += len(created)
    report.removed += len(removed)
    report.refused += len(refusals)


def _page_url(peer: Peer) -> str:
    if not peer.cursor:
        return peer.changes_url
    return f"{peer.changes_url}?{urlencode({'after': peer.cursor})}"


def _fetch(peer: Peer, url: str, session: requests.Session, headers: dict) -> transport.Answer:
    answer = transport.send("GET", url, session=session, headers=headers)
    return transport.verified(answer, key_id=peer.key_id, public_key_pem=peer.public_key)


def _follow(peer: Peer, report: HarvestReport) -> None:
    session = transport.new_session()
    url = _page_url(peer)
    headers = {}
    if peer.etag:
        headers["If-None-Match"] = peer.etag
    if peer.last_modified:
        headers["If-Modified-Since"] = peer.last_modified
    while url and report.pages < settings.HARVEST_MAX_PAGES:
        answer = _fetch(peer, url, session, headers)
        if answer.status == 304:
            report.not_modified = True
            return
        page = answer.json()
        try:
            items.check_context({"@context": page.get("@context")}, url)
        except items.ItemRefused as refusal:
            raise transport.Refused(refusal.reason, refusal.detail) from refusal
        headers = {}  # the validators were those of the first page only
        if page.get("type") == "OrderedCollection":
            first = page.get("first")
            first = first.get("id") if isinstance(first, dict) else first
            url = transport.on_node(peer.node_id, first, RefusalReason.REDIRECT)
            continue
        activities = page.get("orderedItems")
        if page.get("type") != "OrderedCollectionPage" or not isinstance(activities, list):
            raise transport.Refused(RefusalReason.MALFORMED,
                                    f"{url} is not an OrderedCollectionPage with orderedItems")
        after = parse_qs(urlsplit(url).query).get("after")
        peer.cursor = after[0][:300] if after else ""
        peer.etag = answer.headers.get("ETag", "")[:300]
        peer.last_modified = answer.headers.get("Last-Modified", "")[:100]
        report.pages += 1
        _store(peer, activities, report)
        url = page.get("next") and transport.on_node(peer.node_id, page["next"],
                                                     RefusalReason.REDIRECT)


def _backoff(failures: int) -> timedelta:
    seconds = settings.HARVEST_BACKOFF_BASE * 2 ** min(failures - 1, 30)
    return timedelta(seconds=min(seconds, settings.HARVEST_BACKOFF_MAX))


def harvest(peer: Peer) -> HarvestReport:
    """Brings ``peer``'s items up to date from its change feed. A peer that refuses or fails
    keeps its items; its failure is recorded and its next harvest put off, longer each time.
    Raises PeerBusy when the peer is being harvested already (by the task or the command)."""
    if peer.status != PeerStatus.CONFIRMED:
        raise PeerNotConfirmed(f"{peer.url} has not confirmed this node yet")
    # Held for the task's hard time limit at most: a worker that died frees the peer by then.
    limit = settings.CELERY_TASK_ANNOTATIONS["harvest.tasks.harvest_peer"]["time_limit"]
    if not locking.take(peer, seconds=limit):
        raise PeerBusy(f"{peer.url} is being harvested already")
    try:
        return _harvest(peer)
    finally:
        locking.release(peer)


def _harvest(peer: Peer) -> HarvestReport:
    report = HarvestReport(peer=peer.url)
    started = timezone.now()
    try:
        _follow(peer, report)
    except transport.Refused as refused:
        Refusal.objects.create(peer=peer, reason=refused.reason, detail=refused.detail[:4000])
        report.error = str(refused)
    except transport.Unreachable as error:
        report.error = str(error)
    peer.last_harvest_at = timezone.now()
    if report.error:
        peer.failures += 1
        peer.last_error = report.error[:4000]
        peer.next_harvest_at = started + _backoff(peer.failures)
        logger.warning("harvest failed", extra={"peer": peer.url, "error": report.error})
    else:
        peer.failures = 0
        peer.last_error = ""
        peer.last_success_at = peer.last_harvest_at
        peer.next_harvest_at = started + timedelta(seconds=settings.HARVEST_INTERVAL)
    Peer.objects.filter(pk=peer.pk).update(
        last_harvest_at=peer.last_harvest_at, failures=peer.failures, last_error=peer.last_error,
        last_success_at=peer.last_success_at, next_harvest_at=peer.next_harvest_at)
    return report
