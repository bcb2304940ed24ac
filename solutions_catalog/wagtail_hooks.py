from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from members.permissions import Action, check

from .models import (
    CaseStudyDocument,
    DocumentVisibility,
    EvidenceLevel,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
)


def taxonomy_viewset(taxonomy, label):
    return type(f"{taxonomy.__name__}ViewSet", (SnippetViewSet,), {
        "model": taxonomy, "icon": "tag", "menu_label": label,
        "list_display": ["name_en", "name_ko", "slug", "sort_order"],
    })


class TaxonomyGroup(SnippetViewSetGroup):
    items = (
        taxonomy_viewset(Theme, _("Themes")),
        taxonomy_viewset(ServiceDomain, _("Service domains")),
        taxonomy_viewset(MaturityStage, _("Maturity stages")),
        taxonomy_viewset(FundingModel, _("Funding models")),
        taxonomy_viewset(PartnershipModel, _("Partnership models")),
        taxonomy_viewset(EvidenceLevel, _("Evidence levels")),
    )
    menu_icon = "tag"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)


@hooks.register("before_serve_document")
def protect_members_only_documents(document, request):
    """A document attached to a case study as members-only is served to members only,
    whoever has its direct URL."""
    members_only = CaseStudyDocument.objects.filter(
        document=document, visibility=DocumentVisibility.MEMBERS).exists()
    if members_only and not check(request.user, Action.READ_MEMBERS_ONLY):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return HttpResponseForbidden(_("This document is shared with member organisations only."))
    return None
