"""Writing a case study in the portal, step by step (each step a draft revision), its
preview, submission for review, and the list of one's cities' case studies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.messages import flash_errors
from members.permissions import require, visible

from .. import drafts
from ..case_study_forms import STEP_OF, STEPS, Step, step_of_field
from ..models import CaseStudyPage
from ..permissions import CatalogueAction
from ..services import cities_of


def _draft(user, page_id: int) -> CaseStudyPage:
    try:
        return drafts.draft_of(page_id, user)
    except ObjectDoesNotExist:
        raise Http404 from None


def _step_url(page: CaseStudyPage, step: Step) -> str:
    return reverse("catalogue:write_step", args=[page.pk, step.slug])


def _after(page: CaseStudyPage, step: Step, go: str) -> str:
    """Where a saved step leads: the next step, one chosen in the list, or the last check."""
    if go in STEP_OF:
        return _step_url(page, STEP_OF[go])
    position = STEPS.index(step)
    if go == "back" and position:
        return _step_url(page, STEPS[position - 1])
    if go == "next" and position + 1 < len(STEPS):
        return _step_url(page, STEPS[position + 1])
    if go in ("next", "finish"):
        return reverse("catalogue:write_submit", args=[page.pk])
    return _step_url(page, step)


def _one_more_row(data: QueryDict, prefix: str) -> QueryDict:
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    if key in data:
        data[key] = str(int(data[key] or 0) + 1)
    return data


@login_required
def write(request: HttpRequest, page_id: int | None = None, step: str = "problem"
          ) -> HttpResponse:
    if step not in STEP_OF or (page_id is None and step != STEPS[0].slug):
        raise Http404
    current = STEP_OF[step]
    cities = cities_of(request.user)
    if page_id is None:
        if not cities.exists():
            require(request.user, CatalogueAction.DRAFT_CASE_STUDY, None)  # refuses, saying why
        index = drafts.catalogue_for((get_language() or "ko")[:2])
        draft = CaseStudyPage(locale_id=index.locale_id)
    else:
        index, draft = None, _draft(request.user, page_id)
    data = request.POST if request.method == "POST" else None
    if data is not None and data.get("add_row"):  # without script: one more empty row
        data = _one_more_row(data, data["add_row"])
    form = current.form(data, request.FILES or None, instance=draft, user=request.user,
                        cities=cities)
    autosave = request.POST.get("autosave") == "1"
    if data is not None and not request.POST.get("add_row"):
        if form.is_valid():
            page = drafts.save_draft(form, request.user, form.new_document(), index)
            if autosave:
                return JsonResponse({"url": _step_url(page, current),
                                     "saved_at": time_format(timezone.localtime())})
            if request.POST.get("go") == "stay":
                messages.success(request, _("The draft is saved."))
            return redirect(_after(page, current, request.POST.get("go", "next")))
        if autosave:
            return JsonResponse({"errors": len(form.errors)}, status=400)
    return render(request, "solutions_catalog/write/step.html", {
        "form": form, "step": current, "steps": STEPS, "page": draft if draft.pk else None,
        "position": STEPS.index(current) + 1,
        "formsets": [(name, formset) for name, formset in form.formsets.items()],
    })


@login_required
def preview(request: HttpRequest, page_id: int) -> HttpResponse:
    """The draft as the published page will show it."""
    draft = _draft(request.user, page_id)
    return draft.serve_preview(request, draft.default_preview_mode)


@login_required
def submit(request: HttpRequest, page_id: int) -> HttpResponse:
    draft = _draft(request.user, page_id)
    if request.method == "POST":
        try:
            drafts.submit_for_review(CaseStudyPage.objects.get(pk=page_id), request.user)
        except ValidationError as error:
            flash_errors(request, error.messages)
        else:
            messages.success(request, _("Submitted for review. Consortium staff will approve it "
                                        "or ask for changes; you will hear either way."))
            return redirect("catalogue:my_case_studies")
    missing = [(step_of_field(name), name, errors)
               for name, errors in drafts.missing_parts(draft).items()]
    return render(request, "solutions_catalog/write/submit.html", {
        "page": draft, "steps": STEPS, "missing": missing,
        "state": CaseStudyPage.objects.filter(pk=page_id).with_moderation_state().get(),
    })


@login_required
def my_case_studies(request: HttpRequest) -> HttpResponse:
    """The case studies of the person's cities, those awaiting them first."""
    pages = visible(request.user, CatalogueAction.DRAFT_CASE_STUDY,
                    CaseStudyPage.objects.all()).with_moderation_state()
    return render(request, "solutions_catalog/write/mine.html", {
        "pages": pages, "may_write": cities_of(request.user).exists()})

