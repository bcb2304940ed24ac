"""Which case studies need translating into each language, and officers asking for it.
The translating itself is wagtail-localize's (its editor and "Sync translated pages")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from members import notify
from members.models import CONSORTIUM_STAFF_GROUP, User
from members.permissions import Action, require

from .models import CaseStudyPage, TranslationRequest

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translation_queue(language: str):
    """The case studies needing translation into ``language``, the last request for each
    (``requested_at``) annotated, requested ones first."""
    requests = TranslationRequest.objects.filter(
        case_study__translation_key=OuterRef("translation_key"), language=language)
    return (CaseStudyPage.objects.needing_translation(language)
            .annotate(requested_at=Subquery(requests.values("requested_at")[:1]))
            .select_related("city", "locale")
            .order_by(F("requested_at").asc(nulls_last=True), "-last_published_at", "pk"))


def needing_translation_counts() -> dict[str, int]:
    """language code → how many case studies need translating into it."""
    return {code: CaseStudyPage.objects.needing_translation(code).count()
            for code in LANGUAGE_CODES}


@transaction.atomic
def request_translation(user: User, case_study: CaseStudyPage,
                        language: str) -> TranslationRequest:
    """``user``, an officer of the case study's city, asks staff to translate it into
    ``language``; staff are told by e-mail."""
    require(user, Action.REQUEST_TRANSLATION, case_study.city)
    if language not in LANGUAGE_CODES or language == case_study.locale.language_code:
        raise ValidationError(_("Choose another language of the portal."))
    if not CaseStudyPage.objects.needing_translation(language).filter(
            pk=case_study.pk).exists():
        raise ValidationError(_("This case study is already translated and up to date."))
    made = TranslationRequest.objects.create(case_study=case_study, language=language,
                                             requested_by=user)
    for staff in User.objects.filter(groups__name=CONSORTIUM_STAFF_GROUP, is_active=True):
        notify.tell(staff, notify.REVIEW_REQUEST, "solutions_catalog/email/translation_requested",
                    {"request": made, "case_study": case_study},
                    url=reverse("solutions_catalog_translation_queue"))
    return made
