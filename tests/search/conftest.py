import uuid

import pytest

from search import registry
from search.engines import get_engine


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def search_engine(request, settings, db):
    """Each engine in turn, so one contract suite covers both. Elasticsearch gets an alias of
    its own, dropped with its indices afterwards."""
    settings.SEARCH_ENGINE = request.param
    settings.SEARCH_INDEX_ALIAS = f"portal-test-{uuid.uuid4().hex[:10]}"
    get_engine.cache_clear()
    engine = get_engine()
    yield engine
    if request.param == "elasticsearch":
        engine.client.indices.delete(index=f"{settings.SEARCH_INDEX_ALIAS}-*")
    get_engine.cache_clear()


@pytest.fixture
def temporary_registration():
    """Register an extra searchable type for one test."""
    saved = dict(registry._registry)
    yield registry.register
    registry._registry.clear()
    registry._registry.update(saved)
