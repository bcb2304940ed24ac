"""Operations of a replication: starting one from a case study's kit (the adoption and a
draft case study for the adopting city), its dated stages, what was adapted and its results."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import ModelForm
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members.models import Organisation
from members.permissions import require

from .models import (
    Adoption,
    AdoptionStage,
    CaseStudyKPI,
    CaseStudyPage,
    CatalogueIndexPage,
)
from .permissions import CatalogueAction
from .services import record_adoption


def _unique_child_slug(index: CatalogueIndexPage, base: str) -> str:
    base = slugify(base, allow_unicode=True)[:70] or "case-study"
    taken = set(CaseStudyPage.objects.child_of(index).filter(slug__startswith=base)
                .values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _draft_for(source: CaseStudyPage, city: Organisation, actor,
               index: CatalogueIndexPage) -> CaseStudyPage:
    """An unpublished case study of ``city`` with the source's indicators and units and
    empty figures, kept as a Wagtail draft revision for its authors to complete."""
    draft = CaseStudyPage(
        title=_("%(title)s in %(city)s") % {"title": source.title, "city": city.name},
        slug=_unique_child_slug(index, f"{city.slug}-{source.slug}"), city=city,
        summary="", problem="", approach="", locale=index.locale, owner=actor, live=False,
        currency=source.currency, service_domain=source.service_domain,
        funding_model=source.funding_model, partnership_model=source.partnership_model)
    index.add_child(instance=draft)
    draft.themes = list(source.themes.all())
    # The figures are the new city's to measure: the rows live in the draft revision only,
    # as a result cannot be empty in a saved row.
    draft.kpis = [CaseStudyKPI(metric=kpi.metric, unit=kpi.unit, indicator=kpi.indicator,
                               result=None, baseline=None, locale=index.locale)
                  for kpi in source.kpis.select_related("indicator")]
    draft.save_revision(user=actor, clean=False)
    return draft


@transaction.atomic
def start_replicating(source: CaseStudyPage, city: Organisation, actor, *,
                      index: CatalogueIndexPage) -> Adoption:
    """``city`` starts replicating ``source``: its adoption (exploring, unless it got further)
    and a draft case study under ``index`` prefilled with the source's indicators. Starting
    again returns the same adoption and draft."""
    require(actor, CatalogueAction.RECORD_ADOPTION, city)
    if city.pk == source.city_id:
        raise ValidationError(_("A city cannot adopt its own case study."))
    existing = Adoption.objects.filter(
        origin__translation_key=source.translation_key, adopter=city).first()
    adoption = existing or record_adoption(source, city, actor)
    if adoption.adopter_case_study_id is None:
        adoption.adopter_case_study = _draft_for(source, city, actor, index)
        adoption.save(update_fields=["adopter_case_study", "updated_at"])
    return adoption


def _sync_status(adoption: Adoption) -> None:
    latest = adoption.stages.order_by("-reached_on", "-pk").first()
    if latest is not None and latest.stage != adoption.status:
        adoption.status = latest.stage
        adoption.save(update_fields=["status", "updated_at"])


@transaction.atomic
def record_stage(form: ModelForm, actor) -> AdoptionStage:
    """Add a dated stage from its validated form; the latest stage is the adoption's status."""
    stage = form.save(commit=False)
    require(actor, CatalogueAction.RECORD_ADOPTION_OUTCOMES, stage.adoption.adopter)
    stage.recorded_by = actor
    stage.save()
    _sync_status(stage.adoption)
    return stage


@transaction.atomic
def record_adaptation(form: ModelForm, actor) -> Adoption:
    """What the adopting city adapted (kinds and a note), from its validated form."""
    adoption = form.save(commit=False)
    require(actor, CatalogueAction.RECORD_ADOPTION_OUTCOMES, adoption.adopter)
    adoption.save(update_fields=["adapted_aspects", "adapted", "updated_at"])
    return adoption


@transaction.atomic
def record_result(form: ModelForm, actor):
    """A result the adopting city measured, from its validated form."""
    result = form.save(commit=False)
    require(actor, CatalogueAction.RECORD_ADOPTION_OUTCOMES, result.adoption.adopter)
    result.recorded_by = actor
    result.save()
    result.adoption.save(update_fields=["updated_at"])
    return result
