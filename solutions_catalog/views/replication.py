"""A replication's own page for the adopting city's people (stages, adaptations, results) and
"Start replicating" from a case study's kit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.messages import flash_errors, form_errors
from members.permissions import require

from .. import replication
from ..case_study_forms import STEPS
from ..evidence import results_of
from ..forms import AdaptationForm, AdoptionResultForm, AdoptionStageForm, ReplicateForm
from ..harvested import shown_one
from ..models import Adoption, CaseStudyPage
from ..permissions import CatalogueAction
from ..services import cities_that_may_adopt

FORMS = {"stage": (AdoptionStageForm, replication.record_stage,
                   gettext_lazy("The stage is recorded.")),
         "adaptation": (AdaptationForm, replication.record_adaptation,
                        gettext_lazy("What you adapted is recorded.")),
         "result": (AdoptionResultForm, replication.record_result,
                    gettext_lazy("The result is recorded."))}


@login_required
@require_POST
def replicate(request: HttpRequest, page_id: int) -> HttpResponse:
    source = get_object_or_404(CaseStudyPage.objects.live(), pk=page_id)
    form = ReplicateForm(request.POST, cities=cities_that_may_adopt(request.user, source))
    if not form.is_valid():
        flash_errors(request, form_errors(form))
        return redirect(source.url)
    index = replication.catalogue_for(get_language()[:2]) or source.get_parent().specific
    try:
        adoption = replication.start_replicating(source, form.cleaned_data["adopter"],
                                                 request.user, index=index)
    except ValidationError as error:
        flash_errors(request, error.messages)
        return redirect(source.url)
    messages.success(request, _("Your city's replication has started: complete its draft "
                                "case study, then record stages and results on its page."))
    return redirect("catalogue:write_step", adoption.adopter_case_study_id, STEPS[0].slug)


def _forms(adoption: Adoption, data=None, which: str = "") -> dict:
    return {f"{name}_form": form_class(data if name == which else None, adoption=adoption)
            if name != "adaptation" else form_class(data if name == which else None,
                                                    instance=adoption)
            for name, (form_class, _save, _done) in FORMS.items()}


@login_required
def adoption_detail(request: HttpRequest, pk: int) -> HttpResponse:
    adoption = get_object_or_404(
        Adoption.objects.select_related("adopter", "origin", "adopter_case_study",
                                        "remote_origin__peer"), pk=pk)
    require(request.user, CatalogueAction.RECORD_ADOPTION_OUTCOMES, adoption.adopter)
    which = request.POST.get("form", "") if request.method == "POST" else ""
    forms = _forms(adoption, request.POST, which)
    if which in FORMS:
        form = forms[f"{which}_form"]
        _form_class, save, done = FORMS[which]
        if form.is_valid():
            save(form, request.user)
            messages.success(request, str(done))
            return redirect(reverse("catalogue:adoption", args=[adoption.pk]))
    remote_origin = shown_one(adoption.remote_origin)
    origin_here = (CaseStudyPage.objects.versions_for([adoption.origin]).get(
        adoption.origin.translation_key, adoption.origin) if adoption.origin else None)
    return render(request, "solutions_catalog/adoption_detail.html", {
        "adoption": adoption, "origin_here": origin_here,
        "remote_origin": remote_origin,
        "origin_title": origin_here.title if origin_here else str(remote_origin.title
                                                                   if remote_origin else ""),
        "stages": adoption.stages.all(), "results": results_of(adoption), **forms},
        status=400 if which in FORMS else 200)
