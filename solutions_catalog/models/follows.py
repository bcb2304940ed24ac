"""People following a case study: new cities replicating it show on their dashboard."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case_studies import CaseStudyPage


class CaseStudyFollowQuerySet(models.QuerySet):
    def of_people(self, people) -> "CaseStudyFollowQuerySet":
        """The follows of any of ``people`` (a batch, e.g. the weekly digest's)."""
        return self.filter(user__in=people)

    def of(self, user) -> "CaseStudyFollowQuerySet":
        return self.filter(user=user) if user.is_authenticated else self.none()

    def of_case_study(self, page: CaseStudyPage) -> "CaseStudyFollowQuerySet":
        """Follows of a case study, whichever language version was followed."""
        return self.filter(case_study__translation_key=page.translation_key)


class CaseStudyFollow(models.Model):
    """``user`` follows the replication of ``case_study`` (its first language version, to
    which adoptions attach)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"),
                             on_delete=models.CASCADE, related_name="case_study_follows")
    case_study = models.ForeignKey(CaseStudyPage, verbose_name=_("case study"),
                                   on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = CaseStudyFollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("case study followed")
        verbose_name_plural = _("case studies followed")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "case_study"],
                                               name="one_follow_per_case_study")]

    def __str__(self) -> str:
        return f"{self.user} → {self.case_study}"
