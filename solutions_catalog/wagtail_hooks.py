from django.http import HttpResponseForbidden
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from members.permissions import Action, check, is_staff

from .documents import refuse_members_only
from .models import (
    CaseStudyDocument,
    CaseStudyPage,
    CatalogueIndexPage,
    DataSet,
    DocumentVisibility,
    EvidenceLevel,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
)
from .translations import LANGUAGE_CODES
from .views.translations import TranslationQueueView, request_translation_view


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


class DataSetViewSet(SnippetViewSet):
    """The data sets case studies use and share back, published as the DCAT-AP catalogue."""

    model = DataSet
    icon = "table"
    menu_label = _("Data sets")
    menu_name = "datasets"
    add_to_admin_menu = True
    list_display = ["name_ko", "name_en", "publisher", "format"]
    list_filter = ["format"]


register_snippet(DataSetViewSet)
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


# --- Translation workflow (wagtail-localize does the translating) ---------------------------

@hooks.register("register_admin_urls")
def translation_urls():
    queue = TranslationQueueView.as_view()
    return [
        path("translations/queue/", queue, name="solutions_catalog_translation_queue"),
        path("translations/queue/results/", TranslationQueueView.as_view(results_only=True),
             name="solutions_catalog_translation_queue_results"),
        path("translations/request/<int:pk>/", request_translation_view,
             name="solutions_catalog_request_translation"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_staff(request.user)


@hooks.register("register_reports_menu_item")
def translation_queue_menu_item():
    return StaffMenuItem(_("Needs translation"), reverse("solutions_catalog_translation_queue"),
                         icon_name="globe", order=700)


@hooks.register("register_page_header_buttons")
def ask_for_translation_button(page, user, view_name, next_url=None):
    """On a case study of the officer's city that some language lacks (or has out of date)."""
    page = page.specific_deferred
    if not isinstance(page, CaseStudyPage) or not check(
            user, Action.REQUEST_TRANSLATION, page.city):
        return
    if any(CaseStudyPage.objects.needing_translation(code).filter(pk=page.pk).exists()
           for code in LANGUAGE_CODES if code != page.locale.language_code):
        yield Button(_("Ask for a translation"),
                     reverse("solutions_catalog_request_translation", args=[page.pk]),
                     icon_name="globe", priority=80)
