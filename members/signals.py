"""Members' receivers, connected by ``MembersConfig.ready``: the staff group after every
migrate, an address proven by a password reset, the admin's language kept in step, the
header's unread count forgotten when a notification is made."""

from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.db.models.signals import post_migrate, post_save
from wagtail.users.models import UserProfile

from .models import Notification, User
from .notifications import forget_unread
from .services import ensure_staff_group, mark_email_verified


def connect(config) -> None:
    post_migrate.connect(_ensure_staff_group, sender=config)
    post_save.connect(_admin_speaks_preferred_language, sender=User)
    password_reset.connect(_verify_email_on_password_reset)
    post_save.connect(_forget_unread_count, sender=Notification)


def _forget_unread_count(sender, instance, **kwargs) -> None:
    # Made by members.notify.tell (or anywhere). Only read ones are ever deleted in bulk
    # (members.tasks), which leaves the count alone: no post_delete, so that stays fast.
    forget_unread(instance.recipient_id)


def _ensure_staff_group(**kwargs) -> None:
    ensure_staff_group()


def _verify_email_on_password_reset(sender, request, user, **kwargs) -> None:
    # The reset link was opened from the mailbox. When the account has only its login
    # address, that proves it (new org admins set their first password this way); with
    # several addresses we cannot tell which one received the link.
    if not EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).exists():
        mark_email_verified(user)


def _admin_speaks_preferred_language(sender, instance, created, update_fields=None,
                                      raw=False, **kwargs) -> None:
    # Wagtail's admin and its workflow e-mails read their own profile's language.
    if raw or (update_fields is not None and "preferred_language" not in update_fields):
        return
    UserProfile.objects.update_or_create(
        user=instance, defaults={"preferred_language": instance.preferred_language})
