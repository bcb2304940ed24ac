import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from members.models import Membership, MembershipStatus, Organisation, OrganisationKind, Role, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@city.example")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        self.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = OrganisationKind.CITY
    name_ko = factory.Sequence(lambda n: f"도시 {n}")
    name_en = factory.Sequence(lambda n: f"City {n}")
    country = "KR"
    membership_status = MembershipStatus.ACTIVE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.OFFICER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Meeting"

    slug = factory.Sequence(lambda n: f"meeting-{n}")
    title_ko = factory.Sequence(lambda n: f"정기 회의 {n}")
    title_en = factory.Sequence(lambda n: f"Monthly meeting {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    capacity = 30
    online_url = "https://meet.example/consortium"


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "funding.FundingOpportunity"

    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    programme_ko = factory.Sequence(lambda n: f"스마트시티 챌린지 {n}")
    programme_en = factory.Sequence(lambda n: f"Smart City Challenge {n}")
    funder_ko = "국토교통부"
    funder_en = "Ministry of Land, Infrastructure and Transport"
    funder_type = "national"
    currency = "KRW"
    max_award = 1_000_000_000
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=60))
    status = "open"


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "funding.Bid"

    opportunity = factory.SubFactory(OpportunityFactory)
    title = factory.Sequence(lambda n: f"Joint data hub bid {n}")
    lead = factory.SubFactory(OrganisationFactory)
    requested_amount = 500_000_000
