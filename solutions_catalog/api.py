"""The open-data API of the public catalogue: read-only, documented by OpenAPI at
/api/docs, under the licence in ``settings.OPEN_DATA_LICENCE``. Only public fields: no
contact people, no members-only documents. A case study written only in the other language
is listed too, after those in the language asked for, with its own ``language``."""

import csv
import datetime
from decimal import Decimal

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from common.api import ERRORS, documented
from common.exports import csv_safe
from common.facets import apply_facets

from .catalogue import FACETS
from .models import Adoption, CaseStudyPage

router = Router(tags=["catalogue"])
LANGUAGES = sorted(code for code, _name in settings.LANGUAGES)
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
Language = documented(str, enum=LANGUAGES)


class NamedOut(Schema):
    slug: str
    name: str


class KPIOut(Schema):
    metric: str
    baseline: Decimal | None
    result: Decimal
    unit: str
    measured_on: datetime.date | None
    indicator: str | None = Field(description=(
        "The code of the standard indicator the outcome is measured on (ISO 37120/37122/"
        "37123, ITU U4SSC), as at /indicators/<code>/; null: not comparable across cities."))


class ReplicatesOut(Schema):
    id: str = Field(description="The id of the case study this one replicates")
    url: str
    city: str
    status: str


class PartnerOut(Schema):
    organisation: NamedOut
    role: str


class CaseStudyOut(Schema):
    id: str  # the same for every language version of one case study
    language: str = Field(description=(
        "The language of this version's text (ko or en). A case study with no version in "
        "the language asked for comes in its other language, after the others."))
    title: str
    summary: str
    url: str
    city: NamedOut
    country: str
    themes: list[str]
    service_domain: str | None
    maturity: str | None
    funding_model: str | None
    public_share_percent: int | None
    budget: Decimal | None
    currency: str
    started_on: datetime.date | None
    ended_on: datetime.date | None
    first_published_at: datetime.datetime | None
    evidence_level: int | None
    privacy_assessment: str = Field(description=(
        "not_required, planned, in_progress or completed"))
    kpis: list[KPIOut]
    partners: list[PartnerOut]
    replicates: list[ReplicatesOut] = Field(description=(
        "Lineage: the case studies this one replicates, by their id and URL"))


class CaseStudyList(Schema):
    licence: str
    count: int
    page: int
    page_size: int
    results: list[CaseStudyOut]


def _named(obj, language: str) -> dict:
    return {"slug": obj.slug, "name": getattr(obj, f"name_{language}") or obj.name_en}


def _slug(obj) -> str | None:
    return obj.slug if obj else None


def lineage(pages: list[CaseStudyPage], language: str, base_url: str) -> dict:
    """translation key → what each of ``pages`` replicates (the origins' versions a reader of
    ``language`` sees), in the same three queries whatever the pages and their lineage."""
    adoptions = Adoption.objects.filter(
        adopter_case_study__translation_key__in={p.translation_key for p in pages},
        origin__isnull=False)
    versions = {page.translation_key: page for page in CaseStudyPage.objects.for_reader(
        language).filter(translation_key__in=adoptions.values("origin__translation_key"))}
    found: dict = {}
    for adoption in adoptions.select_related("adopter_case_study", "origin__city"):
        origin = versions.get(adoption.origin.translation_key, adoption.origin)
        found.setdefault(adoption.adopter_case_study.translation_key, []).append({
            "id": str(adoption.origin.translation_key), "url": base_url + origin.url,
            "city": adoption.origin.city.slug, "status": adoption.status})
    return found


def serialise(page: CaseStudyPage, language: str, base_url: str,
              replicates: dict | None = None) -> dict:
    """``page`` (from ``for_reader``) with its taxonomy and partners named in ``language``,
    the reader's; ``replicates`` from ``lineage``."""
    return {
        "id": str(page.translation_key), "language": page.language, "title": page.title,
        "summary": page.summary, "url": base_url + page.url,
        "city": _named(page.city, language), "country": page.city.country.code,
        "themes": [t.slug for t in page.themes.all()],
        "service_domain": _slug(page.service_domain), "maturity": _slug(page.maturity),
        "funding_model": _slug(page.funding_model),
        "public_share_percent": page.public_share_percent, "budget": page.budget,
        "currency": page.currency, "started_on": page.started_on, "ended_on": page.ended_on,
        "first_published_at": page.first_published_at,
        "evidence_level": page.evidence_level.level if page.evidence_level else None,
        "privacy_assessment": page.privacy_assessment,
        "kpis": [{"metric": k.metric, "baseline": k.baseline, "result": k.result,
                  "unit": k.unit, "measured_on": k.measured_on,
                  "indicator": k.indicator.code if k.indicator else None}
                 for k in page.kpis.all()],
        "partners": [{"organisation": _named(p.organisation, language), "role": p.role}
                     for p in page.partners.all()],
        "replicates": (replicates or {}).get(page.translation_key, []),
    }


