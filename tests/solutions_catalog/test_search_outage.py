"""A real Elasticsearch outage: the process is stopped, case studies are published and
unpublished meanwhile, and after it comes back the sweep makes the index equal the database.
Runs last (marker ``outage``): it stops the cluster the other tests use, then restarts it
with scripts/services.sh."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.utils import timezone
from elasticsearch import Elasticsearch
from elasticsearch_dsl import Search

from search.engines import get_engine
from search.models import PendingChange
from search.registry import all_records
from search.tasks import sweep_outbox
from solutions_catalog.models import CaseStudyPage
from tests.support.search import find, titles

pytestmark = [pytest.mark.elasticsearch, pytest.mark.outage]
SERVICES_DIR = Path(os.environ.get("PORTAL_SERVICES_DIR", "/var/lib/portal-services"))
REPOSITORY = Path(__file__).resolve().parents[2]


def answers(url: str) -> bool:
    try:
        return Elasticsearch(url, request_timeout=2, max_retries=0).ping()
    except Exception:
        return False


def stop_elasticsearch(url: str) -> None:
    pid = int((SERVICES_DIR / "es-logs" / "es.pid").read_text())
    os.kill(pid, signal.SIGTERM)
    for _ in range(60):
        if not answers(url):
            return
        time.sleep(1)
    raise AssertionError("Elasticsearch did not stop")


def indexed_ids(engine) -> set[str]:
    engine.client.indices.refresh(index=engine.alias)
    return {hit.meta.id for hit in Search(using=engine.client, index=engine.alias).scan()}


@pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)
def test_publishing_while_elasticsearch_is_stopped_loses_nothing(
        search_engine, catalogue, on_commit, client, settings):
    if not (SERVICES_DIR / "es-logs" / "es.pid").exists():
        pytest.skip("Elasticsearch was not started by scripts/services.sh")
    search_engine.rebuild()
    english = CaseStudyPage.objects.live().filter(locale__language_code="en")
    withdrawn, edited = english.get(slug="daegu-smart-street-lights"), english.get(
        slug="bucheon-smart-crosswalks")
    stop_elasticsearch(settings.ELASTICSEARCH_URL)
    try:
        with on_commit():
            withdrawn.unpublish()
        with on_commit():
            edited.title = "Bucheon smart crosswalks, phase two"
            edited.save_revision().publish()
        with on_commit():
            catalogue.unpublish()
        with on_commit():
            catalogue.save_revision().publish()  # and back
        # Readers meanwhile: pages answer; search says it is unavailable.
        assert client.get(edited.url).status_code == 200
        assert client.get("/en/search/", {"q": "smart"}).status_code == 503
        assert PendingChange.objects.filter(kind="case_study").count() == 3
        assert all(change.last_error for change in PendingChange.objects.all())
    finally:
        subprocess.run(["bash", "scripts/services.sh"], cwd=REPOSITORY, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
    get_engine.cache_clear()
    PendingChange.objects.update(next_attempt_at=timezone.now())  # the retry is due
    assert sweep_outbox()["pending"] == 0

    engine = get_engine()
    assert indexed_ids(engine) == {record.doc_id for record in all_records()}
    assert "Bucheon smart crosswalks, phase two" in titles(find(engine, "crosswalks",
                                                                 language="en"))
    assert "Daegu smart street lights" not in titles(find(engine, "street lights",
                                                          language="en"))
