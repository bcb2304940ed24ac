"""A case study harvested from a peer node: read-only, public like everything harvested;
a city may record that it replicates it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.messages import flash_errors, form_errors

from .. import services
from ..forms import AdoptionForm
from ..harvested import harvested_case_studies, shown


def harvested_case_study(request: HttpRequest, pk: int) -> HttpResponse:
    found = shown(harvested_case_studies().filter(pk=pk))
    if not found:
        raise Http404
    cities = services.cities_of(request.user)
    return render(request, "solutions_catalog/harvested_case_study.html", {
        "case": found[0],
        "adoption_form": AdoptionForm(cities=cities) if cities.exists() else None,
    })


@login_required
@require_POST
def adopt_harvested(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(harvested_case_studies(), pk=pk)
    back = reverse("catalogue:harvested_case_study", args=[pk])
    form = AdoptionForm(request.POST, cities=services.cities_of(request.user))
    if not form.is_valid():
        flash_errors(request, form_errors(form))
        return redirect(back)
    try:
        adoption = services.record_remote_adoption(
            item, form.cleaned_data["adopter"], request.user,
            status=form.cleaned_data["status"], adapted=form.cleaned_data["adapted"],
            outcomes=form.cleaned_data["outcomes"])
    except ValidationError as error:
        flash_errors(request, error.messages)
        return redirect(back)
    messages.success(request, _("Your city's replication is recorded. Its stages and results "
                                "go to the portal this case study comes from."))
    return redirect(reverse("catalogue:adoption", args=[adoption.pk]))
