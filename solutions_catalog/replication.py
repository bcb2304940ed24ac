"""Operations of a replication: starting one from a case study's kit (the adoption and a
draft case study for the adopting city), its dated stages, what was adapted and its results."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import ModelForm
from django.utils.text import slugify
from django.utils.translation import gettext as _

from harvest.models import HarvestedItem
from members.models import Organisation
from members.permissions import require

from .harvested import localised, shown_one
from .models import (
    Adoption,
    AdoptionStage,
    CaseStudyKPI,
    CaseStudyPage,
    CatalogueIndexPage,
)
from .permissions import CatalogueAction
from .services import record_adoption, record_remote_adoption


def catalogue_for(language: str) -> CatalogueIndexPage | None:
    """Where a replication's draft goes: the catalogue in ``language``, else the first."""
    catalogues = CatalogueIndexPage.objects.order_by("pk")
    return catalogues.filter(locale__language_code=language).first() or catalogues.first()


def _unique_child_slug(index: CatalogueIndexPage, base: str) -> str:
    base = slugify(base, allow_unicode=True)[:70] or "case-study"
    taken = set(CaseStudyPage.objects.child_of(index).filter(slug__startswith=base)
                .values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _draft(city: Organisation, actor, index: CatalogueIndexPage, *, title: str, slug: str,
           themes: list, kpis: list[CaseStudyKPI], **classification) -> CaseStudyPage:
    """An unpublished case study of ``city`` with the indicators and units of the one it
    replicates and empty figures, kept as a Wagtail draft revision for its authors."""
    draft = CaseStudyPage(
        title=_("%(title)s in %(city)s") % {"title": title, "city": city.name},
        slug=_unique_child_slug(index, f"{city.slug}-{slug}"), city=city, summary="",
        problem="", approach="", locale=index.locale, owner=actor, live=False, **classification)
    index.add_child(instance=draft)
    draft.themes = themes
    # The figures are the new city's to measure: the rows live in the draft revision only,
    # as a result cannot be empty in a saved row.
    for n, kpi in enumerate(kpis):
        kpi.locale, kpi.sort_order = index.locale, n
    draft.kpis = kpis
    draft.save_revision(user=actor, clean=False)
    return draft


def _draft_for(source: CaseStudyPage, city: Organisation, actor,
               index: CatalogueIndexPage) -> CaseStudyPage:
    return _draft(
        city, actor, index, title=source.title, slug=source.slug,
        themes=list(source.themes.all()),
        kpis=[CaseStudyKPI(metric=kpi.metric, unit=kpi.unit, indicator=kpi.indicator,
                           result=None, baseline=None)
              for kpi in source.kpis.select_related("indicator")],
        currency=source.currency, service_domain=source.service_domain,
        funding_model=source.funding_model, partnership_model=source.partnership_model)


def _draft_for_harvested(item: HarvestedItem, city: Organisation, actor,
                         index: CatalogueIndexPage) -> CaseStudyPage:
    """The draft for a case study of a peer node: its title in the catalogue's language
    where the origin wrote one, its themes known here, and its figures' indicators (those
    whose code this portal's library knows are comparable, the others keep their name)."""
    language = index.locale.language_code
    case = shown_one(item)
    kpis = []
    for entry in item.data.get("scc:outcome") or []:
        if not isinstance(entry, dict):
            continue
        code = str(entry.get("scc:indicator") or "")
        metric = localised(entry.get("name"), language).text or code
        if metric:
            kpis.append(CaseStudyKPI(metric=metric[:200], unit=str(entry.get("unit") or "")[:40],
                                     indicator=case.indicators.get(code), result=None,
                                     baseline=None))
    title = localised(item.data.get("name"), language).text[:200]  # a peer's, of any length
    return _draft(city, actor, index, title=title, slug=title, themes=case.themes, kpis=kpis)


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


@transaction.atomic
def start_replicating_harvested(item: HarvestedItem, city: Organisation, actor, *,
                                index: CatalogueIndexPage) -> Adoption:
    """As ``start_replicating``, for a case study harvested from a peer node: the adoption
    names it by its IRI (published here, so its node shows the city in its lineage)."""
    require(actor, CatalogueAction.RECORD_ADOPTION, city)
    existing = Adoption.objects.filter(remote_origin_iri=item.iri, adopter=city).first()
    adoption = existing or record_remote_adoption(item, city, actor)
    if adoption.adopter_case_study_id is None:
        adoption.adopter_case_study = _draft_for_harvested(item, city, actor, index)
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
