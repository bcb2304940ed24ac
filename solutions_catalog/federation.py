"""What the catalogue publishes to peer nodes: live public case studies (one item per
translation key, both languages), adoptions whose case study and adopting city are public,
and the data sets public case studies use and share back (also the DCAT-AP catalogue). Never
the contact person, members-only documents, drafts or free-text notes of a person."""

import html

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from federation.iris import item_iri
from federation.items import absolute_url, iso, item, number
from federation.registry import PublishedType, register
from harvest.models import HarvestedItem
from members.models import Organisation

from .models import (
    Adoption,
    AdoptionResult,
    AdoptionStage,
    CaseStudyPage,
    DataFormat,
    DataSet,
)

# DCAT-AP's controlled vocabularies (EU Publications Office authority tables).
EU = "http://publications.europa.eu/resource/authority"
FILE_TYPES = {DataFormat.CSV: "CSV", DataFormat.JSON: "JSON", DataFormat.GEOJSON: "GEOJSON",
              DataFormat.XLSX: "XLSX", DataFormat.XML: "XML", DataFormat.API: "JSON"}
DATA_THEMES = {"mobility": "TRAN", "sustainability": "ENVI", "connectivity": "TECH",
               "cybersecurity": "TECH", "resilience": "ENVI"}


def public_case_studies():
    return CaseStudyPage.objects.live().public()


def _plain(rich_text: str) -> str:
    return html.unescape(strip_tags(rich_text)).strip()


def _outcomes(versions: list[CaseStudyPage]) -> list[dict]:
    """The source version's KPIs, each named in every language it is written in: the
    translation's KPI of the same translation key, else the one in the same place."""
    source = list(versions[0].kpis.all())
    names = [{versions[0].locale.language_code: kpi.metric} for kpi in source]
    for page in versions[1:]:
        kpis = list(page.kpis.all())
        by_key = {kpi.translation_key: kpi for kpi in kpis}
        for n, kpi in enumerate(source):
            same = by_key.get(kpi.translation_key) or (
                kpis[n] if len(kpis) == len(source) else None)
            if same is not None:
                names[n][page.locale.language_code] = same.metric
    return [{"scc:indicator": kpi.indicator.code if kpi.indicator else None,
             "name": name, "value": number(kpi.result), "unit": kpi.unit,
             "scc:baseline": number(kpi.baseline), "scc:measuredOn": iso(kpi.measured_on)}
            for kpi, name in zip(source, names, strict=True)]


def case_study_item(versions: list[CaseStudyPage]) -> dict:
    versions = sorted(versions, key=lambda page: page.pk)  # the source first
    by_language = {page.locale.language_code: page for page in versions}
    source = versions[0]
    city = source.city
    return item(item_iri("case-study", str(source.translation_key)), "scc:CaseStudy", {
        "name": {code: page.title for code, page in by_language.items()},
        "description": {code: page.summary for code, page in by_language.items()},
        "url": {code: absolute_url(page.get_url()) for code, page in by_language.items()},
        "scc:body": {code: _plain(f"{page.problem}\n{page.approach}")
                     for code, page in by_language.items()},
        "scc:theme": sorted(theme.slug for theme in source.themes.all()),
        "scc:city": {"name": {"ko": city.name_ko, "en": city.name_en},
                     "addressCountry": city.country.code},
        "scc:evidenceLevel": source.evidence_level.slug if source.evidence_level else None,
        "scc:outcome": _outcomes(versions),
        "scc:usesDataset": sorted(item_iri("dataset", str(d.pk))
                                  for d in source.datasets_used.all()),
        "scc:sharesDataset": sorted(item_iri("dataset", str(d.pk))
                                    for d in source.datasets_shared.all()),
        "datePublished": iso(min(p.first_published_at for p in versions)),
        "dateModified": iso(max(p.last_published_at for p in versions)),
    })


def _under_restriction(restriction: PageViewRestriction) -> list[str]:
    """A page's privacy changed: every case study below it may now be public or not."""
    below = Page.objects.descendant_of(restriction.page, inclusive=True)
    return [str(key) for key in CaseStudyPage.objects.filter(pk__in=below.values("pk"))
            .values_list("translation_key", flat=True).distinct()]


