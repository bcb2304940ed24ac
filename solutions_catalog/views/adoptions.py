from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.messages import flash_errors, form_errors

from .. import following, services
from ..forms import AdoptionForm
from ..models import CaseStudyPage


@login_required
@require_POST
def adopt(request: HttpRequest, page_id: int) -> HttpResponse:
    case_study = get_object_or_404(CaseStudyPage.objects.live(), pk=page_id)
    form = AdoptionForm(request.POST,
                        cities=services.cities_that_may_adopt(request.user, case_study))
    if not form.is_valid():
        flash_errors(request, form_errors(form))
        return redirect(case_study.url)
    try:
        services.record_adoption(case_study, form.cleaned_data["adopter"], request.user,
                                 status=form.cleaned_data["status"],
                                 adapted=form.cleaned_data["adapted"],
                                 outcomes=form.cleaned_data["outcomes"])
    except ValidationError as error:
        flash_errors(request, error.messages)
    else:
        messages.success(request, _("Your city's adoption is recorded."))
    return redirect(case_study.url)


@login_required
@require_POST
def follow(request: HttpRequest, page_id: int) -> HttpResponse:
    case_study = get_object_or_404(CaseStudyPage.objects.live().public(), pk=page_id)
    following.follow(request.user, case_study)
    messages.success(request, _("You follow this case study: cities replicating it will show "
                                "on your dashboard."))
    return redirect(case_study.url)


@login_required
@require_POST
def unfollow(request: HttpRequest, page_id: int) -> HttpResponse:
    # Any case study, also one unpublished since: nobody should be stuck following it.
    case_study = get_object_or_404(CaseStudyPage, pk=page_id)
    following.unfollow(request.user, case_study)
    messages.success(request, _("You no longer follow this case study."))
    return redirect(case_study.url if case_study.live and case_study.url else "dashboard")
