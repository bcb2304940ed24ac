"""Challenges: cities post problems, members answer, the city shortlists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.facets import Facet, apply_facets, paginate
from common.listings import NEWEST, RELEVANCE, Sort, read_listing, relevance, with_keyword
from common.messages import flash_errors, form_errors
from members.permissions import check, require, viewer

from .. import services
from ..forms import ChallengeForm, ChallengeResponseForm
from ..models import Challenge, ChallengeResponse
from ..permissions import CatalogueAction

FACETS = [
    Facet("theme", "themes__slug", gettext_lazy("Theme"),
          label_fields=("themes__name_ko", "themes__name_en")),
    Facet("city", "city__slug", gettext_lazy("City"),
          label_fields=("city__name_ko", "city__name_en")),
]
SORTS = [Sort("deadline", gettext_lazy("Deadline")), NEWEST, RELEVANCE]
TITLES = ["title_ko", "title_en"]
PAGE_SIZE = 24


def challenge_list(request: HttpRequest) -> HttpResponse:
    closed = request.GET.get("closed") == "1"
    asked = read_listing(request.GET, SORTS)
    base = with_keyword(Challenge.objects.closed() if closed else Challenge.objects.open(),
                        asked, [*TITLES, "problem_ko", "problem_en", "city__name_ko",
                                "city__name_en"])
    result = apply_facets(base, FACETS, request.GET)
    deadline = "-deadline" if closed else "deadline"  # the nearest first, or the latest closed
    order = {"deadline": (deadline, "-pk"), "newest": ("-created_at", "-pk"),
             "relevance": ("-relevance", deadline, "-pk")}[asked.sort]
    listing = (result.queryset.select_related("city").prefetch_related("themes")
               .annotate(response_count=Count("responses", distinct=True),
                         relevance=relevance(asked, TITLES))
               .order_by(*order))
    return render(request, "solutions_catalog/challenge_list.html", {
        "challenges": paginate(result, listing, request.GET, PAGE_SIZE, asked, keep=["closed"]),
        "closed": closed,
        "may_post": services.cities_of(request.user).exists(),
    })


def challenge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = get_object_or_404(Challenge.objects.select_related("city", "service_domain"),
                                  slug=slug)
    manages = check(request.user, CatalogueAction.POST_CHALLENGE, challenge.city).allowed
    responses = challenge.responses.select_related("organisation", "case_study", "offering")
    if not manages:  # answers are seen by the city and by whoever wrote them
        responses = responses.filter(organisation__in=viewer(request.user).memberships.keys())
    organisations = services.organisations_that_may_respond(request.user, challenge)
    may_respond = challenge.is_open and organisations.exists()
    return render(request, "solutions_catalog/challenge_detail.html", {
        "challenge": challenge,
        "themes": challenge.themes.all(),
        "solutions": services.solutions_for(challenge, request.user),
        "responses": responses,
        "response_count": challenge.responses.count(),
        "manages": manages,
        "response_form": ChallengeResponseForm(organisations=organisations)
        if may_respond else None,
    })


@login_required
def challenge_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    challenge = get_object_or_404(Challenge, slug=slug) if slug else None
    cities = services.cities_of(request.user)
    if challenge is not None:
        require(request.user, CatalogueAction.POST_CHALLENGE, challenge.city)
    elif not cities.exists():
        require(request.user, CatalogueAction.POST_CHALLENGE, None)  # refuses, with the reason
    form = ChallengeForm(request.POST or None, instance=challenge, cities=cities)
    if request.method == "POST" and form.is_valid():
        challenge = services.post_challenge(form, request.user)
        messages.success(request, _("The challenge is published."))
        return redirect("catalogue:challenge", challenge.slug)
    return render(request, "solutions_catalog/challenge_form.html",
                  {"form": form, "challenge": challenge})


@login_required
@require_POST
def respond(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = get_object_or_404(Challenge, slug=slug)
    form = ChallengeResponseForm(
        request.POST,
        organisations=services.organisations_that_may_respond(request.user, challenge))
    if not form.is_valid():
        flash_errors(request, form_errors(form))
        return redirect("catalogue:challenge", challenge.slug)
    data = form.cleaned_data
    try:
        services.respond_to_challenge(challenge, data["organisation"], request.user,
                                      proposal=data["proposal"], case_study=data["case_study"],
                                      offering=data["offering"])
    except ValidationError as error:
        flash_errors(request, error.messages)
    else:
        messages.success(request, _("Your answer is sent to the city."))
    return redirect("catalogue:challenge", challenge.slug)


@login_required
@require_POST
def shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    response = get_object_or_404(ChallengeResponse.objects.select_related("challenge__city"),
                                 pk=pk)
    services.shortlist(response, request.user, shortlisted=request.POST.get("shortlisted") == "1")
    return redirect("catalogue:challenge", response.challenge.slug)
