"""Figures about the peers for staff: ``manage.py federation status`` and ``/healthz``."""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from .models import HarvestedItem, Peer, PeerStatus, Refusal


def peer_rows() -> list[dict]:
    """One row per peer, with its items per kind and its refusals of the last day."""
    day_ago = timezone.now() - timedelta(days=1)
    peers = list(Peer.objects.annotate(
        refusals_last_day=Count("refusals", filter=Q(refusals__at__gte=day_ago))))
    kinds: dict[int, dict[str, int]] = {}
    for peer_id, kind, count in (HarvestedItem.objects.values_list("peer", "kind")
                                 .annotate(n=Count("pk")).order_by("peer", "kind")):
        kinds.setdefault(peer_id, {})[kind] = count
    return [{"peer": peer, "items": kinds.get(peer.pk, {})} for peer in peers]


def summary() -> dict:
    """For /healthz: how many peers, how many failing, items and refusals; never a failure."""
    day_ago = timezone.now() - timedelta(days=1)
    peers = Peer.objects.aggregate(
        peers=Count("pk"),
        confirmed=Count("pk", filter=Q(status=PeerStatus.CONFIRMED)),
        failing=Count("pk", filter=Q(status=PeerStatus.CONFIRMED, failures__gt=0)),
        last_harvest=Max("last_harvest_at"))
    last = peers.pop("last_harvest")
    return {**peers, "items": HarvestedItem.objects.count(),
            "refusals_last_day": Refusal.objects.filter(at__gte=day_ago).count(),
            "last_harvest": last and last.isoformat()}
