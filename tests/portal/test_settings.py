"""Configuration comes from the environment: the embedded default with nothing set, and
production settings that refuse to start half-configured and pass ``check --deploy``."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG_VARS = ("DATABASE_URL", "DATABASE_POOL_MAX_SIZE", "DATABASE_CONN_MAX_AGE",
               "ELASTICSEARCH_URL", "CELERY_BROKER_URL", "REDIS_URL", "EMAIL_URL",
               "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "PORTAL_REQUIRE_SERVICES",
               "DJANGO_ALLOW_ASYNC_UNSAFE")


def run_django(settings: str, code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings)
    script = f"import django; django.setup(); from django.conf import settings; {code}"
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=clean,
                          capture_output=True, text=True, timeout=120)


def production_env() -> dict[str, str]:
    return {"SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "portal.example.org"}


def test_embedded_default_needs_no_services():
    result = run_django(
        "portal.settings.dev",
        "print(__import__('json').dumps({'db': settings.DATABASES['default']['ENGINE'],"
        " 'search': settings.SEARCH_ENGINE, 'eager': settings.CELERY_TASK_ALWAYS_EAGER,"
        " 'email': settings.EMAIL_BACKEND, 'debug': settings.DEBUG}))",
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config == {
        "db": "django.db.backends.sqlite3",
        "search": "database",
        "eager": True,
        "email": "django.core.mail.backends.console.EmailBackend",
        "debug": True,
    }


def test_services_are_chosen_by_environment_variables():
    result = run_django(
        "portal.settings.production",
        "print(settings.DATABASES['default']['ENGINE'], settings.SEARCH_ENGINE,"
        " settings.CELERY_TASK_ALWAYS_EAGER, settings.EMAIL_BACKEND, settings.DEBUG,"
        " settings.CACHES['default']['BACKEND'])",
        DATABASE_URL="postgres://u:p@db.internal:5432/portal",
        ELASTICSEARCH_URL="http://search.internal:9200",
        CELERY_BROKER_URL="redis://redis.internal:6379/1",
        REDIS_URL="redis://redis.internal:6379/0",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.internal:587",
        **production_env(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql", "elasticsearch", "False",
        "django.core.mail.backends.smtp.EmailBackend", "False",
        "django.core.cache.backends.redis.RedisCache",
    ]


def test_production_refuses_to_start_without_secret_key():
    result = run_django("portal.settings.production", "print('started')",
                        ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("weak_key", ["x" * 60, "abcde" * 12, "django-insecure-" + "a1b2c3d4" * 6,
                                      "short-but-random-Q9z"])
def test_production_refuses_a_weak_secret_key(weak_key):
    result = run_django("portal.settings.production", "print('started')",
                        SECRET_KEY=weak_key, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a random string of 50+ characters" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django("portal.settings.production", "print('started')",
                        SECRET_KEY=secrets.token_urlsafe(60))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_ignores_debug_from_environment():
    result = run_django("portal.settings.production", "print(settings.DEBUG)", DEBUG="true",
                        **production_env())
    assert result.stdout.strip() == "False"


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    env.update(production_env(), DJANGO_SETTINGS_MODULE="portal.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_pool_is_configured_from_the_environment():
    result = run_django(
        "portal.settings.dev",
        "print(__import__('json').dumps(settings.DATABASES['default']['OPTIONS']['pool']),"
        " settings.DATABASES['default']['CONN_HEALTH_CHECKS'])",
        DATABASE_URL="postgres://u:p@db.internal:5432/portal", DATABASE_POOL_MAX_SIZE="8")
    assert result.returncode == 0, result.stderr
    pool, health_checks = result.stdout.rsplit(" ", 1)
    assert json.loads(pool) == {"min_size": 1, "max_size": 8, "timeout": 10.0}
    assert health_checks.strip() == "True"


@pytest.mark.parametrize(("env", "message"), [
    ({}, "DATABASE_POOL_MAX_SIZE needs PostgreSQL"),
    ({"DATABASE_URL": "postgres://u:p@db.internal:5432/portal", "DATABASE_CONN_MAX_AGE": "60"},
     "DATABASE_POOL_MAX_SIZE and DATABASE_CONN_MAX_AGE exclude each other"),
])
def test_a_database_pool_that_cannot_work_stops_start_up(env, message):
    result = run_django("portal.settings.dev", "print(settings.DATABASES)",
                        DATABASE_POOL_MAX_SIZE="8", **env)
    assert result.returncode != 0
    assert message in result.stderr
