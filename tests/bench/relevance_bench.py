"""Precision at 1 and recall at 3 of the relevance suite's queries, per engine: the database
engine always, Elasticsearch too when ELASTICSEARCH_URL is set.

    [ELASTICSEARCH_URL=http://127.0.0.1:9200] .venv/bin/python tests/bench/relevance_bench.py

Runs in a throwaway test database and alias; prints the figures and each query that missed.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from search import registry  # noqa: E402
from search.engines import get_engine  # noqa: E402
from tests.search.relevance_corpus import QUERIES, build, measure  # noqa: E402


class Rollback(Exception):
    pass


def run(engine_name: str) -> None:
    alias = f"portal-relevance-{int(time.time())}"
    settings = {"SEARCH_ENGINE": engine_name, "SEARCH_INDEX_ALIAS": alias}
    if engine_name == "elasticsearch":
        settings["ELASTICSEARCH_URL"] = os.environ["ELASTICSEARCH_URL"]
    saved = dict(registry._registry)
    with override_settings(**settings):
        get_engine.cache_clear()
        engine = get_engine()
        try:
            with transaction.atomic():
                build(engine, registry.register)
                precision, recall, misses = measure(engine)
                raise Rollback
        except Rollback:
            pass
        finally:
            registry._registry.clear()
            registry._registry.update(saved)
            if engine_name == "elasticsearch":
                engine.client.indices.delete(index=f"{alias}-*")
            get_engine.cache_clear()
    print(f"{engine_name:14} precision@1 {precision:.3f}   recall@3 {recall:.3f}   "
          f"({len(QUERIES)} queries)")
    for language, text, expected, top in misses:
        print(f"    missed [{language}] {text!r}: expected {expected}, got {top}")


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run("database")
        if os.environ.get("ELASTICSEARCH_URL"):
            run("elasticsearch")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
