"""The production-like compose file: valid, complete, and on the Elasticsearch CI tests."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tests.conftest import compose_command

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
WORKERS = ("worker-default", "worker-mail", "worker-search")


def compose_config(directory: Path, *options: str) -> subprocess.CompletedProcess:
    """``compose config`` as an operator's shell runs it: variables come from the .env file,
    not from the test run's own environment (which has its own ELASTICSEARCH_URL)."""
    env = {k: v for k, v in os.environ.items() if k != "ELASTICSEARCH_URL"}
    return subprocess.run([*compose_command(), *options, "config"], cwd=directory, env=env,
                          capture_output=True, text=True, timeout=60)


def ci_elasticsearch_version() -> str:
    script = (ROOT / "scripts" / "services.sh").read_text()
    return re.search(r'ES_VERSION="\$\{ES_VERSION:-([0-9.]+)\}"', script).group(1)


@pytest.mark.compose
def test_docker_compose_accepts_the_file(tmp_path):
    shutil.copy(ROOT / "docker-compose.yml", tmp_path)
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    result = compose_config(tmp_path)
    assert result.returncode == 0, result.stderr
    resolved = yaml.safe_load(result.stdout)
    web_env = resolved["services"]["web"]["environment"]
    assert web_env["DATABASE_URL"] == "postgres://portal:replace-me@postgres:5432/portal"
    assert web_env["ALLOWED_HOSTS"] == "portal.example.org"  # from the env file
    assert web_env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"


CLUSTER_URL = "http://es-1:9200,http://es-2:9200,http://es-3:9200"


@pytest.mark.compose
def test_the_cluster_profile_adds_three_nodes_the_portal_uses_all_of(tmp_path):
    shutil.copy(ROOT / "docker-compose.yml", tmp_path)
    env = (ROOT / ".env.example").read_text() + f"ELASTICSEARCH_URL={CLUSTER_URL}\n"
    (tmp_path / ".env").write_text(env)
    result = compose_config(tmp_path, "--profile", "cluster")
    assert result.returncode == 0, result.stderr
    resolved = yaml.safe_load(result.stdout)["services"]
    assert {"es-1", "es-2", "es-3"} <= set(resolved)
    for name in ("web", *WORKERS, "beat", "migrate"):
        assert resolved[name]["environment"]["ELASTICSEARCH_URL"] == CLUSTER_URL


def test_every_part_of_the_topology_is_there():
    assert set(SERVICES) == {"migrate", "web", *WORKERS, "beat", "postgres", "redis",
                             "elasticsearch", "es-1", "es-2", "es-3", "mailpit"}
    assert "command" not in SERVICES["web"]  # the image's CMD: gunicorn
    assert 'CMD ["gunicorn", "portal.wsgi"' in (ROOT / "Dockerfile").read_text()
    for name in WORKERS:
        assert SERVICES[name]["command"][:4] == ["celery", "-A", "portal", "worker"]
    assert SERVICES["beat"]["command"][:4] == ["celery", "-A", "portal", "beat"]


def test_one_worker_per_queue_and_a_beat_with_the_redis_lock():
    consumed = {}
    for name in WORKERS:
        command = SERVICES[name]["command"]
        queue = command[command.index("-Q") + 1]
        consumed[queue] = name
        hostname = command[command.index("--hostname") + 1]
        assert f"-d {hostname.replace('%h', '$$HOSTNAME')}" in \
            SERVICES[name]["healthcheck"]["test"][1]  # each pings itself
    assert set(consumed) == {queue.name for queue in settings.CELERY_TASK_QUEUES}
    beat = SERVICES["beat"]["command"]
    assert beat[beat.index("-S") + 1] == "redbeat.RedBeatScheduler"


def test_stateful_services_keep_data_in_named_volumes_and_report_health():
    for name, mount in [("postgres", "pgdata:"), ("redis", "redisdata:"),
                        ("elasticsearch", "esdata:"), ("es-1", "es1data:"),
                        ("es-2", "es2data:"), ("es-3", "es3data:")]:
        assert any(v.startswith(mount) for v in SERVICES[name]["volumes"]), name
        assert mount.rstrip(":") in COMPOSE["volumes"]
    for name in ("web", *WORKERS, "postgres", "redis", "elasticsearch", "es-1", "es-2",
                 "es-3"):
        assert "test" in SERVICES[name]["healthcheck"], name


def test_app_containers_wait_for_healthy_dependencies_and_migrations():
    for name in ("web", *WORKERS, "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    migrate = SERVICES["migrate"]["depends_on"]
    assert {k: v["condition"] for k, v in migrate.items()} == {
        "postgres": "service_healthy", "redis": "service_healthy",
        "elasticsearch": "service_healthy"}


def test_elasticsearch_matches_the_version_ci_runs():
    for name in ("elasticsearch", "es-1", "es-2", "es-3"):
        assert SERVICES[name]["image"].rsplit(":", 1)[1] == ci_elasticsearch_version(), name


def test_the_cluster_profile_is_three_nodes_that_find_each_other():
    """Off by default (the single node stays the default); each node is named, knows the
    other two, bootstraps with them, and reports healthy only once all three have joined."""
    nodes = ["es-1", "es-2", "es-3"]
    assert "profiles" not in SERVICES["elasticsearch"]
    for name in nodes:
        node = SERVICES[name]
        assert node["profiles"] == ["cluster"]
        env = node["environment"]
        assert env["node.name"] == name and env["cluster.name"] == "portal"
        assert env["discovery.seed_hosts"].split(",") == nodes
        assert env["cluster.initial_master_nodes"].split(",") == nodes
        assert "discovery.type" not in env
        assert "wait_for_nodes=3" in " ".join(node["healthcheck"]["test"])
