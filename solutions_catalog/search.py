"""How the catalogue appears in search: published case studies (one document per language
version), listed offerings and challenges (both languages each). All of it is public; the
answers to challenges and unconfirmed deployments are never indexed."""

from collections.abc import Iterator

from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from members.models import Organisation
from search.outbox import enabled, record_change
from search.registry import PUBLIC, SearchableType, SearchRecord, register

from .models import CaseStudyPage, Challenge, VendorOffering


def case_study_records(page: CaseStudyPage) -> Iterator[SearchRecord]:
    yield SearchRecord(
        kind="case_study",
        object_id=str(page.pk),
        language=page.locale.language_code,
        title=page.title,
        summary=page.summary,
        body=strip_tags(f"{page.problem} {page.approach}"),
        themes=tuple(theme.slug for theme in page.themes.all()),
        country=page.city.country.code,
        organisation=page.city.slug,
        date=page.first_published_at.date() if page.first_published_at else None,
        url=page.get_url(),
        audiences=(PUBLIC,),
    )


def offering_records(offering: VendorOffering) -> Iterator[SearchRecord]:
    for language in ("ko", "en"):
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
                url=reverse("catalogue:offering", args=[offering.slug]),
                audiences=(PUBLIC,),
            )


def challenge_records(challenge: Challenge) -> Iterator[SearchRecord]:
    for language in ("ko", "en"):
        with translation.override(language):
            yield SearchRecord(
                kind="challenge",
                object_id=str(challenge.pk),
                language=language,
                title=challenge.title,
                summary=challenge.problem,
                themes=tuple(theme.slug for theme in challenge.themes.all()),
                country=challenge.city.country.code,
                organisation=challenge.city.slug,
                date=challenge.created_at.date(),
                url=reverse("catalogue:challenge", args=[challenge.slug]),
                audiences=(PUBLIC,),
            )


register(SearchableType(
    kind="case_study",
    model=CaseStudyPage,
    indexable=lambda: (CaseStudyPage.objects.live().public()
                       .select_related("city", "locale").prefetch_related("themes")),
    to_records=case_study_records,
    text_fields=("title", "summary", "problem", "approach"),
))
register(SearchableType(
    kind="offering",
    model=VendorOffering,
    indexable=lambda: (VendorOffering.objects.listed().select_related("vendor")
                       .prefetch_related("themes")),
    to_records=offering_records,
    text_fields=("name_ko", "name_en", "summary_ko", "summary_en"),
))
register(SearchableType(
    kind="challenge",
    model=Challenge,
    indexable=lambda: Challenge.objects.select_related("city").prefetch_related("themes"),
    to_records=challenge_records,
    text_fields=("title_ko", "title_en", "problem_ko", "problem_en"),
))


def _organisation_changed(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """An organisation's status, name or country shows in its offerings, challenges and case
    studies: their documents follow it (suspending a vendor removes its offerings)."""
    if created or raw or not enabled():
        return
    for kind, queryset in (("offering", instance.offerings.all()),
                           ("challenge", instance.challenges.all()),
                           ("case_study", instance.case_studies.all())):
        for pk in queryset.values_list("pk", flat=True):
            record_change(kind, str(pk))


post_save.connect(_organisation_changed, sender=Organisation,
                  dispatch_uid="search-organisation-dependants")
