import time
from dataclasses import dataclass

import pytest

from members.models import OrganisationKind, Role
from members.permissions import is_staff
from members.services import ensure_staff_group
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


@dataclass
class Network:
    daegu: object
    bucheon: object
    hanbit: object
    visitor: None
    vendor: object
    officer: object
    org_admin: object
    other_admin: object
    staff: object


@pytest.fixture
def network(db) -> Network:
    daegu = OrganisationFactory(slug="daegu", name_en="Daegu", name_ko="대구",
                                contact_email="smartcity@daegu.example")
    bucheon = OrganisationFactory(slug="bucheon", name_en="Bucheon", name_ko="부천")
    hanbit = OrganisationFactory(slug="hanbit", name_en="Hanbit Telecom", name_ko="한빛텔레콤",
                                 kind=OrganisationKind.VENDOR)
    staff = UserFactory(email="staff@consortium.example", is_staff=True)
    staff.groups.add(ensure_staff_group())
    return Network(
        daegu=daegu, bucheon=bucheon, hanbit=hanbit, visitor=None,
        vendor=MembershipFactory(organisation=hanbit, user__email="sales@hanbit.example").user,
        officer=MembershipFactory(organisation=daegu, user__email="officer@daegu.example").user,
        org_admin=MembershipFactory(organisation=daegu, role=Role.ORG_ADMIN,
                                    user__email="admin@daegu.example").user,
        other_admin=MembershipFactory(organisation=bucheon, role=Role.ORG_ADMIN,
                                      user__email="admin@bucheon.example").user,
        staff=staff,
    )


@pytest.fixture
def as_user(client):
    """``as_user(user)`` signs the test client in (or out for ``None``). Staff sessions carry a
    second-factor record, as after a real TOTP sign-in (tests/members/test_security.py walks
    that for real)."""
    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
            if is_staff(user):
                session = client.session
                session["account_authentication_methods_user"] = str(user.pk)
                session["account_authentication_methods"] = [
                    {"method": "mfa", "at": time.time(), "type": "totp"}]
                session.save()
        return client

    return sign_in


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """``with on_commit():`` runs what the code queued for after commit (e-mail), as a real
    commit would; the test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
