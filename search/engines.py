"""The two search engines behind one interface: Elasticsearch when ``ELASTICSEARCH_URL`` is
set, the database otherwise (the embedded default). Both offer ``search``, ``suggest``,
``similar``, ``matching``, ``sync``, ``rebuild``, ``status`` and ``health``."""

import logging
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


def ask(question: Callable[[Engine], T]) -> T:
    """``question(engine)``, with a cluster outage turned into ``SearchUnavailable``."""
    try:
        return question(get_engine())
    except (ApiError, TransportError) as error:
        logger.warning("search engine unavailable: %s", error)
        raise SearchUnavailable from error


def ask_or(default: T, question: Callable[[Engine], T]) -> T:
    """``question(engine)``, or ``default`` while the cluster is down: for the parts of a page
    that search only adds to (similar case studies, matching solutions)."""
    try:
        return ask(question)
    except SearchUnavailable:
        return default
