"""Elasticsearch as a cluster, as an operator configures and watches it: several hosts in
ELASTICSEARCH_URL, shards and replicas from settings, ``search_index status`` naming what is
wrong, an outage logged once when it starts and once when it ends, and the rebuild's hold
flag kept apart per deployment."""

import io
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from search import cluster, engines
from search.engines import SearchUnavailable, ask, get_engine
from search.models import PendingChange
from search.outbox import apply, held_changes, record
from search.query import SearchQuery
from search.registry import PUBLIC
from tests.factories import OrganisationFactory
from tests.support.search import find

DEAD_NODE = "http://127.0.0.1:9"  # nothing listens on the discard port


def elasticsearch_only(test):
    return pytest.mark.elasticsearch(
        pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)(test))


def status_of() -> str:
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    return out.getvalue()


def test_several_hosts_are_one_cluster():
    assert cluster.hosts(" http://es-1:9200, http://es-2:9200,https://es-3:9243 ") == [
        "http://es-1:9200", "http://es-2:9200", "https://es-3:9243"]


@pytest.mark.parametrize("url, named", [
    ("", "names no host"),
    ("http://es-1:9200,es-2:9200", "'es-2:9200' is not a node's address"),
    ("http://es-1:92x0", "'http://es-1:92x0' is not a node's address"),
    ("ftp://es-1:9200", "'ftp://es-1:9200' is not a node's address"),
])
def test_a_host_that_is_no_address_is_named(url, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        cluster.hosts(url)


@pytest.mark.parametrize("shards, replicas, named", [
    ("0", None, "SEARCH_INDEX_SHARDS must be a whole number of at least 1, not '0'"),
    ("two", None, "SEARCH_INDEX_SHARDS must be a whole number of at least 1, not 'two'"),
    ("1", "-1", "SEARCH_INDEX_REPLICAS must be a whole number of at least 0, not '-1'"),
])
def test_a_shard_or_replica_count_that_is_no_count_is_refused(settings, shards, replicas,
                                                               named):
    settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS = shards, replicas
    with pytest.raises(ImproperlyConfigured, match=named):
        cluster.layout()


def test_replicas_follow_the_nodes_unless_set(settings):
    settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS = "3", None
    assert cluster.layout().index_settings() == {"number_of_shards": 3,
                                                 "auto_expand_replicas": "0-1"}
    settings.SEARCH_INDEX_REPLICAS = "2"
    layout = cluster.layout()
    assert layout.index_settings() == {"number_of_shards": 3, "number_of_replicas": 2}
    assert layout.problem(data_nodes=3) == ""
    assert "SEARCH_INDEX_REPLICAS=2 needs 3 data nodes, the cluster has 2" in layout.problem(2)


@pytest.mark.parametrize("search_engine", ["database"], indirect=True)
def test_a_rebuild_holds_only_its_own_deployments_changes(search_engine, settings):
    """Two deployments on one Redis: a rebuild of one must not hold the other's changes."""
    OrganisationFactory(name_en="Gangneung City")
    change = PendingChange.objects.get()
    settings.SEARCH_INDEX_ALIAS = "portal-search-staging"
    with held_changes(search_engine):
        settings.SEARCH_INDEX_ALIAS = "portal-search-production"
        assert apply(change, search_engine)  # not held by staging's rebuild
        record(change.kind, change.object_id)
        settings.SEARCH_INDEX_ALIAS = "portal-search-staging"
        assert not apply(PendingChange.objects.get(), search_engine)  # held: its own


@elasticsearch_only
def test_status_shows_the_cluster_its_nodes_and_where_the_shards_are(search_engine):
    OrganisationFactory(name_en="Gangneung City")
    search_engine.rebuild()
    status = status_of()
    assert "cluster " in status and " data), " in status
    assert "\nnodes " in status and " roles=" in status and " master heap=" in status
    assert "shard 0 primary STARTED on " in status
    assert "problems           none" in status


@elasticsearch_only
def test_replicas_above_the_nodes_are_said_at_creation_and_in_status(search_engine, settings,
                                                                    caplog):
    nodes = search_engine.client.cluster.health()["number_of_data_nodes"]
    settings.SEARCH_INDEX_REPLICAS = str(nodes)
    with caplog.at_level(logging.WARNING, logger="search.elastic"):
        search_engine.rebuild([])
    expected = f"SEARCH_INDEX_REPLICAS={nodes} needs {nodes + 1} data nodes"
    assert expected in caplog.text
    assert expected in status_of()
    assert "replica UNASSIGNED on (unassigned)" in status_of()


@elasticsearch_only
def test_an_unreachable_host_is_skipped_and_named_in_status(search_engine, settings, caplog):
    OrganisationFactory(name_en="Gangneung City")
    search_engine.rebuild()
    settings.ELASTICSEARCH_URL = f"{DEAD_NODE},{settings.ELASTICSEARCH_URL}"
    get_engine.cache_clear()
    engine = get_engine()
    with caplog.at_level(logging.WARNING):
        for _ in range(4):  # the dead node is tried first, then skipped for a while
            assert [h.title for h in find(engine, "Gangneung", language="en").hits] == [
                "Gangneung City"]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        f"search node {DEAD_NODE} does not answer; requests go to the other nodes"]
    assert f"{DEAD_NODE} does not answer" in status_of()


@pytest.mark.elasticsearch
def test_an_outage_is_logged_when_it_starts_and_when_it_ends(db, settings, caplog,
                                                             monkeypatch):
    monkeypatch.setattr(engines, "outage", engines.Outage())
    working_url = settings.ELASTICSEARCH_URL
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.SEARCH_INDEX_ALIAS = "portal-test-outage-log"
    query = SearchQuery(audiences=frozenset({PUBLIC}), text="city")
    try:
        with caplog.at_level(logging.DEBUG):
            settings.ELASTICSEARCH_URL = DEAD_NODE
            get_engine.cache_clear()
            for _ in range(3):
                with pytest.raises(SearchUnavailable):
                    ask(lambda engine: engine.search(query))
            settings.ELASTICSEARCH_URL = working_url
            get_engine.cache_clear()
            for _ in range(3):
                ask(lambda engine: engine.search(query))
    finally:
        get_engine.cache_clear()
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage()[:26] for r in warnings] == [
        "search engine unavailable:", "search engine answers agai"]
    assert not any(r.exc_info for r in caplog.records)  # no traceback per request
