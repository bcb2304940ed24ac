"""Against the real Elasticsearch: a change reaches the index after commit, survives an
outage in the outbox, and waits out a rebuild; afterwards the index equals the database."""

import datetime

import pytest
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils import timezone
from elasticsearch_dsl import Search

from members.models import Organisation
from search import outbox
from search.engines import get_engine
from search.models import PendingChange
from search.outbox import held_changes
from search.registry import PUBLIC, all_records
from search.tasks import record_changes, sweep_outbox
from tests.factories import OrganisationFactory
from tests.support.search import find


def elasticsearch_only(test):
    return pytest.mark.elasticsearch(
        pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)(test))


def found(engine, text: str) -> list[str]:
    return [hit.title for hit in find(engine, text, audiences={PUBLIC}, language="en").hits]


def indexed_ids(engine) -> set[str]:
    engine.client.indices.refresh(index=engine.alias)
    return {hit.meta.id for hit in Search(using=engine.client, index=engine.alias).scan()}


@elasticsearch_only
def test_a_change_reaches_the_index_after_commit(search_engine, on_commit):
    search_engine.rebuild()
    with on_commit():
        gimhae = OrganisationFactory(name_en="Gimhae City")
    assert found(search_engine, "Gimhae") == ["Gimhae City"]
    with on_commit():
        gimhae.membership_status = "lapsed"
        gimhae.save()
    assert found(search_engine, "Gimhae") == []
    assert not PendingChange.objects.exists()


@elasticsearch_only
def test_nothing_is_lost_while_elasticsearch_is_down(search_engine, on_commit, settings):
    andong = OrganisationFactory(name_en="Andong City")
    search_engine.rebuild()
    working_url = settings.ELASTICSEARCH_URL

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    get_engine.cache_clear()
    with on_commit():  # the requests that made these changes do not fail
        OrganisationFactory(name_en="Boryeong City")
        andong.membership_status = "suspended"
        andong.save()
    assert PendingChange.objects.count() == 2
    assert all(change.attempts == 1 and change.last_error
               for change in PendingChange.objects.all())

    settings.ELASTICSEARCH_URL = working_url  # back up
    get_engine.cache_clear()
    PendingChange.objects.update(next_attempt_at=timezone.now())  # the retry is due
    assert sweep_outbox() == {"applied": 2, "pending": 0}
    assert indexed_ids(search_engine) == {record.doc_id for record in all_records()}
    assert found(search_engine, "Boryeong") == ["Boryeong City"]
    assert found(search_engine, "Andong") == []


@elasticsearch_only
def test_changes_made_during_a_rebuild_wait_and_reach_the_new_index(search_engine, on_commit):
    search_engine.rebuild()
    with held_changes(search_engine):  # what rebuild() wraps around loading the new index
        with on_commit():
            OrganisationFactory(name_en="Chuncheon City")
        assert PendingChange.objects.count() == 1  # not sent to the index being replaced
    assert found(search_engine, "Chuncheon") == ["Chuncheon City"]
    assert not PendingChange.objects.exists()


@pytest.mark.parametrize("search_engine", ["database"], indirect=True)
def test_the_database_engine_follows_changes_through_the_same_outbox(search_engine, on_commit):
    with on_commit():
        gangneung = OrganisationFactory(name_en="Gangneung City")
    assert found(search_engine, "Gangneung") == ["Gangneung City"]
    with on_commit():
        gangneung.membership_status = "lapsed"
        gangneung.save()
    assert found(search_engine, "Gangneung") == []
    assert not PendingChange.objects.exists()


@elasticsearch_only
def test_a_batch_reaches_the_index_in_one_go_and_waits_out_an_outage(search_engine, on_commit,
                                                                     settings):
    cities = [OrganisationFactory(name_en=f"Batchton {n}") for n in range(3)]
    search_engine.rebuild()
    PendingChange.objects.all().delete()
    Organisation.objects.filter(pk__in=[c.pk for c in cities[:2]]).update(
        name_en=Concat("name_en", Value(" City")))  # no signal: only the batch says so
    ids = [str(city.pk) for city in cities]
    with on_commit():
        record_changes("organisation", ids)
    assert sorted(found(search_engine, "Batchton")) == [
        "Batchton 0 City", "Batchton 1 City", "Batchton 2"]
    assert not PendingChange.objects.exists()

    working_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    get_engine.cache_clear()
    Organisation.objects.filter(pk__in=ids).update(membership_status="lapsed")
    with on_commit():
        record_changes("organisation", ids)
    assert PendingChange.objects.count() == 3  # left for the sweep, one by one

    settings.ELASTICSEARCH_URL = working_url
    get_engine.cache_clear()
    assert sweep_outbox() == {"applied": 3, "pending": 0}
    assert found(search_engine, "Batchton") == []


@pytest.mark.parametrize("search_engine", ["database"], indirect=True)
def test_a_change_recorded_again_during_a_batch_keeps_its_row(search_engine):
    cities = [OrganisationFactory(name_en=f"Requeued {n}") for n in range(2)]
    PendingChange.objects.all().delete()
    ids = [str(city.pk) for city in cities]
    outbox.record_many("organisation", ids)
    read = list(PendingChange.objects.filter(object_id__in=ids))
    first = next(change for change in read if change.object_id == ids[0])
    PendingChange.objects.filter(pk=first.pk).update(  # recorded again, by a slower clock
        queued_at=first.queued_at - datetime.timedelta(seconds=5))
    assert outbox.apply_many(read, search_engine) == 2
    assert list(PendingChange.objects.values_list("object_id", flat=True)) == [ids[0]]
