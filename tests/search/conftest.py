import pytest

from search import registry


@pytest.fixture
def temporary_registration():
    """Register an extra searchable type for one test."""
    saved = dict(registry._registry)
    yield registry.register
    registry._registry.clear()
    registry._registry.update(saved)
