"""The public directory and organisation pages: filters with counts, both languages, a fixed
number of queries however many members there are."""

import json

import pytest

from members.models import MembershipEvent, Organisation, OrganisationKind, User
from solutions_catalog.models import Theme
from tests.factories import PASSWORD, MembershipFactory, OrganisationFactory


@pytest.fixture
def members(network):
    coalition = OrganisationFactory(slug="korea-coalition", name_en="Korea Coalition",
                                    name_ko="한국 연합", kind=OrganisationKind.REGIONAL_CONSORTIUM)
    mobility = Theme.objects.create(slug="mobility", name_en="Mobility", name_ko="모빌리티")
    for org in (network.daegu, network.bucheon):
        org.consortium = coalition
        org.save()
        mobility.focused_organisations.add(org)
    OrganisationFactory(slug="denver", name_en="Denver", name_ko="덴버", country="US")
    OrganisationFactory(slug="gone", name_en="Gone", name_ko="없음", membership_status="lapsed")
    return network


def names(response) -> list[str]:
    return [o.name for o in response.context["page"].organisations]


def facet(response, name) -> dict[str, int]:
    return {o.value: o.count for o in response.context["page"].facets[name]}


def test_lists_active_members_with_facet_counts(client, members):
    response = client.get("/en/members/")
    assert names(response) == ["Bucheon", "Daegu", "Denver", "Hanbit Telecom",
                               "Korea Coalition"]
    assert facet(response, "kind") == {"city": 3, "vendor": 1, "regional_consortium": 1}
    assert facet(response, "country") == {"KR": 4, "US": 1}
    assert facet(response, "theme") == {"mobility": 2}
    assert facet(response, "consortium") == {"korea-coalition": 2}


def test_facets_are_multi_select_and_count_under_the_other_filters(client, members):
    response = client.get("/en/members/?kind=city&kind=vendor&country=KR")
    assert names(response) == ["Bucheon", "Daegu", "Hanbit Telecom"]
    # kind counts ignore the kind filter but honour the country filter
    assert facet(response, "kind") == {"city": 2, "vendor": 1, "regional_consortium": 1}
    assert facet(response, "country") == {"KR": 3, "US": 1}
    response = client.get("/en/members/?theme=mobility&consortium=korea-coalition")
    assert names(response) == ["Bucheon", "Daegu"]


def test_unknown_filter_values_are_reported_and_ignored(client, members):
    response = client.get("/en/members/?kind=spaceport&country=Korea&theme=<script>")
    assert "Ignored an unknown value in the “Kind” filter." in response.text
    assert "<script>" not in response.text
    assert len(names(response)) == 5


@pytest.mark.parametrize("prefix,heading,daegu", [("", "회원 명부", "대구"),
                                                  ("/en", "Member directory", "Daegu")])
def test_directory_in_both_languages_in_constant_queries(client, members, prefix, heading,
                                                          daegu, django_assert_num_queries):
    # members + four facets; 3 more the first time for the footer's pages (then cached)
    with django_assert_num_queries(8):
        response = client.get(f"{prefix}/members/")
    assert heading in response.text
    assert daegu in response.text
    for n in range(10):
        OrganisationFactory(slug=f"extra-{n}", country="US")
    with django_assert_num_queries(5):
        assert len(names(client.get(f"{prefix}/members/"))) == 15


@pytest.mark.parametrize("prefix,label", [("", "인구"), ("/en", "Population")])
def test_organisation_page_in_both_languages_in_constant_queries(
        client, members, as_user, prefix, label, django_assert_num_queries):
    members.daegu.population = 2_370_000
    members.daegu.save()
    # organisation, member organisations, themes, page view restrictions, case studies,
    # adoptions, offerings, open challenges; 3 for the footer's pages (then cached)
    with django_assert_num_queries(11):
        response = client.get(f"{prefix}/members/daegu/")
    assert label in response.text
    assert "2,370,000" in response.text
    member = as_user(members.officer)
    for n in range(5):
        MembershipFactory(organisation=members.daegu)
    with django_assert_num_queries(14):  # + session, user, viewer memberships, groups, people,
        # unread notifications
        page = member.get(f"{prefix}/members/daegu/")
    assert "smartcity@daegu.example" in page.text


def test_lapsed_organisations_have_no_public_page(client, members):
    assert client.get("/en/members/gone/").status_code == 404


def test_a_person_downloads_their_data(network, as_user):
    response = as_user(network.officer).get("/en/members/me/data/")
    assert response["Content-Disposition"] == 'attachment; filename="my-portal-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "officer@daegu.example"
    assert data["memberships"] == [{"organisation": "Daegu", "role": "officer",
                                    "since": data["memberships"][0]["since"]}]


def reauthenticated(client):
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    return client


def test_deleting_an_account_asks_for_the_password_again(network, as_user):
    response = as_user(network.officer).post("/en/members/me/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    assert User.objects.filter(email="officer@daegu.example").exists()


def test_deleting_an_account_keeps_the_organisation_and_forgets_the_person(network, as_user):
    client = reauthenticated(as_user(network.officer))
    response = client.post("/en/members/me/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session  # signed out
    assert not User.objects.filter(email="officer@daegu.example").exists()
    assert Organisation.objects.filter(slug="daegu").exists()
    assert not MembershipEvent.objects.filter(subject_email="officer@daegu.example").exists()
    assert MembershipEvent.objects.filter(action="account_deleted").exists()


def test_the_last_admin_cannot_delete_their_account(network, as_user):
    client = reauthenticated(as_user(network.org_admin))
    response = client.post("/en/members/me/delete/", {"confirm": "on"})
    assert "needs at least one admin" in response.text
    assert User.objects.filter(email="admin@daegu.example").exists()


def test_deleting_needs_the_confirmation(network, as_user):
    response = reauthenticated(as_user(network.officer)).post("/en/members/me/delete/", {})
    assert response.status_code == 200
    assert User.objects.filter(email="officer@daegu.example").exists()
