"""Notifications: every e-mail the portal sends a person is also kept for their dashboard
(``members.mail`` records it), until they mark it read."""

from django.utils import timezone

from .models import Notification, User

SUBJECT_LENGTH = Notification._meta.get_field("subject").max_length
URL_LENGTH = Notification._meta.get_field("url").max_length


def record(email: str, subject: str, url: str = "") -> Notification | None:
    """Keep ``subject`` for the person signing in with ``email``; addresses of nobody on the
    portal (an applicant, an invited newcomer) are skipped."""
    people = User.objects.filter(is_active=True).only("pk")
    # The exact address uses the unique index; a differently-cased one (typed by hand into
    # an invitation or application) is looked up only when that finds nobody.
    recipient = people.filter(email=email).first() or people.filter(email__iexact=email).first()
    if recipient is None:
        return None
    return Notification.objects.create(recipient=recipient, subject=subject[:SUBJECT_LENGTH],
                                       url=url if len(url) <= URL_LENGTH else "")


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; returns how many."""
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())
