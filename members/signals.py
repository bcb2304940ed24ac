"""Members' receivers, connected by ``MembersConfig.ready``: the staff group after every
migrate, an address proven by a password reset, the admin's language kept in step."""

from allauth.account.models import EmailAddress
from allauth.account.signals import password_reset
from django.db.models.signals import post_migrate, post_save
from wagtail.users.models import UserProfile

from .models import User
from .services import ensure_staff_group, mark_email_verified


def connect(config) -> None:
    post_migrate.connect(_ensure_staff_group, sender=config)
    post_save.connect(_admin_speaks_preferred_language, sender=User)
    password_reset.connect(_verify_email_on_password_reset)


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
