"""Vendor offerings: the public list and page, the vendor's form, and deployments that the
city confirms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.facets import Facet, apply_facets, paginate
from common.listings import NEWEST, RELEVANCE, Sort, read_listing, relevance, with_keyword
from common.messages import flash_errors, form_errors
from common.redirects import safe_next
from members.permissions import check, require

from .. import services
from ..forms import DeploymentClaimForm, OfferingForm
from ..models import CaseStudyPage, Deployment, DeploymentStatus, PricingModel, VendorOffering
from ..permissions import CatalogueAction

FACETS = [
    Facet("theme", "themes__slug", gettext_lazy("Theme"),
          label_fields=("themes__name_ko", "themes__name_en")),
    Facet("domain", "service_domains__slug", gettext_lazy("Service domain"),
          label_fields=("service_domains__name_ko", "service_domains__name_en")),
    Facet("pricing", "pricing_model", gettext_lazy("Pricing model"),
          label=lambda v: PricingModel(v).label, valid=PricingModel.values),
    Facet("vendor", "vendor__slug", gettext_lazy("Vendor"),
          label_fields=("vendor__name_ko", "vendor__name_en")),
]
SORTS = [Sort("deployed", gettext_lazy("Most deployed")), NEWEST, RELEVANCE]
NAMES = ["name_ko", "name_en"]
ORDER = {
    "deployed": ("-confirmed_deployments", "-updated_at"),
    "newest": ("-created_at", "-pk"),
    "relevance": ("-relevance", "-confirmed_deployments", "-updated_at"),
}
PAGE_SIZE = 24


def offering_list(request: HttpRequest) -> HttpResponse:
    asked = read_listing(request.GET, SORTS)
    base = with_keyword(VendorOffering.objects.listed(), asked,
                        [*NAMES, "summary_ko", "summary_en", "vendor__name_ko", "vendor__name_en"])
    result = apply_facets(base, FACETS, request.GET)
    listing = (result.queryset.select_related("vendor").prefetch_related("themes")
               .annotate(confirmed_deployments=Count(
                   "deployments", distinct=True,
                   filter=Q(deployments__status=DeploymentStatus.CONFIRMED,
                            deployments__case_study__live=True)),
                         relevance=relevance(asked, NAMES))
               .order_by(*ORDER[asked.sort]))
    return render(request, "solutions_catalog/offering_list.html", {
        "offerings": paginate(result, listing, request.GET, PAGE_SIZE, asked),
        "may_list": services.vendors_of(request.user).exists(),
    })


def offering_detail(request: HttpRequest, slug: str) -> HttpResponse:
    offering = get_object_or_404(VendorOffering.objects.select_related("vendor"), slug=slug)
    may_edit = check(request.user, CatalogueAction.LIST_OFFERING, offering.vendor).allowed
    if not offering.is_public and not may_edit:
        raise Http404
    deployments = offering.deployments.select_related("case_study", "case_study__city",
                                                      "case_study__locale")
    shown = list(deployments.public())
    claims = list(deployments.exclude(status=DeploymentStatus.CONFIRMED)) if may_edit else []
    versions = CaseStudyPage.objects.versions_for(d.case_study for d in shown + claims)
    for deployment in shown + claims:  # link the reader's language version
        deployment.page = versions.get(deployment.case_study.translation_key,
                                       deployment.case_study)
    shown.sort(key=lambda deployment: getattr(deployment.page, "other_language", False))
    return render(request, "solutions_catalog/offering_detail.html", {
        "offering": offering,
        "themes": offering.themes.all(),
        "domains": offering.service_domains.all(),
        "deployments": shown,
        "claims": claims,
        "may_edit": may_edit,
        "claim_form": DeploymentClaimForm() if may_edit else None,
    })


@login_required
def offering_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    offering = get_object_or_404(VendorOffering, slug=slug) if slug else None
    vendors = services.vendors_of(request.user)
    if offering is not None:
        require(request.user, CatalogueAction.LIST_OFFERING, offering.vendor)
    elif not vendors.exists():
        require(request.user, CatalogueAction.LIST_OFFERING, None)  # refuses, with the reason
    form = OfferingForm(request.POST or None, instance=offering, vendors=vendors)
    if request.method == "POST" and form.is_valid():
        offering = services.save_offering(form, request.user)
        messages.success(request, _("The offering is saved."))
        return redirect("catalogue:offering", offering.slug)
    return render(request, "solutions_catalog/offering_form.html",
                  {"form": form, "offering": offering})


@login_required
@require_POST
def claim_deployment(request: HttpRequest, slug: str) -> HttpResponse:
    offering = get_object_or_404(VendorOffering.objects.select_related("vendor"), slug=slug)
    require(request.user, CatalogueAction.LIST_OFFERING, offering.vendor)
    form = DeploymentClaimForm(request.POST)
    if not form.is_valid():
        flash_errors(request, form_errors(form))
    else:
        try:
            services.claim_deployment(offering, form.cleaned_data["case_study"], request.user)
        except ValidationError as error:
            flash_errors(request, error.messages)
        else:
            messages.success(request, _("The city is asked to confirm the deployment."))
    return redirect("catalogue:offering", offering.slug)


@login_required
@require_POST
def decide_deployment(request: HttpRequest, pk: int) -> HttpResponse:
    deployment = get_object_or_404(
        Deployment.objects.select_related("case_study__city"), pk=pk)
    confirm = request.POST.get("decision") == "confirm"
    services.decide_deployment(deployment, request.user, confirm=confirm)
    messages.success(request, _("Deployment confirmed.") if confirm
                     else _("Deployment declined."))
    return redirect(safe_next(request, deployment.offering.get_absolute_url()))
