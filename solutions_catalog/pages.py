"""What the catalogue's pages show beyond their own fields (see ``common.pages``)."""

from django.http import HttpRequest
from django.utils.translation import get_language

from common.pages import adds_context
from members.permissions import MemberAction, check, search_audiences
from search.engines import ask_or

from .catalogue import build_catalogue
from .evidence import compared_outcomes
from .forms import AdoptionForm, ReplicateForm
from .harvested import listed as harvested_listed
from .harvested import remote_adoptions, selected_nodes, shown_one, with_node_filter
from .lineage import lineage_of
from .models import (
    Adoption,
    CaseStudyFollow,
    CaseStudyPage,
    CatalogueIndexPage,
    Deployment,
    DocumentType,
    DocumentVisibility,
)
from .permissions import CatalogueAction
from .services import cities_of, cities_that_may_adopt

SIMILAR = 4  # similar case studies shown


@adds_context(CatalogueIndexPage)
def catalogue(index: CatalogueIndexPage, request: HttpRequest) -> dict:
    # the index is served in its own language (its locale would cost a query)
    nodes = selected_nodes(request.GET)
    return {"catalogue": with_node_filter(build_catalogue(get_language(), request.GET, nodes),
                                          request.GET),
            "network": harvested_listed(theme=request.GET.get("theme", ""), nodes=nodes)}


@adds_context(CaseStudyPage)
def lineage(page: CaseStudyPage, request: HttpRequest) -> dict:
    """Who replicates this case study, what it replicates, and whether the viewer may record
    an adoption or follows it."""
    cities = cities_that_may_adopt(request.user, page)
    may_adopt = cities.exists()
    replicates = Adoption.objects.filter(
        adopter_case_study__translation_key=page.translation_key).with_origins_here()
    for adoption in replicates:
        adoption.remote_here = shown_one(adoption.remote_origin)
    adoptions = list(Adoption.objects.of_case_study(page).select_related("adopter")
                     .prefetch_related("stages"))
    mine = set(cities_of(request.user).values_list("pk", flat=True)) if adoptions else set()
    return {
        "adoptions": adoptions,
        "remote_adoptions": remote_adoptions([page]),
        "my_adoptions": [a for a in adoptions if a.adopter_id in mine],
        "replicates": replicates,
        "following": CaseStudyFollow.objects.of(request.user).of_case_study(page).exists(),
        "adoption_form": AdoptionForm(cities=cities) if may_adopt else None,
        "replicate_form": ReplicateForm(cities=cities) if may_adopt else None,
    }


@adds_context(CaseStudyPage)
def evidence(page: CaseStudyPage, request: HttpRequest) -> dict:
    """Outcomes compared with each replication's, the lineage over generations, and similar
    case studies: those of the lineage are shown as lineage, not as similar."""
    lineage = lineage_of(page)
    relatives = set()
    if lineage:
        relatives = {str(pk) for pk in CaseStudyPage.objects.filter(
            translation_key__in=lineage.relatives).values_list("pk", flat=True)}
    similar = ask_or([], lambda engine: engine.similar(
        "case_study", str(page.pk), audiences=search_audiences(request.user),
        language=page.locale.language_code, limit=SIMILAR + len(relatives)))
    return {
        "lineage": lineage,
        "compared": compared_outcomes(page),
        "similar": [hit for hit in similar if hit.object_id not in relatives][:SIMILAR],
    }


def _months(page: CaseStudyPage) -> int | None:
    if page.started_on is None or page.ended_on is None:
        return None
    return ((page.ended_on.year - page.started_on.year) * 12
            + page.ended_on.month - page.started_on.month)


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
    by_type = [(label, [d for d in visible if d.kind == kind])
               for kind, label in DocumentType.choices]
    return {
        "images": page.images.select_related("image"),
        "themes": page.themes.all(),
        "kpis": page.kpis.select_related("indicator"),
        "partners": page.partners.select_related("organisation"),
        "documents": visible,
        "documents_by_type": [(label, listed) for label, listed in by_type if listed],
        "hidden_documents": len(documents) - len(visible),
        "months_to_deploy": _months(page),
        "show_contact": check(request.user, MemberAction.VIEW_MEMBER_CONTACTS).allowed,
    }
