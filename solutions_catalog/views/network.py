"""A case study harvested from a peer node: read-only, public like everything harvested."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ..harvested import harvested_case_studies, shown


def harvested_case_study(request: HttpRequest, pk: int) -> HttpResponse:
    found = shown(harvested_case_studies().filter(pk=pk))
    if not found:
        raise Http404
    return render(request, "solutions_catalog/harvested_case_study.html",
                  {"case": found[0]})
