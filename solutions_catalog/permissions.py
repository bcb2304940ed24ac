"""The catalogue's actions and their rules, registered with ``members.permissions`` by
``SolutionsCatalogConfig.ready``."""

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from members.permissions import ALLOW, SUPPLIER_KINDS, Decision, Rule, Viewer, sign_in


class CatalogueAction(StrEnum):
    DRAFT_CASE_STUDY = "draft_case_study"
    REQUEST_TRANSLATION = "request_translation"
    RECORD_ADOPTION = "record_adoption"
    RECORD_ADOPTION_OUTCOMES = "record_adoption_outcomes"
    POST_CHALLENGE = "post_challenge"
    CONFIRM_DEPLOYMENT = "confirm_deployment"
    RESPOND_TO_CHALLENGE = "respond_to_challenge"
    LIST_OFFERING = "list_offering"


def _act_for_city(reason: str | Promise):
    def rule(v: Viewer, city: Organisation) -> Decision:
        if v.staff or (city is not None and city.pk in v.city_ids):
            return ALLOW
        return sign_in(v, reason)

    return rule


def _cities_case_studies(v: Viewer, queryset):
    """The case studies a person may write: their cities' (any, for staff)."""
    return queryset if v.staff else queryset.filter(city_id__in=v.city_ids)


def _respond_to_challenge(v: Viewer, organisation: Organisation) -> Decision:
    # The object is the organisation answering: people answer for their own organisation.
    if organisation is not None and v.member_of(organisation.pk):
        return ALLOW
    return sign_in(v, _("Only people of a member organisation can answer a challenge."))


def _list_offering(v: Viewer, vendor: Organisation) -> Decision:
    if v.staff:
        return ALLOW
    if vendor is not None and vendor.kind in SUPPLIER_KINDS and v.member_of(vendor.pk):
        return ALLOW
    return sign_in(v, _("Only this vendor's own people can list its offerings."))


RULES = {
    CatalogueAction.DRAFT_CASE_STUDY: Rule(_act_for_city(_(
        "Only officers of this city can write its case studies.")), _cities_case_studies),
    CatalogueAction.REQUEST_TRANSLATION: Rule(_act_for_city(_(
        "Only officers of this city can ask for a translation of its case studies."))),
    CatalogueAction.RECORD_ADOPTION: Rule(_act_for_city(_(
        "Only officers of the adopting city can record an adoption."))),
    # The object is the adopting city: its people keep its timeline, adaptations and results.
    CatalogueAction.RECORD_ADOPTION_OUTCOMES: Rule(_act_for_city(_(
        "Only people of the adopting city can record its stages and results."))),
    CatalogueAction.POST_CHALLENGE: Rule(_act_for_city(_(
        "Only officers of this city can post and manage its challenges."))),
    CatalogueAction.CONFIRM_DEPLOYMENT: Rule(_act_for_city(_(
        "Only officers of this city can confirm what runs in its projects."))),
    CatalogueAction.RESPOND_TO_CHALLENGE: Rule(_respond_to_challenge),
    CatalogueAction.LIST_OFFERING: Rule(_list_offering),
}

STAFF_PERMISSIONS = [
    f"solutions_catalog.{verb}_{model}"
    for model in ("theme", "servicedomain", "maturitystage", "fundingmodel",
                  "partnershipmodel", "evidencelevel", "dataset")
    for verb in ("add", "change", "delete")
]
