"""A lock per peer in its own row: a conditional update is atomic in every database the portal
runs on, so two workers never harvest one peer at once."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from .models import Peer


def take(peer: Peer, *, seconds: float) -> bool:
    now = timezone.now()
    free = Q(locked_until__isnull=True) | Q(locked_until__lt=now)
    return bool(Peer.objects.filter(free, pk=peer.pk)
                .update(locked_until=now + timedelta(seconds=seconds)))


def release(peer: Peer) -> None:
    Peer.objects.filter(pk=peer.pk).update(locked_until=None)
