from dataclasses import dataclass

import pytest
from django.db import transaction

from funding import demo
from funding.models import BidPartner
from members.models import OrganisationKind
from tests.factories import BidFactory, MembershipFactory, OrganisationFactory


@dataclass
class Team:
    """A Daegu-led bid with Bucheon and the Hanbit vendor as partners, and one person in
    each role around it."""

    bid: object
    people: dict


@pytest.fixture
def team(network):
    bid = BidFactory(lead=network.daegu, title="Daegu–Bucheon data hub scale-up")
    BidPartner.objects.create(bid=bid, organisation=network.bucheon)
    BidPartner.objects.create(bid=bid, organisation=network.hanbit, role="technology")
    suwon = OrganisationFactory(slug="suwon", name_en="Suwon", name_ko="수원")
    other_vendor = OrganisationFactory(slug="other-vendor", kind=OrganisationKind.VENDOR)
    return Team(bid=bid, people={
        "lead officer": network.officer,
        "lead admin": network.org_admin,
        "partner city": network.other_admin,
        "partner vendor": network.vendor,
        "staff": network.staff,
        "outside city": MembershipFactory(organisation=suwon,
                                          user__email="officer@suwon.example").user,
        "outside vendor": MembershipFactory(organisation=other_vendor,
                                            user__email="sales@other.example").user,
        "visitor": None,
    })


@pytest.fixture(scope="module")
def _seeded_funding(_seeded_catalogue, django_db_blocker):
    """The demo funding, on the shared seeded network and catalogue, rolled back after the
    module so that the next module sharing them sees none of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo.seed()
        yield
        transaction.set_rollback(True)
