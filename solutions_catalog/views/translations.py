"""Admin views of the translation workflow: the staff queue of case studies needing
translation, and an officer's request for one."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from members.permissions import Action, is_staff, require

from ..models import CaseStudyPage
from ..translations import (
    LANGUAGE_CODES,
    needing_translation_counts,
    request_translation,
    translation_queue,
)


class TranslationQueueView(ReportView):
    """Staff's queue: case studies needing translation into one language, with the count
    for each language; the requested ones first."""

    template_name = "solutions_catalog/admin/translation_queue.html"
    page_title = _("Needs translation")
    header_icon = "globe"
    index_url_name = "solutions_catalog_translation_queue"
    index_results_url_name = "solutions_catalog_translation_queue_results"
    columns = [
        TitleColumn("title", label=_("Case study"), url_name="wagtailadmin_pages:edit"),
        Column("city", label=_("City")),
        Column("locale", label=_("Written in"),
               accessor=lambda page: page.locale.get_display_name()),
        DateColumn("last_published_at", label=_("Source published")),
        DateColumn("requested_at", label=_("Translation requested")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def language(self) -> str:
        asked = self.request.GET.get("language", "")
        return asked if asked in LANGUAGE_CODES else LANGUAGE_CODES[-1]

    def get_queryset(self):
        return translation_queue(self.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = needing_translation_counts()
        context["languages"] = [(code, name, counts[code]) for code, name in settings.LANGUAGES]
        context["language"] = self.language
        return context


def request_translation_view(request, pk: int):
    """An officer asks for their city's case study in another language (GET: the form)."""
    case_study = get_object_or_404(CaseStudyPage, pk=pk)
    require(request.user, Action.REQUEST_TRANSLATION, case_study.city)
    if request.method == "POST":
        try:
            request_translation(request.user, case_study, request.POST.get("language", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Staff have been asked for a translation."))
        return redirect("wagtailadmin_pages:edit", case_study.pk)
    languages = [(code, name) for code, name in settings.LANGUAGES
                 if code != case_study.locale.language_code]
    return TemplateResponse(request, "solutions_catalog/admin/request_translation.html", {
        "case_study": case_study, "languages": languages,
        "page_title": _("Ask for a translation")})
