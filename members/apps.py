from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _ensure_staff_group(**kwargs) -> None:
    from .services import ensure_staff_group

    ensure_staff_group()


def _verify_email_on_password_reset(sender, request, user, **kwargs) -> None:
    # The reset link was opened from the mailbox. When the account has only its login
    # address, that proves it (new org admins set their first password this way); with
    # several addresses we cannot tell which one received the link.
    from allauth.account.models import EmailAddress

    from .services import mark_email_verified

    if not EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).exists():
        mark_email_verified(user)


def _admin_speaks_preferred_language(sender, instance, created, update_fields=None,
                                      raw=False, **kwargs) -> None:
    # Wagtail's admin and its workflow e-mails read their own profile's language.
    if raw or (update_fields is not None and "preferred_language" not in update_fields):
        return
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=instance, defaults={"preferred_language": instance.preferred_language})


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from allauth.account.signals import password_reset

        post_migrate.connect(_ensure_staff_group, sender=self)
        post_save.connect(_admin_speaks_preferred_language, sender=self.get_model("User"))
        password_reset.connect(_verify_email_on_password_reset)
