"""The Elasticsearch index lifecycle: an alias over one index, swapped atomically on rebuild,
so searches keep answering from the old index while the new one fills."""

import threading

import pytest
from django.db import connection

from members.search import organisation_records
from tests.factories import OrganisationFactory
from tests.support.search import find, titles

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(params=["elasticsearch"])
def search_engine(request, search_engine):
    return search_engine


def test_a_synced_object_is_stored_with_its_analysed_terms(search_engine):
    org = OrganisationFactory(name_en="Bucheon", name_ko="부천시",
                              description_ko="주차장에서 센서를")
    search_engine.sync("organisation", str(org.pk))
    assert titles(find(search_engine, "Bucheon", language="en")) == ["Bucheon"]
    raw = search_engine.client.get(index=search_engine.alias, id=f"organisation-{org.pk}-ko")
    assert raw["_source"]["title"] == "부천시"
    assert raw["_source"]["terms"].split()[-2:] == ["주차장", "센서"]  # no particles
    assert raw["_source"]["shown_for"] == ["ko"]  # an English version exists


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
    assert find(search_engine, "Busan").total == 1


def test_searches_during_a_rebuild_answer_from_the_old_index(search_engine):
    suwon = OrganisationFactory(name_en="Suwon")
    search_engine.rebuild()
    loading, release = threading.Event(), threading.Event()

    def slow_records():
        yield from organisation_records(suwon)
        loading.set()
        release.wait(timeout=30)  # the new index stays half-filled until the searches ran

    def rebuild_in_background():
        try:
            search_engine.rebuild(records=slow_records())
        finally:
            connection.close()  # the thread's own database connection

    rebuild = threading.Thread(target=rebuild_in_background)
    rebuild.start()
    try:
        assert loading.wait(timeout=30)
        during = [find(search_engine, "Suwon", language="en").total for _ in range(5)]
    finally:
        release.set()
        rebuild.join(timeout=60)
    assert during == [1] * 5
    assert find(search_engine, "Suwon", language="en").total == 1
    assert len(search_engine.client.indices.get_alias(name=search_engine.alias)) == 1
