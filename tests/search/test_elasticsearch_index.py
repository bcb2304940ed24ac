"""The Elasticsearch index lifecycle: an alias over one index, swapped atomically on rebuild."""

import pytest

from search.registry import PUBLIC
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(params=["elasticsearch"])
def search_engine(request, search_engine):
    return search_engine


def test_a_document_indexed_through_elasticsearch_dsl_is_found(search_engine):
    org = OrganisationFactory(name_en="Bucheon", name_ko="부천시")
    from members.search import organisation_records

    assert search_engine.index(organisation_records(org)) == 2
    results = search_engine.search("Bucheon", audiences={PUBLIC}, language="en")
    assert [h.title for h in results.hits] == ["Bucheon"]
    raw = search_engine.client.get(index=search_engine.alias, id=f"organisation-{org.pk}-ko")
    assert raw["_source"]["title"] == "부천시"
    assert raw["_source"]["hangul"] == "부천 천시"


def test_rebuild_swaps_the_alias_and_drops_the_old_index(search_engine):
    OrganisationFactory(name_en="Suwon")
    search_engine.rebuild()
    first = list(search_engine.client.indices.get_alias(name=search_engine.alias))
    OrganisationFactory(name_en="Busan")
    search_engine.rebuild()
    second = list(search_engine.client.indices.get_alias(name=search_engine.alias))

    assert len(first) == len(second) == 1
    assert first != second
    assert not search_engine.client.indices.exists(index=first[0])
    assert search_engine.status()["documents_by_kind"] == {"organisation": 4}
    assert search_engine.search("Busan", audiences={PUBLIC}).total == 1
