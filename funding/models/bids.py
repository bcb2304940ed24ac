"""Joint bids for funding: a lead organisation and its partners, what they ask for, and
where the bid stands (its status moves only through ``funding.workflow``)."""

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicators.models import Indicator
from members.models import Organisation
from members.permissions import viewer, visible
from solutions_catalog.models import CaseStudyPage
from solutions_catalog.models.case_studies import Currency

from ..permissions import FundingAction
from .opportunities import AMOUNT, FundingOpportunity

NOT_NEGATIVE = MinValueValidator(0, _("An amount cannot be negative."))


class BidStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    FORMING = "forming", _("Forming a team")
    DRAFTING = "drafting", _("Drafting")
    INTERNAL_REVIEW = "internal_review", _("Internal review")
    SUBMITTED = "submitted", _("Submitted")
    AWARDED = "awarded", _("Awarded")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


FINAL = (BidStatus.AWARDED, BidStatus.NOT_AWARDED, BidStatus.WITHDRAWN)
# Still being written: the opportunity's deadline is ahead of the team.
PREPARING = (BidStatus.IDEA, BidStatus.FORMING, BidStatus.DRAFTING, BidStatus.INTERNAL_REVIEW)


class BidQuerySet(models.QuerySet):
    def of_organisations(self, organisation_ids) -> "BidQuerySet":
        """The bids any of ``organisation_ids`` leads or partners in."""
        partnered = BidPartner.objects.filter(organisation_id__in=organisation_ids)
        return self.filter(Q(lead_id__in=organisation_ids) | Q(pk__in=partnered.values("bid_id")))

    def due_between(self, start, end) -> "BidQuerySet":
        """Still open, their opportunity's deadline from ``start`` to before ``end``."""
        return self.active().filter(opportunity__deadline__gte=start,
                                    opportunity__deadline__lt=end)

    def closing_within(self, days: int) -> "BidQuerySet":
        """Still being written, their opportunity's deadline in the next ``days`` days."""
        now = timezone.now()
        return self.filter(status__in=PREPARING, opportunity__deadline__gte=now,
                           opportunity__deadline__lt=now + datetime.timedelta(days=days))

    def with_open_tasks(self) -> "BidQuerySet":
        """Those with unfinished tasks, annotated with how many (``open_tasks``)."""
        return (self.annotate(open_tasks=Count("tasks", filter=Q(tasks__done_at__isnull=True)))
                .filter(open_tasks__gt=0))

    def visible_to(self, user) -> "BidQuerySet":
        """The bids whose team ``user`` is on (all of them for staff): the bid-team rule's
        list half (``funding.permissions``)."""
        return visible(user, FundingAction.VIEW_BID, self)

    def on_teams_of(self, user) -> "BidQuerySet":
        """The bids ``user``'s own organisations lead or partner in (for staff too: not
        every bid they may see)."""
        teams = list(viewer(user).memberships)
        if not teams:
            return self.none()
        partnered = BidPartner.objects.filter(organisation_id__in=teams).values("bid_id")
        return self.filter(Q(lead_id__in=teams) | Q(pk__in=partnered))

    def active(self) -> "BidQuerySet":
        return self.exclude(status__in=FINAL)

    def by_deadline(self) -> "BidQuerySet":
        """With their opportunities, the nearest deadline first."""
        return self.select_related("opportunity").order_by("opportunity__deadline", "pk")


class Bid(models.Model):
    opportunity = models.ForeignKey(FundingOpportunity, verbose_name=_("opportunity"),
                                    on_delete=models.PROTECT, related_name="bids")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    lead = models.ForeignKey(Organisation, verbose_name=_("lead organisation"),
                             on_delete=models.PROTECT, related_name="led_bids")
    requested_amount = models.DecimalField(_("amount requested"), null=True, blank=True,
                                           validators=[NOT_NEGATIVE], **AMOUNT)
    case_studies = models.ManyToManyField(CaseStudyPage, verbose_name=_("case studies it scales"),
                                          blank=True, related_name="bids")
    indicators = models.ManyToManyField(Indicator, verbose_name=_("indicators it rests on"),
                                        blank=True, related_name="bids")
    status = models.CharField(_("status"), max_length=20, choices=BidStatus.choices,
                              default=BidStatus.IDEA)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    awarded_amount = models.DecimalField(_("amount awarded"), null=True, blank=True,
                                         validators=[NOT_NEGATIVE], **AMOUNT)
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BidQuerySet.as_manager()
    # Wagtail's reference index would show bids on a case study's "usage" tab to anyone
    # who may edit the case study.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=BidStatus.AWARDED)
                | Q(awarded_amount__isnull=False, awarded_on__isnull=False),
                name="bid_award_has_amount_and_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:bid", kwargs={"pk": self.pk})

    @property
    def currency(self) -> str:
        return self.opportunity.currency

    @property
    def is_final(self) -> bool:
        return self.status in FINAL

    def team_organisation_ids(self) -> set[int]:
        """The lead and the partners (members.permissions asks this)."""
        cached = getattr(self, "_team_ids", None)
        if cached is None:
            cached = {self.lead_id, *self.partners.values_list("organisation_id", flat=True)}
            self._team_ids = cached
        return cached


class PartnerRole(models.TextChoices):
    CO_APPLICANT = "co_applicant", _("Co-applicant")
    TECHNOLOGY = "technology", _("Technology partner")
    RESEARCH = "research", _("Research and evaluation")
    DELIVERY = "delivery", _("Delivery partner")
    FUNDER = "funder", _("Match funder")


class Commitment(models.Model):
    """What one organisation of the team puts into a bid's match, by kind, in one currency
    (blank: the programme's). Amounts in other currencies are totalled apart, never
    converted: no rate is recorded for them."""

    match_public = models.DecimalField(_("committed match, public"), default=0,
                                       validators=[NOT_NEGATIVE], **AMOUNT)
    match_private = models.DecimalField(_("committed match, private"), default=0,
                                        validators=[NOT_NEGATIVE], **AMOUNT)
    match_in_kind = models.DecimalField(_("committed match, in kind"), default=0,
                                        validators=[NOT_NEGATIVE], **AMOUNT)
    match_currency = models.CharField(
        _("currency of the match"), max_length=3, choices=Currency.choices, blank=True,
        help_text=_("Leave empty for the programme's currency."))

    class Meta:
        abstract = True

    @property
    def match_total(self):
        return self.match_public + self.match_private + self.match_in_kind

    def currency_in(self, bid: "Bid") -> str:
        return self.match_currency or bid.currency


class LeadShare(Commitment):
    """The lead organisation's own share of the match."""

    bid = models.OneToOneField(Bid, on_delete=models.CASCADE, related_name="lead_share")

    class Meta:
        verbose_name = _("lead organisation's share")

    def __str__(self) -> str:
        return f"{self.bid}: {self.bid.lead}"


class BidPartner(Commitment):
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="bid_partnerships")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices,
                            default=PartnerRole.CO_APPLICANT)
    letter_received = models.BooleanField(_("letter of support received"), default=False)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bid partner")
        verbose_name_plural = _("bid partners")
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["bid", "organisation"],
                                               name="one_partnership_per_organisation")]

    def __str__(self) -> str:
        return str(self.organisation)


class BidTransition(models.Model):
    """Every status change: who, when, from what to what, and why."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=BidStatus.choices)
    to_status = models.CharField(max_length=20, choices=BidStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.bid}: {self.from_status} → {self.to_status}"
