"""The two search engines behind one interface: Elasticsearch when ``ELASTICSEARCH_URL`` is
set, the database otherwise (the embedded default). Both offer ``search``, ``suggest``,
``similar``, ``matching``, ``sync``, ``rebuild``, ``status`` and ``health``."""

import logging
import threading
import time
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from django.conf import settings
from elasticsearch import ApiError, TransportError

from .database import DatabaseEngine
from .elastic import ElasticsearchEngine

logger = logging.getLogger(__name__)
T = TypeVar("T")

Engine = DatabaseEngine | ElasticsearchEngine


@cache
def get_engine() -> Engine:
    if settings.SEARCH_ENGINE == "elasticsearch":
        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_ALIAS)
    return DatabaseEngine()


class SearchUnavailable(Exception):
    """The search cluster did not answer; pages show what they can without it."""


class Outage:
    """Whether the cluster answered the last question (in this process): an outage is
    logged when it starts and when it ends, not once per request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.since: float | None = None

    def began(self, error: Exception) -> None:
        with self._lock:
            started, self.since = self.since is None, self.since or time.monotonic()
        if started:
            logger.warning("search engine unavailable: %s", error)

    def ended(self) -> None:
        if self.since is None:  # the common case, without the lock
            return
        with self._lock:
            since, self.since = self.since, None
        if since is not None:
            logger.warning("search engine answers again after %.0f s",
                           time.monotonic() - since)


outage = Outage()


def ask(question: Callable[[Engine], T]) -> T:
    """``question(engine)``, with a cluster outage turned into ``SearchUnavailable``."""
    try:
        answer = question(get_engine())
    except (ApiError, TransportError) as error:
        outage.began(error)
        raise SearchUnavailable from error
    outage.ended()
    return answer


def ask_or(default: T, question: Callable[[Engine], T]) -> T:
    """``question(engine)``, or ``default`` while the cluster is down: for the parts of a page
    that search only adds to (similar case studies, matching solutions)."""
    try:
        return ask(question)
    except SearchUnavailable:
        return default
