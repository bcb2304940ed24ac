"""The notification centre: what ``members.notify`` told a person, until they read it.

How many are unread is shown in the header of every page a signed-in person opens, so it
is kept in the cache (Redis in production) and forgotten whenever one of theirs is made,
read or removed."""

from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Notification, User

UNREAD_SECONDS = 60 * 60  # a forgotten change shows within the hour at worst


def _unread_key(user_id: int) -> str:
    return f"members:unread-notifications:{user_id}"


def unread_count(user: User) -> int:
    """How many of ``user``'s notifications are unread (0 for visitors)."""
    if not user.is_authenticated:
        return 0
    return cache.get_or_set(_unread_key(user.pk),
                            lambda: Notification.objects.for_user(user).unread().count(),
                            UNREAD_SECONDS)


def forget_unread(user_id: int) -> None:
    """Count ``user_id``'s unread notifications afresh: now, and again once the change is
    committed (a page counted in between saw the old rows)."""
    cache.delete(_unread_key(user_id))
    transaction.on_commit(partial(cache.delete, _unread_key(user_id)))


def mark_read(user: User, pk: int) -> bool:
    """Mark ``user``'s notification ``pk`` read; False when it is not theirs or was read."""
    marked = bool(Notification.objects.for_user(user).unread().filter(pk=pk).update(
        read_at=timezone.now()))
    forget_unread(user.pk)
    return marked


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    marked = Notification.objects.for_user(user).unread().update(read_at=timezone.now())
    forget_unread(user.pk)
    return marked
