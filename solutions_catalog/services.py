"""Operations on the catalogue that touch several models or send messages."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from members.models import Organisation, OrganisationKind
from members.permissions import Action, require, viewer
from portal.mail import send_templated_mail

from .models import Adoption, AdoptionStatus, CaseStudyPage


def cities_that_may_adopt(user, case_study: CaseStudyPage) -> QuerySet:
    """The cities this person may record an adoption for (not the case study's own city)."""
    return (Organisation.objects.active()
            .filter(kind=OrganisationKind.CITY, pk__in=viewer(user).memberships.keys())
            .exclude(pk=case_study.city_id))


@transaction.atomic
def record_adoption(origin: CaseStudyPage, adopter: Organisation, actor, *,
                    status: str = AdoptionStatus.EXPLORING, adapted: str = "",
                    outcomes: str = "") -> Adoption:
    """Record (or update) that ``adopter`` replicates ``origin``; the origin city hears of a
    new adoption."""
    require(actor, Action.RECORD_ADOPTION, adopter)
    if adopter.pk == origin.city_id:
        raise ValidationError(_("A city cannot adopt its own case study."))
    # One lineage per solution, whichever language version the adopter was reading.
    source = CaseStudyPage.objects.filter(translation_key=origin.translation_key).order_by(
        "pk").first()
    adoption, created = Adoption.objects.update_or_create(
        origin=source, adopter=adopter,
        defaults={"status": AdoptionStatus(status), "adapted": adapted.strip(),
                  "outcomes": outcomes.strip(), "recorded_by": actor},
    )
    if created:
        contact = origin.contact_person
        to = contact.email if contact else origin.city.contact_email
        if to:
            send_templated_mail(
                to, "solutions_catalog/email/adoption_recorded",
                {"adoption": adoption, "case_study": source},
                language=contact.preferred_language if contact else "ko",
            )
    return adoption
