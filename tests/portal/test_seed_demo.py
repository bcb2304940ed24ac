import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from members.models import Membership, Organisation, OrganisationKind, User
from solutions_catalog.models import Theme

pytestmark = pytest.mark.django_db


# The federation's change log is append-only: a second seed saves rows again, and peers are
# told of the updates.
APPEND_ONLY = {"federation.Change"}


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()
            if m._meta.label not in APPEND_ONLY}


def test_seed_demo_twice_gives_identical_row_counts(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    first = row_counts()
    call_command("seed_demo")
    assert row_counts() == first


def test_seed_demo_creates_the_network_and_one_login_per_role(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    output = capsys.readouterr().out

    assert set(Theme.objects.values_list("slug", flat=True)) == {
        "connectivity", "cybersecurity", "mobility", "sustainability", "resilience"}
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(OrganisationKind.values)
    cities = set(Organisation.objects.cities().values_list("slug", flat=True))
    assert {"daegu", "bucheon", "suwon", "busan", "seoul"} <= cities
    nscp = Organisation.objects.get(slug="nscp")
    assert nscp.member_organisations.count() == 7
    denver = Organisation.objects.get(slug="denver")
    assert denver.consortium.slug == "colorado-smart-cities-alliance"

    staff = User.objects.get(email="staff@demo.example")
    assert staff.is_staff and staff.groups.filter(name="Consortium staff").exists()
    roles = set(Membership.objects.values_list("organisation__kind", "role"))
    assert {("city", "org_admin"), ("city", "officer"), ("vendor", "org_admin")} <= roles
    assert "demo-portal-2026" in output
    assert "officer.daegu@demo.example" in output


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-production"):
        call_command("seed_demo")
    assert not User.objects.filter(email="staff@demo.example").exists()
