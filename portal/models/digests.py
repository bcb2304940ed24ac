"""Which person got the weekly digest of which ISO week: claimed (inserted) in the same
transaction as the sending, so that two runs at once send it once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestSent(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                               on_delete=models.CASCADE, related_name="digests_sent")
    week = models.CharField(_("ISO week"), max_length=8)  # "2026-W49", in the person's zone
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("weekly digest sent")
        verbose_name_plural = _("weekly digests sent")
        constraints = [models.UniqueConstraint(fields=["person", "week"],
                                               name="one_digest_per_person_per_week")]

    def __str__(self) -> str:
        return f"{self.person_id} · {self.week}"
