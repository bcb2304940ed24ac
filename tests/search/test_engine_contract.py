"""One contract for both search engines: what a user can find, and what they must not."""

import pytest

from members.models import Organisation, OrganisationKind
from search.registry import MEMBERS, PUBLIC, SearchableType, SearchRecord
from tests.factories import OrganisationFactory


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


@pytest.fixture
def network(search_engine):
    OrganisationFactory(slug="daegu", name_en="Daegu Metropolitan City", name_ko="대구광역시",
                        description_en="Runs the city data hub.",
                        description_ko="도시 데이터허브를 운영합니다.")
    OrganisationFactory(slug="hanbit", kind=OrganisationKind.VENDOR, name_en="Hanbit Telecom",
                        name_ko="한빛텔레콤", description_en="5G control centres.",
                        description_ko="5G 통합관제 센터.")
    OrganisationFactory(slug="gone", name_en="Lapsed Town", name_ko="만료시",
                        membership_status="lapsed")
    search_engine.rebuild()
    return search_engine


def test_finds_an_organisation_by_name_in_each_language(network):
    english = network.search("Hanbit", audiences={PUBLIC}, language="en")
    korean = network.search("한빛텔레콤", audiences={PUBLIC}, language="ko")
    assert titles(english) == ["Hanbit Telecom"]
    assert titles(korean) == ["한빛텔레콤"]
    assert english.hits[0].url == "/en/members/hanbit/"


def test_korean_compound_matches_with_or_without_the_space(network):
    assert "대구광역시" in titles(network.search("데이터 허브", audiences={PUBLIC}, language="ko"))
    assert "대구광역시" in titles(network.search("데이터허브", audiences={PUBLIC}, language="ko"))


def test_inactive_organisations_are_not_found(network):
    assert network.search("Lapsed", audiences={PUBLIC}).total == 0


def test_nothing_matches_nonsense(network):
    assert network.search("zzqxv", audiences={PUBLIC}).total == 0


def members_only_records(org: Organisation):
    yield SearchRecord(kind="briefing", object_id=str(org.pk), language="en",
                       title=f"Members briefing for {org.name_en}", url="/briefing/",
                       audiences=(MEMBERS,))


def test_members_only_documents_stay_hidden_from_visitors(search_engine, temporary_registration):
    temporary_registration(SearchableType(
        kind="briefing", model=Organisation, indexable=lambda: Organisation.objects.active(),
        to_records=members_only_records, text_fields=("name_en",),
    ))
    OrganisationFactory(name_en="Suwon")
    search_engine.rebuild()

    visitor = search_engine.search("Suwon briefing", audiences={PUBLIC}, language="en")
    member = search_engine.search("Suwon briefing", audiences={PUBLIC, MEMBERS}, language="en")
    assert "Members briefing for Suwon" not in titles(visitor)
    assert "Members briefing for Suwon" in titles(member)
