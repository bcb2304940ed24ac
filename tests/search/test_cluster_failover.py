"""A node of a three-node cluster dies (SIGKILL) while readers search and editors publish:
searches answer again within 30 s, no edit is lost, and after recovery the index equals the
database. The node is started again as scripts/services.sh started it, so the cluster is
whole afterwards. Runs in the serial phase (marker ``outage``) against the cluster .ci/run
starts beside the single node (ELASTICSEARCH_CLUSTER_URL)."""

import os
import signal
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import connections
from django.utils import timezone
from elasticsearch import Elasticsearch
from elasticsearch_dsl import Search

from search.engines import SearchUnavailable, ask, get_engine
from search.models import PendingChange
from search.query import SearchQuery
from search.registry import PUBLIC, all_records
from search.tasks import sweep_outbox
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.elasticsearch_cluster, pytest.mark.outage]
ANSWER_AGAIN_WITHIN = 30  # seconds, the promise
AFTER_THE_KILL = 8  # seconds of searching and editing after it


@dataclass
class Searches:
    """Each search: when it started, when it ended, whether it answered."""
    done: list[tuple[float, float, bool]] = field(default_factory=list)

    def answer_again_after(self, killed_at: float) -> float:
        """Seconds from the kill until searches answered again: the end of the first search
        that answered and started after the kill and after the last one that did not."""
        last_failure = max((end for _, end, answered in self.done
                            if end >= killed_at and not answered), default=killed_at)
        return min(end for start, end, answered in self.done
                   if answered and start >= last_failure) - killed_at


def cluster_client(url: str) -> Elasticsearch:
    return Elasticsearch(url.split(","), request_timeout=30, max_retries=3)


def wait_until_whole(es: Elasticsearch, nodes: int = 3, timeout: int = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            health = es.cluster.health(wait_for_nodes=str(nodes), wait_for_status="green",
                                       timeout="10s")
            if not health["timed_out"]:
                return
        except Exception:  # a node still starting, or the one asked is the one restarting
            time.sleep(1)
    raise AssertionError(f"the cluster did not have {nodes} nodes and green within {timeout}s "
                         "(.ci/run: see cluster/services.log in the services directory)")


def holder_of_the_primary(es: Elasticsearch, index: str) -> dict:
    """The node holding the index's primary: its name, process id and start script."""
    name = next(s["node"] for s in es.cat.shards(index=index, format="json") if s["prirep"] == "p")
    info = es.nodes.info(metric="process,settings")["nodes"]
    node = next(n for n in info.values() if n["name"] == name)
    start = Path(node["settings"]["path"]["logs"]).parent / "start.sh"
    assert start.exists(), f"{name} was not started by scripts/services.sh ({start})"
    return {"name": name, "pid": node["process"]["id"], "start": start,
            "master": es.cat.master(format="json")[0]["node"] == name}


def run_until(stop: threading.Event, step, pause: float) -> None:
    try:
        while not stop.is_set():
            step()
            time.sleep(pause)
    finally:
        connections.close_all()  # this thread's own database connection


def indexed_ids(engine) -> set[str]:
    engine.client.indices.refresh(index=engine.alias)
    return {hit.meta.id for hit in Search(using=engine.client, index=engine.alias).scan()}


def test_searches_survive_a_killed_node_and_no_edit_is_lost(transactional_db, settings, capsys):
    url = os.environ["ELASTICSEARCH_CLUSTER_URL"]
    es = cluster_client(url)
    wait_until_whole(es)
    settings.SEARCH_ENGINE, settings.ELASTICSEARCH_URL = "elasticsearch", url
    settings.SEARCH_INDEX_ALIAS = f"portal-test-failover-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_INDEX_REPLICAS = None  # one replica: the cluster has three data nodes
    get_engine.cache_clear()
    engine = get_engine()
    killed = None
    try:
        for n in range(10):
            OrganisationFactory(name_en=f"Failover City {n}")
        engine.rebuild()
        wait_until_whole(es)
        index = next(iter(es.indices.get_alias(name=engine.alias)))
        killed = holder_of_the_primary(es, index)

        searches, edits, stop = Searches(), [], threading.Event()
        query = SearchQuery(audiences=frozenset({PUBLIC}), text="")

        def search() -> None:
            started = time.monotonic()
            try:
                answered = ask(lambda e: e.search(query)).total > 0
            except SearchUnavailable:
                answered = False
            searches.done.append((started, time.monotonic(), answered))

        def edit() -> None:  # each one commits, and its change goes to the index after
            edits.append(OrganisationFactory(name_en=f"Edited City {len(edits)}").pk)

        workers = [threading.Thread(target=run_until, args=(stop, search, 0.05)),
                   threading.Thread(target=run_until, args=(stop, edit, 0.2))]
        for worker in workers:
            worker.start()
        time.sleep(2)
        killed_at = time.monotonic()
        os.kill(killed["pid"], signal.SIGKILL)
        time.sleep(AFTER_THE_KILL)
        stop.set()
        for worker in workers:
            worker.join(60)

        answer_again = searches.answer_again_after(killed_at)
        after = [s for s in searches.done if s[0] >= killed_at]
        failed = sum(not s[2] for s in after)
        slowest = max(s[1] - s[0] for s in after)
        with capsys.disabled():
            print(f"\nfailover: killed {killed['name']} (primary"
                  f"{', elected master' if killed['master'] else ''}) with SIGKILL; searches "
                  f"answered again after {answer_again:.2f} s; {len(after)} searches after "
                  f"the kill, {failed} unanswered, slowest {slowest:.2f} s; {len(edits)} "
                  f"edits, {PendingChange.objects.count()} waiting in the outbox")
        assert answer_again <= ANSWER_AGAIN_WITHIN
        assert all(answered for _, _, answered in after[-20:])  # and they keep answering
        assert edits

        restarting = time.monotonic()
        subprocess.run(["bash", str(killed["start"])], check=True, timeout=300)
        killed = None
        wait_until_whole(es)
        with capsys.disabled():
            print(f"failover: the node started again, cluster green with three nodes after "
                  f"{time.monotonic() - restarting:.1f} s")
        PendingChange.objects.update(next_attempt_at=timezone.now())  # the retries are due
        assert sweep_outbox()["pending"] == 0
        assert indexed_ids(engine) == {record.doc_id for record in all_records()}
    finally:
        if killed is not None:  # the test failed before starting the node again
            subprocess.run(["bash", str(killed["start"])], timeout=300)
            wait_until_whole(es)
        es.indices.delete(index=f"{settings.SEARCH_INDEX_ALIAS}-*")
        get_engine.cache_clear()
