"""How the catalogue appears in search: published case studies (one document per language
version), listed offerings and challenges (both languages each). All of it is public; the
answers to challenges and unconfirmed deployments are never indexed."""

from collections.abc import Callable, Iterable, Iterator

from django.db.models import Model
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from harvest.models import HarvestedItem
from harvest.signals import items_stored
from members.models import Organisation
from search.registry import (
    PUBLIC,
    ConceptSeed,
    SearchableType,
    SearchRecord,
    language_codes,
    register,
    register_concepts,
    register_facet_labels,
)
from search.tasks import record_change, record_changes

from .harvested import harvested_case_studies, localised, node_labels
from .models import (
    CaseStudyPage,
    Challenge,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
    VendorOffering,
)


def case_study_records(page: CaseStudyPage) -> Iterator[SearchRecord]:
    yield SearchRecord(
        kind="case_study",
        object_id=str(page.pk),
        language=page.locale.language_code,
        title=page.title,
        summary=page.summary,
        body=strip_tags(f"{page.problem} {page.approach}"),
        themes=tuple(theme.slug for theme in page.themes.all()),
        domain=page.service_domain.slug if page.service_domain else "",
        maturity=page.maturity.slug if page.maturity else "",
        funding=page.funding_model.slug if page.funding_model else "",
        country=page.city.country.code,
        city=page.city.slug,
        organisation=page.city.slug,
        # The year a project started says more to a reader than when its page went up.
        date=page.started_on or (page.first_published_at.date()
                                 if page.first_published_at else None),
        url=page.get_url(),
        audiences=(PUBLIC,),
    )


def offering_records(offering: VendorOffering) -> Iterator[SearchRecord]:
    for language in language_codes():
        with translation.override(language):
            yield SearchRecord(
                kind="offering",
                object_id=str(offering.pk),
                language=language,
                title=offering.name,
                summary=offering.summary,
                themes=tuple(theme.slug for theme in offering.themes.all()),
                country=offering.vendor.country.code,
                organisation=offering.vendor.slug,
                date=offering.updated_at.date(),
                url=offering.get_absolute_url(),
                audiences=(PUBLIC,),
            )


def challenge_records(challenge: Challenge) -> Iterator[SearchRecord]:
    for language in language_codes():
        with translation.override(language):
            yield SearchRecord(
                kind="challenge",
                object_id=str(challenge.pk),
                language=language,
                title=challenge.title,
                summary=challenge.problem,
                themes=tuple(theme.slug for theme in challenge.themes.all()),
                domain=challenge.service_domain.slug if challenge.service_domain else "",
                country=challenge.city.country.code,
                city=challenge.city.slug,
                organisation=challenge.city.slug,
                date=challenge.created_at.date(),
                url=reverse("catalogue:challenge", args=[challenge.slug]),
                audiences=(PUBLIC,),
            )


register(SearchableType(
    kind="case_study",
    model=CaseStudyPage,
    indexable=lambda: (CaseStudyPage.objects.live().public()
                       .select_related("city", "locale", "service_domain", "maturity",
                                       "funding_model")
                       .prefetch_related("themes")),
    to_records=case_study_records,
    label=_("Case study"),
))
def _own(mapping: object, language: str) -> str:
    """The text of a language map in ``language`` only (a document per language)."""
    return str(mapping.get(language) or "") if isinstance(mapping, dict) else ""


def harvested_case_study_records(item: HarvestedItem) -> Iterator[SearchRecord]:
    """A case study harvested from a peer: one document per language its origin wrote, so a
    Korean query finds its Korean version (analysed here like any local text)."""
    data = item.data
    names = data.get("name") if isinstance(data.get("name"), dict) else {}
    city = data.get("scc:city") if isinstance(data.get("scc:city"), dict) else {}
    for language in language_codes():
        title = names.get(language) or getattr(item, f"title_{language}", "")
        if not title:
            continue
        with translation.override(language):
            yield SearchRecord(
                kind="harvested_case_study",
                object_id=str(item.pk),
                language=language,
                title=title,
                summary=getattr(item, f"summary_{language}", ""),
                body=" ".join((localised(city.get("name"), language).text,
                               _own(data.get("scc:body"), language))),
                themes=tuple(item.themes or ()),
                country=item.country,
                node=str(item.peer_id),
                organisation=str(item.peer_id),
                date=item.modified_at.date() if item.modified_at else None,
                url=reverse("catalogue:harvested_case_study", args=[item.pk]),
                audiences=(PUBLIC,),
            )


register(SearchableType(
    kind="harvested_case_study",
    model=HarvestedItem,
    indexable=harvested_case_studies,
    to_records=harvested_case_study_records,
    label=_("Case study from another node"),
))
register_facet_labels("node", node_labels)


def _harvested_items_stored(sender, items: list[HarvestedItem], **kwargs) -> None:
    """The harvester stores a page of items in bulk statements (no save signals) and then
    announces them: the harvested case studies' documents follow, in one batch. A removed
    item's go with its row's deletion signal, which the registry connects."""
    cases = [item for item in items if item.kind == "case-study"]
    unknown = [item.iri for item in cases if item.pk is None]
    pks = [item.pk for item in cases if item.pk is not None] + list(
        HarvestedItem.objects.filter(iri__in=unknown).values_list("pk", flat=True)
        if unknown else [])
    record_changes("harvested_case_study", [str(pk) for pk in pks])


items_stored.connect(_harvested_items_stored, sender=HarvestedItem,
                     dispatch_uid="search-harvested-case-studies-stored")
register(SearchableType(
    kind="offering",
    model=VendorOffering,
    indexable=lambda: (VendorOffering.objects.listed().select_related("vendor")
                       .prefetch_related("themes")),
    to_records=offering_records,
    label=_("Offering"),
))
register(SearchableType(
    kind="challenge",
    model=Challenge,
    indexable=lambda: (Challenge.objects.select_related("city", "service_domain")
                       .prefetch_related("themes")),
    to_records=challenge_records,
    label=_("Challenge"),
))


def _taxonomy_labels(model: type[Model]) -> Callable[[Iterable[str]], dict[str, str]]:
    def labels(slugs: Iterable[str]) -> dict[str, str]:
        return {term.slug: term.name for term in model.objects.filter(slug__in=slugs)}

    return labels


for facet, taxonomy in (("theme", Theme), ("domain", ServiceDomain),
                        ("maturity", MaturityStage), ("funding", FundingModel)):
    register_facet_labels(facet, _taxonomy_labels(taxonomy))


def _organisation_changed(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """An organisation's status, name or country shows in its offerings, challenges and case
    studies: their documents follow it (suspending a vendor removes its offerings)."""
    if created or raw:
        return
    for kind, queryset in (("offering", instance.offerings.all()),
                           ("challenge", instance.challenges.all()),
                           ("case_study", instance.case_studies.all())):
        for pk in queryset.values_list("pk", flat=True):
            record_change(kind, str(pk))


post_save.connect(_organisation_changed, sender=Organisation,
                  dispatch_uid="search-organisation-dependants")


def taxonomy_concepts() -> Iterator[ConceptSeed]:
    """Every theme, service domain, maturity stage, funding and partnership model by its
    Korean and English name."""
    for model in (Theme, ServiceDomain, MaturityStage, FundingModel, PartnershipModel):
        for item in model.objects.all():
            yield ConceptSeed(key=f"{model._meta.model_name}:{item.slug}",
                              label_ko=item.name_ko, label_en=item.name_en)


register_concepts(taxonomy_concepts)
