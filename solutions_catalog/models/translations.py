"""Officers asking consortium staff for a translation of their city's case study."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case_studies import CaseStudyPage


class TranslationRequest(models.Model):
    """``requested_by`` asked for ``case_study`` (the version they asked from) in
    ``language``. Staff see open requests in the translation queue."""

    case_study = models.ForeignKey(CaseStudyPage, verbose_name=_("case study"),
                                   on_delete=models.CASCADE, related_name="translation_requests")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("requested by"),
                                     null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_study} → {self.language}"