def public_case_studies(request: HttpRequest, lang: str):
    if lang not in LANGUAGES:
        raise HttpError(400, f"lang must be one of: {', '.join(sorted(LANGUAGES))}")
    base = CaseStudyPage.objects.for_reader(lang)
    params = QueryDict(mutable=True)
    params.update(request.GET)
    with translation.override(lang):
        result = apply_facets(base, FACETS, params)
    if result.errors:
        raise HttpError(400, " ".join(str(e) for e in result.errors))
    return (result.queryset
            .select_related("city", "service_domain", "maturity", "funding_model",
                            "evidence_level")
            .prefetch_related("themes", "kpis__indicator", "partners__organisation")
            .reader_first("-first_published_at", "pk"))


@router.get("/case-studies", response={200: CaseStudyList, **ERRORS},
            summary="Public case studies",
            description="Filters repeat for several values: ?theme=mobility&theme=resilience. "
                        "theme, domain, maturity, funding, city take slugs; country takes an "
                        "ISO 3166 code.")
def case_studies(request: HttpRequest, lang: Language = "en",
                 page: documented(int, minimum=1, maximum=MAX_PAGE) = 1,
                 page_size: documented(int, minimum=1, maximum=MAX_PAGE_SIZE) = 50,
                 theme: str = "", domain: str = "", maturity: str = "", funding: str = "",
                 city: str = "", country: str = ""):
    if not 1 <= page <= MAX_PAGE or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise HttpError(400, f"page must be between 1 and {MAX_PAGE} and page_size between 1 "
                             f"and {MAX_PAGE_SIZE}")
    queryset = public_case_studies(request, lang)
    count = queryset.count()
    window = list(queryset[(page - 1) * page_size: page * page_size])
    base_url = request.build_absolute_uri("/").rstrip("/")
    replicates = lineage(window, lang, base_url)
    return {"licence": settings.OPEN_DATA_LICENCE, "count": count, "page": page,
            "page_size": page_size,
            "results": [serialise(p, lang, base_url, replicates) for p in window]}


CSV_COLUMNS = ["id", "language", "title", "summary", "url", "city", "country", "themes",
               "service_domain", "maturity", "funding_model", "public_share_percent",
               "budget", "currency", "started_on", "ended_on", "evidence_level",
               "privacy_assessment", "indicators", "replicates", "replicates_url"]


@router.get("/case-studies.csv", response=ERRORS, summary="Public case studies as CSV",
            description="The same filters as /case-studies; every row, no paging.",
            openapi_extra={"responses": {200: {
                "description": "One row a case study, the columns of /case-studies",
                "content": {"text/csv": {"schema": {"type": "string"}}}}}})
def case_studies_csv(request: HttpRequest, lang: Language = "en", theme: str = "",
                     domain: str = "", maturity: str = "", funding: str = "", city: str = "",
                     country: str = ""):
    case_studies = list(public_case_studies(request, lang))  # checks lang before the file name
    base_url = request.build_absolute_uri("/").rstrip("/")
    replicates = lineage(case_studies, lang, base_url)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="case-studies-{lang}.csv"'
    response["X-Data-Licence"] = settings.OPEN_DATA_LICENCE
    response.write("\ufeff")  # so spreadsheet apps read the Korean correctly
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for page in case_studies:
        row = serialise(page, lang, base_url, replicates)
        row["city"] = row["city"]["slug"]
        row["themes"] = " ".join(row["themes"])
        row["indicators"] = " ".join(dict.fromkeys(k["indicator"] for k in row["kpis"]
                                                   if k["indicator"]))
        row["replicates_url"] = " ".join(origin["url"] for origin in row["replicates"])
        row["replicates"] = " ".join(origin["id"] for origin in row["replicates"])
        writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
    return response
