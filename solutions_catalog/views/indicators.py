"""Indicator pages: the library by theme, and every city's results on one indicator in one
unit, filtered by theme and country, with CSV and JSON downloads."""

import csv

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from common.exports import csv_safe
from common.facets import apply_facets, filters_of
from indicators.models import Indicator

from ..evidence import ADOPTION_FACETS, adoption_results_on
from ..indicators import FACETS, case_study_kpis, indicators_by_theme, results_on

CSV_COLUMNS = ["indicator", "city", "country", "value", "unit", "baseline", "change_percent",
               "measured_on", "reported_value", "reported_unit", "source", "case_study",
               "url", "evidence_level"]


def indicator_list(request: HttpRequest) -> HttpResponse:
    return render(request, "solutions_catalog/indicator_list.html",
                  {"themes": indicators_by_theme()})


def _results(request: HttpRequest, code: str):
    indicator = get_object_or_404(Indicator, code=code)
    language = (get_language() or "ko")[:2]
    found = apply_facets(case_study_kpis(indicator, language), FACETS, request.GET)
    adoptions = apply_facets(adoption_results_on(indicator, language), ADOPTION_FACETS,
                             request.GET)
    return indicator, found, results_on(indicator, language=language, kpis=found.queryset,
                                        adoptions=adoptions.queryset)


def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    indicator, found, results = _results(request, code)
    panel, applied = filters_of(found)
    return render(request, "solutions_catalog/indicator_detail.html", {
        "indicator": indicator, "results": results, "filters": panel,
        "query": applied.urlencode(),
    })


def _rows(request: HttpRequest, indicator: Indicator, results) -> list[dict]:
    base_url = request.build_absolute_uri("/").rstrip("/")
    return [{
        "indicator": indicator.code, "city": result.city.name, "country": result.city.country.code,
        "value": result.value, "unit": indicator.unit, "baseline": result.baseline,
        "change_percent": None if result.change is None else round(result.change, 1),
        "measured_on": result.measured_on, "reported_value": result.original_value,
        "reported_unit": result.original_unit, "source": result.source,
        "case_study": result.case_study.title if result.case_study else "",
        "url": base_url + result.case_study.url if result.case_study else "",
        "evidence_level": result.evidence_level.level if result.evidence_level else None,
    } for result in results]


def indicator_results_csv(request: HttpRequest, code: str) -> HttpResponse:
    indicator, _found, results = _results(request, code)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = code.replace(":", "-")
    response["Content-Disposition"] = f'attachment; filename="indicator-{filename}.csv"'
    response["X-Data-Licence"] = settings.OPEN_DATA_LICENCE
    response.write("\ufeff")  # so spreadsheet apps read the Korean correctly
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in _rows(request, indicator, results):
        writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
    return response


def indicator_results_json(request: HttpRequest, code: str) -> JsonResponse:
    indicator, found, results = _results(request, code)
    return JsonResponse({
        "licence": settings.OPEN_DATA_LICENCE,
        "indicator": {"code": indicator.code, "name_ko": indicator.name_ko,
                      "name_en": indicator.name_en, "standard": indicator.standard,
                      "theme": indicator.theme, "unit": indicator.unit,
                      "direction": indicator.direction, "sdg_target": indicator.sdg_target},
        "filters": found.selected, "errors": [str(error) for error in found.errors],
        "count": len(results), "results": _rows(request, indicator, results),
    }, json_dumps_params={"ensure_ascii": False})
