"""What events adds to other apps' pages (see ``common.pages``)."""

from django.http import HttpRequest

from common.pages import adds_context
from solutions_catalog.models import CaseStudyPage

from .models import Meeting


@adds_context(CaseStudyPage)
def presented_at(page: CaseStudyPage, request: HttpRequest) -> dict:
    """The meetings whose agenda presented this case study, in any language version."""
    return {"meetings": Meeting.objects.filter(
        agenda__case_studies__translation_key=page.translation_key,
    ).distinct().order_by("-starts_at")[:10]}
