"""The notification centre: what ``members.notify`` told a person, until they read it."""

from django.utils import timezone

from .models import Notification, User


def mark_read(user: User, pk: int) -> bool:
    """Mark ``user``'s notification ``pk`` read; False when it is not theirs or was read."""
    return bool(Notification.objects.for_user(user).unread().filter(pk=pk).update(
        read_at=timezone.now()))


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())
