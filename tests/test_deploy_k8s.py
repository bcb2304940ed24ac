"""The Kubernetes manifests: every environment renders, every object is valid against the
Kubernetes schema (bundled with kubernetes-validate: no network), and the rendered
environment runs what an operator relies on — web ready only when /healthz says so, one
worker Deployment per queue, exactly one beat holding redbeat's lock, a migrate Job, and
configuration and secrets of its own."""

import shlex
from pathlib import Path

import kubernetes_validate
import pytest

from tests.support.kustomize import render

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "k8s"
ENVIRONMENTS = sorted(path.name for path in (K8S / "overlays").iterdir() if path.is_dir())
KUBERNETES_VERSION = "1.33"
QUEUES = {"mail", "search", "default"}


def rendered(environment: str) -> dict[tuple[str, str], dict]:
    return {(obj["kind"], obj["metadata"]["name"]): obj
            for obj in render(K8S / "overlays" / environment)}


def containers(obj: dict) -> list[dict]:
    return obj["spec"]["template"]["spec"]["containers"]


def test_there_are_staging_and_production_overlays():
    assert {"staging", "production"} <= set(ENVIRONMENTS)


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_every_object_is_valid_against_the_kubernetes_schema(environment):
    objects = render(K8S / "overlays" / environment)
    assert objects
    for obj in objects:
        try:
            kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as invalid:
            pytest.fail(f"{environment}: {obj['kind']}/{obj['metadata']['name']}: "
                        f"{invalid.message}")


def test_a_misspelt_field_is_refused():
    web = rendered("production")[("Deployment", "web")]
    web["spec"]["replica"] = 3
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(web, KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_web_is_ready_only_when_healthz_answers(environment):
    objects = rendered(environment)
    [web] = containers(objects[("Deployment", "web")])
    probe = web["readinessProbe"]["httpGet"]
    assert probe["path"] == "/healthz"
    host = {h["name"]: h["value"] for h in probe["httpHeaders"]}["Host"]
    allowed = objects[("ConfigMap", "portal-config")]["data"]["ALLOWED_HOSTS"].split(",")
    assert host in allowed  # else Django answers the probe with 400
    # An Elasticsearch outage makes /healthz 503: that must not restart web pods.
    assert "httpGet" not in web["livenessProbe"]
    assert web["command"][:2] == ["gunicorn", "portal.wsgi"]


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_one_worker_deployment_per_queue_and_one_locked_beat(environment):
    objects = rendered(environment)
    queues = {}
    for (kind, name), obj in objects.items():
        if kind == "Deployment" and name.startswith("worker-"):
            [worker] = containers(obj)
            command = worker["command"]
            queues[name] = command[command.index("--queues") + 1]
    assert set(queues.values()) == QUEUES
    assert all(name == f"worker-{queue}" for name, queue in queues.items())
    beat = objects[("Deployment", "beat")]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"
    assert "redbeat.RedBeatScheduler" in shlex.join(containers(beat)[0]["command"])


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_every_container_has_requests_and_limits_and_the_environment_config(environment):
    objects = rendered(environment)
    assert objects[("Job", "migrate")]["spec"]["template"]["spec"]["containers"][0][
        "command"] == ["python", "manage.py", "migrate", "--noinput"]
    for (kind, name), obj in objects.items():
        if kind not in {"Deployment", "Job"}:
            continue
        assert obj["metadata"]["namespace"] == f"portal-{environment}"
        for container in containers(obj):
            assert {"requests", "limits"} <= set(container["resources"]), name
            sources = {next(iter(ref.values()))["name"] for ref in container["envFrom"]}
            assert sources == {"portal-config", "portal-secrets"}, name
            assert not container["image"].endswith(":latest"), name
    config = objects[("ConfigMap", "portal-config")]["data"]
    assert config["SEARCH_INDEX_ALIAS"] == f"portal-search-{environment}"
    assert ("Secret", "portal-secrets") in objects


def test_the_environments_differ_only_where_they_should():
    staging, production = rendered("staging"), rendered("production")
    assert ({key for key in staging if key[0] != "Namespace"}
            == {key for key in production if key[0] != "Namespace"})
    assert (production[("Deployment", "web")]["spec"]["replicas"]
            > staging[("Deployment", "web")]["spec"]["replicas"])
