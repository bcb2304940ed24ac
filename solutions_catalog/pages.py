"""What the catalogue's pages show beyond their own fields (see ``common.pages``)."""

from django.http import HttpRequest
from django.utils.translation import get_language

from common.pages import adds_context
from members.permissions import MemberAction, check, search_audiences
from search.engines import ask_or

from .catalogue import build_catalogue
from .forms import AdoptionForm
from .models import (
    Adoption,
    CaseStudyFollow,
    CaseStudyPage,
    CatalogueIndexPage,
    Deployment,
    DocumentVisibility,
)
from .permissions import CatalogueAction
from .services import cities_that_may_adopt


@adds_context(CatalogueIndexPage)
def catalogue(index: CatalogueIndexPage, request: HttpRequest) -> dict:
    # the index is served in its own language (its locale would cost a query)
    return {"catalogue": build_catalogue(get_language(), request.GET)}


@adds_context(CaseStudyPage)
def lineage(page: CaseStudyPage, request: HttpRequest) -> dict:
    """Who replicates this case study, what it replicates, and whether the viewer may record
    an adoption or follows it."""
    cities = cities_that_may_adopt(request.user, page)
    replicates = Adoption.objects.filter(
        adopter_case_study__translation_key=page.translation_key).with_origins_here()
    return {
        "adoptions": Adoption.objects.of_case_study(page).select_related("adopter"),
        "replicates": replicates,
        "following": CaseStudyFollow.objects.of(request.user).of_case_study(page).exists(),
        "adoption_form": AdoptionForm(cities=cities) if cities.exists() else None,
    }


@adds_context(CaseStudyPage)
def deployments(page: CaseStudyPage, request: HttpRequest) -> dict:
    listed = Deployment.objects.of_case_study(page).select_related(
        "offering", "offering__vendor")
    return {
        "deployments": listed.public(),
        "deployment_claims": listed.pending()
        if check(request.user, CatalogueAction.CONFIRM_DEPLOYMENT, page.city) else [],
    }


@adds_context(CaseStudyPage)
def particulars(page: CaseStudyPage, request: HttpRequest) -> dict:
    """The page's own lists, members-only documents and contacts held back from others."""
    members_only = check(request.user, MemberAction.READ_MEMBERS_ONLY).allowed
    documents = list(page.documents.select_related("document"))
    visible = [d for d in documents
               if members_only or d.visibility == DocumentVisibility.PUBLIC]
    return {
        "images": page.images.select_related("image"),
        "themes": page.themes.all(),
        "kpis": page.kpis.select_related("indicator"),
        "partners": page.partners.select_related("organisation"),
        "documents": visible,
        "hidden_documents": len(documents) - len(visible),
        "show_contact": check(request.user, MemberAction.VIEW_MEMBER_CONTACTS).allowed,
        "similar": ask_or([], lambda engine: engine.similar(
            "case_study", str(page.pk), audiences=search_audiences(request.user),
            language=page.locale.language_code)),
    }
