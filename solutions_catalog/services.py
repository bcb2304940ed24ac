"""Operations on the catalogue that touch several models or send messages."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.forms import ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from harvest.models import HarvestedItem
from members import notify
from members.models import Organisation, OrganisationKind
from members.permissions import SUPPLIER_KINDS, check, is_staff, require, search_audiences, viewer
from search.engines import SearchUnavailable, ask
from search.registry import facet_labels

from .models import (
    Adoption,
    AdoptionStage,
    AdoptionStatus,
    CaseStudyPage,
    Challenge,
    ChallengeResponse,
    Deployment,
    DeploymentStatus,
    VendorOffering,
)
from .permissions import CatalogueAction


def cities_of(user) -> QuerySet:
    """The cities this person acts for (adoptions, challenges): staff act for any."""
    cities = Organisation.objects.active().filter(kind=OrganisationKind.CITY)
    return cities if is_staff(user) else cities.filter(pk__in=viewer(user).city_ids)


def cities_that_may_adopt(user, case_study: CaseStudyPage) -> QuerySet:
    """The cities this person may record an adoption for (not the case study's own city)."""
    return cities_of(user).exclude(pk=case_study.city_id)


def _origin(case_study: CaseStudyPage) -> CaseStudyPage:
    """The first language version: lineage and deployments attach to it, whichever version
    the person was reading."""
    return CaseStudyPage.objects.filter(translation_key=case_study.translation_key).order_by(
        "pk").first()


def _tell_city(case_study: CaseStudyPage, template: str, context: dict) -> None:
    contact = case_study.contact_person
    context = {"case_study": case_study, **context}
    if contact is not None:
        notify.tell(contact, notify.CASE_STUDY_ACTIVITY, template, context,
                    url=case_study)
    elif case_study.city.contact_email:
        notify.tell_address(case_study.city.contact_email, notify.CASE_STUDY_ACTIVITY,
                            template, context, url=case_study)


@transaction.atomic
def record_adoption(origin: CaseStudyPage, adopter: Organisation, actor, *,
                    status: str = AdoptionStatus.EXPLORING, adapted: str = "",
                    outcomes: str = "") -> Adoption:
    """Record (or update) that ``adopter`` replicates ``origin``; the origin city hears of a
    new adoption."""
    require(actor, CatalogueAction.RECORD_ADOPTION, adopter)
    if adopter.pk == origin.city_id:
        raise ValidationError(_("A city cannot adopt its own case study."))
    if status == AdoptionStatus.DROPPED:  # a dropped adoption says why: record_stage
        raise ValidationError(_("Record why the adoption was dropped on its own page."))
    source = _origin(origin)  # one lineage per solution, whichever version was read
    adoption, created = Adoption.objects.update_or_create(
        origin=source, adopter=adopter,
        defaults={"status": AdoptionStatus(status), "adapted": adapted.strip(),
                  "outcomes": outcomes.strip(), "recorded_by": actor},
    )
    latest = adoption.stages.order_by("-reached_on", "-pk").first()
    if latest is None or latest.stage != adoption.status:  # the timeline follows the status
        AdoptionStage.objects.create(adoption=adoption, stage=adoption.status,
                                     reached_on=timezone.localdate(), recorded_by=actor)
    if created:
        _tell_city(source, "solutions_catalog/email/adoption_recorded", {"adoption": adoption})
    return adoption


@transaction.atomic
def record_remote_adoption(origin: HarvestedItem, adopter: Organisation, actor, *,
                           status: str = AdoptionStatus.EXPLORING, adapted: str = "",
                           outcomes: str = "") -> Adoption:
    """Record (or update) that ``adopter`` replicates a case study harvested from a peer
    node. This node publishes the adoption naming the item's IRI as its origin, so the
    origin's portal shows it once it harvests this one; no one here is told."""
    require(actor, CatalogueAction.RECORD_ADOPTION, adopter)
    if status == AdoptionStatus.DROPPED:
        raise ValidationError(_("Record why the adoption was dropped on its own page."))
    adoption, _created = Adoption.objects.update_or_create(
        remote_origin_iri=origin.iri, adopter=adopter,
        defaults={"remote_origin": origin, "status": AdoptionStatus(status),
                  "adapted": adapted.strip(),
                  "outcomes": outcomes.strip(), "recorded_by": actor},
    )
    latest = adoption.stages.order_by("-reached_on", "-pk").first()
    if latest is None or latest.stage != adoption.status:
        AdoptionStage.objects.create(adoption=adoption, stage=adoption.status,
                                     reached_on=timezone.localdate(), recorded_by=actor)
    return adoption


# --- Offerings and deployments ----------------------------------------------------------------

def vendors_of(user) -> QuerySet:
    """The companies and research partners this person may list offerings for."""
    suppliers = Organisation.objects.active().filter(kind__in=SUPPLIER_KINDS)
    return suppliers if is_staff(user) else suppliers.filter(
        pk__in=viewer(user).memberships.keys())


RESERVED_SLUGS = {"new", "deployments", "answers"}  # path segments of our own URLs


def _unique_slug(model, *names: str) -> str:
    base = slugify(next((n for n in names if n.strip()), ""), allow_unicode=True)[:70] or "item"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_offering(form: ModelForm, actor) -> VendorOffering:
    """Create or update an offering from its validated form."""
    offering = form.save(commit=False)
    require(actor, CatalogueAction.LIST_OFFERING, offering.vendor)
    if not offering.slug:
        offering.slug = _unique_slug(VendorOffering, offering.name_en, offering.name_ko)
    offering.save()
    form.save_m2m()
    return offering


@transaction.atomic
def claim_deployment(offering: VendorOffering, case_study: CaseStudyPage, actor) -> Deployment:
    """The vendor says its offering runs in a case study; the city is asked to confirm."""
    require(actor, CatalogueAction.LIST_OFFERING, offering.vendor)
    source = _origin(case_study)
    deployment, created = Deployment.objects.get_or_create(
        offering=offering, case_study=source, defaults={"claimed_by": actor})
    if not created and deployment.status == DeploymentStatus.DECLINED:
        raise ValidationError(_("The city has declined this deployment."))
    if created:
        _tell_city(source, "solutions_catalog/email/deployment_claimed",
                   {"deployment": deployment})
    return deployment


@transaction.atomic
def decide_deployment(deployment: Deployment, actor, *, confirm: bool) -> Deployment:
    require(actor, CatalogueAction.CONFIRM_DEPLOYMENT, deployment.case_study.city)
    deployment.status = DeploymentStatus.CONFIRMED if confirm else DeploymentStatus.DECLINED
    deployment.decided_by = actor
    deployment.decided_at = timezone.now()
    deployment.save(update_fields=["status", "decided_by", "decided_at"])
    return deployment


# --- Challenges -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Solution:
    title: str
    url: str
    owner: str = ""


def solutions_for(challenge: Challenge, user, limit: int = 6) -> dict[str, list[Solution]]:
    """Case studies from other cities and offerings that may answer a challenge: found by its
    text through search; by its themes and domain while search is unavailable."""
    text = f"{challenge.title}\n{challenge.problem}"

    def matches(kind: str) -> list:
        found = ask(lambda engine: engine.matching(
            text, kinds=[kind], audiences=search_audiences(user), language=get_language(),
            limit=limit + 3))
        return [hit for hit in found if hit.organisation != challenge.city.slug][:limit]

    try:
        hits = {kind: matches(kind) for kind in ("case_study", "offering")}
    except SearchUnavailable:
        return {
            "case_study": [Solution(c.title, c.url, c.city.name)
                           for c in challenge.matching_case_studies()],
            "offering": [Solution(o.name, o.get_absolute_url(), o.vendor.name)
                         for o in challenge.matching_offerings()],
        }
    owners = facet_labels("city", {h.organisation for found in hits.values() for h in found})
    return {kind: [Solution(h.title, h.url, owners.get(h.organisation, "")) for h in found]
            for kind, found in hits.items()}


def organisations_that_may_respond(user, challenge: Challenge) -> QuerySet:
    return (Organisation.objects.active().filter(pk__in=viewer(user).memberships.keys())
            .exclude(pk=challenge.city_id))


@transaction.atomic
def post_challenge(form: ModelForm, actor) -> Challenge:
    """Post or update a challenge from its validated form."""
    challenge = form.save(commit=False)
    require(actor, CatalogueAction.POST_CHALLENGE, challenge.city)
    if not challenge.slug:
        challenge.slug = _unique_slug(Challenge, challenge.title_en, challenge.title_ko)
        challenge.created_by = actor
    challenge.save()
    form.save_m2m()
    return challenge


@transaction.atomic
def respond_to_challenge(challenge: Challenge, organisation: Organisation, actor, *,
                         proposal: str, case_study: CaseStudyPage | None = None,
                         offering: VendorOffering | None = None) -> ChallengeResponse:
    """Answer (or update the answer to) a challenge; its author hears of a new answer."""
    require(actor, CatalogueAction.RESPOND_TO_CHALLENGE, organisation)
    if organisation.pk == challenge.city_id:
        raise ValidationError(_("A city cannot answer its own challenge."))
    if not challenge.is_open:
        raise ValidationError(_("This challenge closed on %(date)s.")
                              % {"date": date_format(challenge.deadline)})
    if offering is not None and offering.vendor_id != organisation.pk:
        raise ValidationError(_("You can only propose your own organisation's offerings."))
    response, created = ChallengeResponse.objects.update_or_create(
        challenge=challenge, organisation=organisation,
        defaults={"author": actor, "proposal": proposal.strip(), "case_study": case_study,
                  "offering": offering},
    )
    if created:
        # Answers are for the city: its author while still acting for it, else its address.
        author = challenge.created_by
        context = {"response": response, "challenge": challenge}
        url = reverse("catalogue:challenge", args=[challenge.slug])
        if author is not None and check(author, CatalogueAction.POST_CHALLENGE, challenge.city):
            notify.tell(author, notify.CHALLENGE_ACTIVITY,
                        "solutions_catalog/email/challenge_response", context, url=url)
        elif challenge.city.contact_email:
            notify.tell_address(challenge.city.contact_email, notify.CHALLENGE_ACTIVITY,
                                "solutions_catalog/email/challenge_response", context, url=url)
    return response


@transaction.atomic
def shortlist(response: ChallengeResponse, actor, *, shortlisted: bool = True) -> None:
    require(actor, CatalogueAction.POST_CHALLENGE, response.challenge.city)
    if response.shortlisted == shortlisted:
        return
    response.shortlisted = shortlisted
    response.save(update_fields=["shortlisted"])
    if shortlisted and response.author is not None:
        notify.tell(response.author, notify.CHALLENGE_ACTIVITY,
                    "solutions_catalog/email/shortlisted",
                    {"response": response, "challenge": response.challenge},
                    url=reverse("catalogue:challenge", args=[response.challenge.slug]))
