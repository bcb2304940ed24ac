from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Organisation, OrganisationKind


def directory(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    organisations = Organisation.objects.active().select_related("consortium")
    if kind in OrganisationKind.values:
        organisations = organisations.of_kind(kind)
    return render(
        request,
        "members/directory.html",
        {"organisations": organisations, "kinds": OrganisationKind.choices, "kind": kind},
    )


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.active().select_related("consortium"), slug=slug
    )
    return render(request, "members/organisation_detail.html", {"organisation": organisation})
