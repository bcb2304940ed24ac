"""The test suite: the services named in the environment are used, tasks run eagerly unless a
test starts a real worker, passwords hash fast."""

from .dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that need Elasticsearch opt in through the ``search_engine`` fixture.
SEARCH_ENGINE = "database"
SEARCH_INDEX_ALIAS = "portal-search-test"
# Each test starts with an empty cache (see tests/conftest.py), so allauth's rate limits of one
# test never leak into the next; the Redis cache is covered by the settings tests.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests read the INFO records (caplog) that development hides by default.
LOG_LEVEL = "INFO"
LOGGING["root"]["level"] = LOGGING["loggers"]["django"]["level"] = LOG_LEVEL  # noqa: F405
# Pages are rendered afresh in every test; tests/portal/test_page_cache.py turns the cache on.
PAGE_CACHE_SECONDS = 0
