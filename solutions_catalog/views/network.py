"""A case study harvested from a peer node: read-only, public like everything harvested;
anyone signed in may follow its replication, and a city may record that it replicates it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.messages import flash_errors, form_errors

from .. import following, replication, services
from ..case_study_forms import STEPS
from ..forms import AdoptionForm, ReplicateForm
from ..harvested import adoptions_of, harvested_case_studies, reader_language, shown
from ..models import Adoption, CaseStudyFollow


def harvested_case_study(request: HttpRequest, pk: int) -> HttpResponse:
    found = shown(harvested_case_studies().filter(pk=pk))
    if not found:
        raise Http404
    case, cities = found[0], services.cities_of(request.user)
    return render(request, "solutions_catalog/harvested_case_study.html", {
        "case": case,
        "adoptions": Adoption.objects.filter(remote_origin_iri=case.item.iri)
        .select_related("adopter").prefetch_related("stages"),
        "remote_adoptions": adoptions_of([case.item.iri]),
        "following": CaseStudyFollow.objects.of(request.user).of_harvested(
            case.item.iri).exists(),
        "adoption_form": AdoptionForm(cities=cities) if cities.exists() else None,
        "replicate_form": ReplicateForm(cities=cities) if cities.exists() else None,
        "my_adoptions": Adoption.objects.filter(remote_origin_iri=case.item.iri,
                                                adopter__in=cities).select_related("adopter"),
    })


@login_required
@require_POST
def replicate_harvested(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(harvested_case_studies(), pk=pk)
    form = ReplicateForm(request.POST, cities=services.cities_of(request.user))
    if not form.is_valid():
        flash_errors(request, form_errors(form))
        return redirect(reverse("catalogue:harvested_case_study", args=[pk]))
    index = replication.catalogue_for(reader_language())
    if index is None:
        flash_errors(request, [_("This portal has no catalogue to write the draft in yet.")])
        return redirect(reverse("catalogue:harvested_case_study", args=[pk]))
    adoption = replication.start_replicating_harvested(
        item, form.cleaned_data["adopter"], request.user, index=index)
    messages.success(request, _("Your city's replication has started: complete its draft "
                                "case study, then record stages and results on its page."))
    return redirect("catalogue:write_step", adoption.adopter_case_study_id, STEPS[0].slug)


@login_required
@require_POST
def follow_harvested(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(harvested_case_studies(), pk=pk)
    following.follow_harvested(request.user, item)
    messages.success(request, _("You follow this case study: cities replicating it will show "
                                "on your dashboard."))
    return redirect(reverse("catalogue:harvested_case_study", args=[pk]))


@login_required
@require_POST
def unfollow_harvested(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(harvested_case_studies(), pk=pk)
    following.unfollow_harvested(request.user, item.iri)
    messages.success(request, _("You no longer follow this case study."))
    return redirect(reverse("catalogue:harvested_case_study", args=[pk]))


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
