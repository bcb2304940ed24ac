"""The Elasticsearch cluster the engine talks to: its hosts (``ELASTICSEARCH_URL``, several
comma-separated), how requests move to another node when one fails, how the index is laid
out over the nodes (``SEARCH_INDEX_SHARDS``, ``SEARCH_INDEX_REPLICAS``), and what ``status``
tells an operator about the nodes and shards. A node lost or back is logged once per change,
not per request."""

import logging
import threading
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from elastic_transport import NodePool
from elasticsearch import Elasticsearch, TransportError

logger = logging.getLogger(__name__)
REQUEST_TIMEOUT = 10  # seconds; a node that takes longer is skipped for another one
# One replica whenever a second data node is there to hold it, none on a single node: the
# cluster adjusts it itself as nodes join or leave.
AUTO_REPLICAS = "0-1"


def hosts(url: str) -> list[str]:
    """The nodes named in ``ELASTICSEARCH_URL`` (``http://a:9200,http://b:9200``)."""
    found = [host.strip() for host in url.split(",") if host.strip()]
    if not found:
        raise ImproperlyConfigured("ELASTICSEARCH_URL names no host.")
    for host in found:
        parts = urlsplit(host)
        if parts.scheme not in ("http", "https") or not parts.hostname or not _port_ok(parts):
            raise ImproperlyConfigured(
                f"ELASTICSEARCH_URL: {host!r} is not a node's address; expected "
                "http(s)://host:port, several separated by commas.")
    return found


def _port_ok(parts: SplitResult) -> bool:
    try:
        return parts.port is None or parts.port > 0
    except ValueError:  # not a number, or out of range
        return False


def _count(name: str, value: object, minimum: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = minimum - 1
    if number < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least {minimum}, "
                                   f"not {value!r}.")
    return number


@dataclass(frozen=True)
class IndexLayout:
    shards: int
    replicas: int | None  # None: one replica when a second data node exists

    def index_settings(self) -> dict:
        replicas = ({"auto_expand_replicas": AUTO_REPLICAS} if self.replicas is None
                    else {"number_of_replicas": self.replicas})
        return {"number_of_shards": self.shards, **replicas}

    def problem(self, data_nodes: int) -> str:
        """Why the replicas asked for cannot all be placed, or ``""``."""
        if self.replicas is None or self.replicas <= data_nodes - 1:
            return ""
        return (f"SEARCH_INDEX_REPLICAS={self.replicas} needs {self.replicas + 1} data nodes, "
                f"the cluster has {data_nodes}: {self.replicas - data_nodes + 1} copy(ies) of "
                "each shard stay unassigned and the cluster stays yellow. Set it to at most "
                f"{max(data_nodes - 1, 0)}, or leave it unset (one replica when a second "
                "node is there).")


def layout() -> IndexLayout:
    """Shards and replicas from the settings; a value that is no count stops the start-up."""
    replicas = settings.SEARCH_INDEX_REPLICAS
    return IndexLayout(
        shards=_count("SEARCH_INDEX_SHARDS", settings.SEARCH_INDEX_SHARDS, 1),
        replicas=None if replicas in (None, "") else _count("SEARCH_INDEX_REPLICAS",
                                                            replicas, 0))


class LoggedNodePool(NodePool):
    """elastic-transport's pool (a failed node is skipped for a growing while and the request
    retried on another), saying once when a node stops answering and once when it is back.
    Its own per-request warnings, tracebacks included, are silenced in LOGGING."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lost: set = set()
        self._lost_lock = threading.Lock()

    def mark_dead(self, node, _now: float | None = None) -> None:
        super().mark_dead(node, _now=_now)
        with self._lost_lock:  # one node alone: its loss is the outage search.engines logs
            newly = node.config not in self._lost and len(self._all_nodes) > 1
            self._lost.add(node.config)
        if newly:
            logger.warning("search node %s does not answer; requests go to the other nodes",
                           node.base_url)

    def mark_live(self, node) -> None:
        super().mark_live(node)
        with self._lost_lock:
            back = node.config in self._lost
            self._lost.discard(node.config)
        if back:
            logger.warning("search node %s answers again", node.base_url)


def client(url: str) -> Elasticsearch:
    """A client over every node in ``url``. A request that fails on one node (refused,
    timed out, 502/503/504) is tried on the next, up to once per other node; no sniffing, so
    only the nodes named are used (behind a proxy or in containers the addresses the
    cluster knows itself by are often not reachable)."""
    nodes = hosts(url)
    return Elasticsearch(nodes, request_timeout=REQUEST_TIMEOUT,
                         max_retries=max(len(nodes) - 1, 1), retry_on_timeout=True,
                         node_pool_class=LoggedNodePool)


def unreachable(url: str) -> list[str]:
    """The hosts in ``url`` that do not answer now, each asked on its own."""
    down = []
    for host in hosts(url):
        try:  # not ping(): the minimal distribution answers 405 to "/"
            Elasticsearch(host, request_timeout=2, max_retries=0).cluster.health()
        except TransportError:
            down.append(host)
    return down


def describe(es: Elasticsearch, url: str, index: str | None) -> dict:
    """The cluster as ``search_index status`` shows it: health, the nodes, where each shard
    of ``index`` is, and what an operator should fix."""
    health = es.cluster.health()
    nodes = es.cat.nodes(format="json", h="name,ip,http_address,node.role,master,heap.percent")
    shards = (es.cat.shards(index=index, format="json", h="shard,prirep,state,docs,node")
              if index else [])
    problems = [f"{host} does not answer" for host in unreachable(url)]
    if problem := layout().problem(health["number_of_data_nodes"]):
        problems.append(problem)
    return {
        "cluster": (f"{health['cluster_name']} {health['status']}, "
                    f"{health['number_of_nodes']} nodes ({health['number_of_data_nodes']} "
                    f"data), {health['active_shards']} active shards, "
                    f"{health['unassigned_shards']} unassigned"),
        "nodes": [f"{n['name']} {n['http_address'] or n['ip']} roles={n['node.role']}"
                  f"{' master' if n['master'] == '*' else ''} heap={n['heap.percent']}%"
                  for n in sorted(nodes, key=lambda n: n["name"])],
        "shards": [f"shard {s['shard']} {'primary' if s['prirep'] == 'p' else 'replica'} "
                   f"{s['state']} on {s['node'] or '(unassigned)'} docs={s['docs'] or 0}"
                   for s in sorted(shards, key=lambda s: (int(s["shard"]), s["prirep"]))],
        "problems": problems or ["none"],
    }
