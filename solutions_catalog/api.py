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
from .models import CaseStudyPage

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
    kpis: list[KPIOut]
    partners: list[PartnerOut]


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


def serialise(page: CaseStudyPage, language: str, base_url: str) -> dict:
    """``page`` (from ``for_reader``) with its taxonomy and partners named in ``language``,
    the reader's."""
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
        "kpis": [{"metric": k.metric, "baseline": k.baseline, "result": k.result,
                  "unit": k.unit, "measured_on": k.measured_on} for k in page.kpis.all()],
        "partners": [{"organisation": _named(p.organisation, language), "role": p.role}
                     for p in page.partners.all()],
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
            .select_related("city", "service_domain", "maturity", "funding_model")
            .prefetch_related("themes", "kpis", "partners__organisation")
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
    window = queryset[(page - 1) * page_size: page * page_size]
    base_url = request.build_absolute_uri("/").rstrip("/")
    return {"licence": settings.OPEN_DATA_LICENCE, "count": count, "page": page,
            "page_size": page_size, "results": [serialise(p, lang, base_url) for p in window]}


CSV_COLUMNS = ["id", "language", "title", "summary", "url", "city", "country", "themes",
               "service_domain", "maturity", "funding_model", "public_share_percent",
               "budget", "currency", "started_on", "ended_on"]


@router.get("/case-studies.csv", response=ERRORS, summary="Public case studies as CSV",
            description="The same filters as /case-studies; every row, no paging.",
            openapi_extra={"responses": {200: {
                "description": "One row a case study, the columns of /case-studies",
                "content": {"text/csv": {"schema": {"type": "string"}}}}}})
def case_studies_csv(request: HttpRequest, lang: Language = "en", theme: str = "",
                     domain: str = "", maturity: str = "", funding: str = "", city: str = "",
                     country: str = ""):
    case_studies = public_case_studies(request, lang)  # checks lang before it names the file
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="case-studies-{lang}.csv"'
    response["X-Data-Licence"] = settings.OPEN_DATA_LICENCE
    response.write("\ufeff")  # so spreadsheet apps read the Korean correctly
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for page in case_studies:
        row = serialise(page, lang, base_url)
        row["city"] = row["city"]["slug"]
        row["themes"] = " ".join(row["themes"])
        writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
    return response
