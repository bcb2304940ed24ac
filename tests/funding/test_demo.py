"""The demo funding data covers what the pages, the dashboard and the reminders show, and
seeding it again changes no count."""

import datetime

import pytest
from django.apps import apps
from django.db.models import Sum
from django.utils import timezone

from funding import demo
from funding.models import (
    Bid,
    BidStatus,
    BidTask,
    BidTransition,
    FunderType,
    FundingOpportunity,
    OpportunityStatus,
)

pytestmark = [pytest.mark.usefixtures("_seeded_funding"), pytest.mark.django_db]


def funding_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count()
            for m in apps.get_app_config("funding").get_models()}


def test_bids_in_every_status_on_ten_opportunities():
    assert FundingOpportunity.objects.count() >= 10
    assert Bid.objects.count() >= 15
    assert set(Bid.objects.values_list("status", flat=True)) == set(BidStatus.values)


def test_opportunities_span_funders_statuses_and_upcoming_deadlines():
    opportunities = FundingOpportunity.objects.all()
    assert set(opportunities.values_list("status", flat=True)) == set(OpportunityStatus.values)
    assert {FunderType.NATIONAL, FunderType.FOUNDATION, FunderType.MULTILATERAL} <= set(
        opportunities.values_list("funder_type", flat=True))
    assert {"KRW", "USD"} <= set(opportunities.values_list("currency", flat=True))
    assert opportunities.filter(audience="members").exists()
    now = timezone.now()
    assert opportunities.filter(deadline__gt=now + datetime.timedelta(days=2),
                                deadline__lt=now + datetime.timedelta(days=60)).count() >= 3
    assert not opportunities.filter(status=OpportunityStatus.CLOSED, deadline__gt=now).exists()
    assert all(o.themes.exists() and o.programme_ko and o.programme_en for o in opportunities)


def test_bids_carry_all_three_kinds_of_funding_mix():
    """Classified as funding.figures does: private match only is private, public and private
    together public–private, anything else public."""
    kinds = set()
    for bid in Bid.objects.exclude(status=BidStatus.WITHDRAWN).annotate(
            public=Sum("partners__match_public"), private=Sum("partners__match_private")):
        public, private = bid.public or 0, bid.private or 0
        kinds.add("public-private" if public and private else "private" if private else "public")
    assert kinds == {"public", "private", "public-private"}


def test_bids_have_their_history_team_and_work():
    for bid in Bid.objects.all():
        path = list(BidTransition.objects.filter(bid=bid).values_list("to_status", flat=True))
        assert (path[-1] if path else BidStatus.IDEA) == bid.status
        assert bid.activity.filter(kind="created").exists()
        assert bid.case_studies.exists()
        assert bid.requested_amount
    awarded = Bid.objects.filter(status=BidStatus.AWARDED)
    assert all(b.awarded_amount and b.awarded_on > b.submitted_on for b in awarded)
    assert Bid.objects.filter(partners__letter_received=True).exists()
    today = timezone.localdate()
    open_tasks = BidTask.objects.filter(done_at__isnull=True)
    assert open_tasks.filter(due_on__lt=today).exists()  # overdue
    assert open_tasks.filter(due_on__gt=today).exists()
    assert BidTask.objects.filter(done_at__isnull=False).exists()
    assert Bid.objects.filter(comments__isnull=False).exists()
    assert Bid.objects.filter(documents__versions__number=2).exists()


def test_seeding_again_changes_no_count():
    before = funding_counts()
    demo.seed()
    assert funding_counts() == before
