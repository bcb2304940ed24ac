"""The scheduler's side of harvesting: beat sends ``harvest_due_peers`` every minute; it sends
one ``harvest_peer`` per confirmed peer that is due. A peer is taken by one worker at a time
(``harvest`` takes it), so a task run twice, or by two workers, harvests the peer once."""

import logging

from celery import shared_task

from .harvester import PeerBusy, harvest
from .models import Peer

logger = logging.getLogger(__name__)


@shared_task
def harvest_due_peers() -> int:
    due = list(Peer.objects.due().values_list("pk", flat=True))
    for pk in due:
        harvest_peer.delay(pk)
    return len(due)


@shared_task
def harvest_peer(peer_id: int) -> str:
    peer = Peer.objects.due().filter(pk=peer_id).first()
    if peer is None:
        return "not due"
    try:
        report = harvest(peer)
    except PeerBusy:
        return "taken by another worker"
    logger.info("harvested", extra={"peer": peer.url, "report": str(report)})
    return str(report)