register(PublishedType(
    kind="case-study", type="scc:CaseStudy", model=CaseStudyPage,
    public=lambda: (public_case_studies()
                    .select_related("city", "locale", "evidence_level")
                    .prefetch_related("themes", "kpis__indicator", "datasets_used",
                                      "datasets_shared")),
    to_item=case_study_item, key_field="translation_key",
    related={
        PageViewRestriction: _under_restriction,
        Organisation: lambda org: [str(key) for key in org.case_studies
                                   .values_list("translation_key", flat=True).distinct()],
    },
))


def _result(result: AdoptionResult) -> dict:
    indicator = result.indicator
    return {"scc:indicator": indicator.code,
            "name": {"ko": indicator.name_ko, "en": indicator.name_en},
            "value": number(result.value), "unit": result.unit,
            "scc:baseline": number(result.baseline), "scc:measuredOn": iso(result.measured_on),
            "scc:evidenceLevel": result.evidence_level.slug if result.evidence_level else None}


def _origin(adoption: Adoption) -> tuple[dict, dict, str]:
    """The replicated case study's titles in each language, its page here (whose lineage
    shows the adoption) and IRI: this node's own, or one harvested from a peer (its IRI
    there)."""
    origin = adoption.origin
    if origin is not None:
        titles = {"ko": adoption.origin_title_ko or origin.title,
                  "en": adoption.origin_title_en or origin.title}
        return (titles, {origin.locale.language_code: absolute_url(origin.get_url())},
                item_iri("case-study", str(origin.translation_key)))
    remote = adoption.remote_origin
    urls = {}
    for language in ("ko", "en"):
        with translation.override(language):
            urls[language] = absolute_url(
                reverse("catalogue:harvested_case_study", args=[remote.pk]))
    titles = {"ko": remote.title_ko or remote.title_en, "en": remote.title_en or remote.title_ko}
    return titles, urls, adoption.remote_origin_iri


def adoption_item(rows: list[Adoption]) -> dict:
    adoption = rows[0]
    adopter = adoption.adopter
    titles, origin_urls, origin_iri = _origin(adoption)
    stages = list(adoption.stages.all())
    results = list(adoption.results.all())
    modified = max([adoption.updated_at, *(s.created_at for s in stages),
                    *(r.created_at for r in results)])
    return item(item_iri("adoption", str(adoption.pk)), "scc:Adoption", {
        "name": {code: f"{getattr(adopter, f'name_{code}')}: {titles[code]}"
                 for code in ("ko", "en")},
        # The replicated case study's page shows the adoption in its lineage.
        "url": origin_urls,
        "scc:origin": origin_iri,
        "scc:adopter": {"name": {"ko": adopter.name_ko, "en": adopter.name_en},
                        "addressCountry": adopter.country.code},
        "scc:stage": adoption.status,
        "scc:stages": [{"scc:stage": s.stage, "scc:reachedOn": iso(s.reached_on)}
                       for s in stages],
        "scc:result": [_result(r) for r in results],
        "scc:adapted": list(adoption.adapted_aspects),
        "scc:adopterCaseStudy": (item_iri("case-study", str(adoption.adopter_case_study_key))
                                 if adoption.adopter_case_study_key else None),
        "datePublished": iso(adoption.created_at),
        "dateModified": iso(modified),
    })


def public_adoptions():
    public_pages = public_case_studies()
    # A replication of a harvested case study is published while the case study is (it
    # is public by construction); its IRI at the origin is the adoption's scc:origin.
    return (Adoption.objects.filter(Q(origin__in=public_pages) | Q(remote_origin__isnull=False),
                                    adopter__in=Organisation.objects.active())
            .annotate(adopter_case_study_key=Subquery(  # only if that page is public too
                public_pages.filter(pk=OuterRef("adopter_case_study_id"))
                .values("translation_key")[:1]),
                **{f"origin_title_{code}": Subquery(
                    public_pages.filter(translation_key=OuterRef("origin__translation_key"),
                                        locale__language_code=code).values("title")[:1])
                   for code in ("ko", "en")}))


