from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .documents import refuse_members_only
from .models import (
    CaseStudyDocument,
    CaseStudyPage,
    CatalogueIndexPage,
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
CATALOGUE_PAGES = (CaseStudyPage, CatalogueIndexPage)


@hooks.register("before_serve_document")
def protect_members_only_documents(document, request):
    """A document attached to a case study as members-only is served to members only,
    whoever has its direct URL."""
    if CaseStudyDocument.objects.filter(document=document,
                                        visibility=DocumentVisibility.MEMBERS).exists():
        return refuse_members_only(request)
    return None


# Wagtail's copy, move, delete and bulk views load plain ``Page`` objects, which carry the
# subtree permissions without our per-city narrowing: ask the specific page again.
PAGE_CHECKS = {"copy": "can_copy", "move": "can_move", "delete": "can_delete",
               "publish": "can_publish", "unpublish": "can_unpublish"}


def _refused(request, pages, action: str) -> HttpResponseForbidden | None:
    check_name = PAGE_CHECKS.get(action)
    for page in pages if check_name else ():
        specific = getattr(page, "specific", page)
        if isinstance(specific, CATALOGUE_PAGES) and not getattr(
                specific.permissions_for_user(request.user), check_name)():
            return HttpResponseForbidden(_("You may not do this to another city's case study."))
    return None


@hooks.register("before_copy_page")
def guard_copy(request, page):
    return _refused(request, [page], "copy")


@hooks.register("before_move_page")
def guard_move(request, page, destination):
    return _refused(request, [page], "move")


@hooks.register("before_delete_page")
def guard_delete(request, page):
    return _refused(request, [page], "delete")


@hooks.register("before_bulk_action")
def guard_bulk_action(request, action_type, objects, action_class_instance):
    return _refused(request, objects, action_type)