def adoptions_of_harvested(item: HarvestedItem) -> list[str]:
    """A harvested case study gone (or back) takes its replications out of (or back into)
    what this node publishes."""
    if item.kind != "case-study":
        return []
    return [str(pk) for pk in Adoption.objects.filter(
        remote_origin_iri=item.iri).values_list("pk", flat=True)]


def _adoptions_of_page(page: CaseStudyPage) -> list[str]:
    return [str(pk) for pk in Adoption.objects.filter(
        origin__translation_key=page.translation_key).values_list("pk", flat=True)]


register(PublishedType(
    kind="adoption", type="scc:Adoption", model=Adoption,
    public=lambda: (public_adoptions()
                    .select_related("origin", "origin__locale", "adopter", "remote_origin")
                    .prefetch_related("stages", "results__indicator",
                                      "results__evidence_level")),
    to_item=adoption_item,
    related={
        AdoptionStage: lambda stage: [str(stage.adoption_id)],
        AdoptionResult: lambda result: [str(result.adoption_id)],
        CaseStudyPage: _adoptions_of_page,
        Organisation: lambda org: [str(pk) for pk in org.adoptions.values_list("pk", flat=True)],
        HarvestedItem: adoptions_of_harvested,
    },
))


def dataset_item(rows: list[DataSet]) -> dict:
    dataset = rows[0]
    publisher = dataset.publisher
    iri = item_iri("dataset", str(dataset.pk))
    themes = sorted(theme.slug for theme in dataset.themes.all())
    distribution = {"type": "dcat:Distribution", "dcat:accessURL": dataset.access_url,
                    "dct:format": f"{EU}/file-type/{FILE_TYPES[dataset.format]}",
                    "dct:license": dataset.licence}
    return item(iri, "dcat:Dataset", {
        "name": {"ko": dataset.name_ko, "en": dataset.name_en},
        "description": {"ko": dataset.description_ko, "en": dataset.description_en},
        "identifier": iri,
        "publisher": {"id": item_iri("organisation", str(publisher.pk)), "type": "foaf:Agent",
                      "foaf:name": {"ko": publisher.name_ko, "en": publisher.name_en}},
        "url": ({code: dataset.landing_url for code in ("ko", "en")}
                if dataset.landing_url else None),
        "dcat:landingPage": dataset.landing_url or None,
        "dcat:distribution": [distribution],
        "dcat:theme": sorted({f"{EU}/data-theme/{DATA_THEMES[slug]}" for slug in themes
                              if slug in DATA_THEMES}),
        "scc:theme": themes,
        "dateModified": iso(dataset.updated_at),
        "datePublished": iso(dataset.created_at),
    })


def public_datasets():
    """The data sets a public case study uses or shares back, from an active publisher: one
    that only a draft or members-only case study names stays here."""
    public_pages = public_case_studies()
    return DataSet.objects.filter(
        Q(pk__in=public_pages.values("datasets_used")) |
        Q(pk__in=public_pages.values("datasets_shared")),
        publisher__in=Organisation.objects.active())


def _datasets_of(pages) -> list[str]:
    """The data sets any language version of ``pages`` uses or shares back."""
    keys = pages.values("translation_key")
    return [str(pk) for pk in DataSet.objects.filter(
        Q(used_by__translation_key__in=keys) | Q(shared_by__translation_key__in=keys))
        .values_list("pk", flat=True).distinct()]


def _datasets_under_restriction(restriction: PageViewRestriction) -> list[str]:
    below = Page.objects.descendant_of(restriction.page, inclusive=True)
    return _datasets_of(CaseStudyPage.objects.filter(pk__in=below.values("pk")))


register(PublishedType(
    kind="dataset", type="dcat:Dataset", model=DataSet,
    public=lambda: (public_datasets().select_related("publisher")
                    .prefetch_related("themes")),
    to_item=dataset_item,
    related={
        # Saved before its data sets are: page_published (after them) names the new ones.
        CaseStudyPage: lambda page: _datasets_of(
            CaseStudyPage.objects.filter(translation_key=page.translation_key)),
        PageViewRestriction: _datasets_under_restriction,
        Organisation: lambda org: [str(pk) for pk in org.datasets.values_list("pk", flat=True)],
    },
))
