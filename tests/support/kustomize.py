"""Enough of ``kubectl kustomize`` to render ``deploy/k8s`` offline with no binary: resources
(files and directories), ``namespace``, ``labels`` (metadata only), ``images`` and
strategic-merge ``patches`` that change maps (lists in a patch replace the original)."""

import copy
from pathlib import Path

import yaml

CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume",
                  "StorageClass", "CustomResourceDefinition"}
SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}


def load_documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def render(directory: Path) -> list[dict]:
    spec = yaml.safe_load((directory / "kustomization.yaml").read_text())
    if unknown := set(spec) - SUPPORTED:
        raise ValueError(f"{directory}: this renderer does not know {sorted(unknown)}")
    resources: list[dict] = []
    for entry in spec.get("resources", []):
        target = directory / entry
        resources += render(target) if target.is_dir() else load_documents(target)
    for patch_entry in spec.get("patches", []):
        for patch in load_documents(directory / patch_entry["path"]):
            _apply_patch(resources, patch, directory)
    for resource in resources:
        metadata = resource.setdefault("metadata", {})
        for labels in spec.get("labels", []):
            metadata.setdefault("labels", {}).update(labels["pairs"])
        if "namespace" in spec and resource["kind"] not in CLUSTER_SCOPED:
            metadata["namespace"] = spec["namespace"]
        for container in _containers(resource):
            _retag(container, spec.get("images", []))
    return resources


def _apply_patch(resources: list[dict], patch: dict, directory: Path) -> None:
    for resource in resources:
        if (resource["kind"], resource["metadata"]["name"]) == (patch["kind"],
                                                                patch["metadata"]["name"]):
            _merge(resource, copy.deepcopy(patch))
            return
    raise ValueError(f"{directory}: patch for {patch['kind']}/{patch['metadata']['name']} "
                     "matches no resource")


def _merge(into: dict, patch: dict) -> None:
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _containers(resource: dict) -> list[dict]:
    spec = resource.get("spec", {})
    pod = spec.get("template", {}).get("spec", {})
    return pod.get("containers", []) + pod.get("initContainers", [])


def _retag(container: dict, images: list[dict]) -> None:
    name, _, _tag = container["image"].partition(":")
    for image in images:
        if image["name"] == name:
            container["image"] = f"{image.get('newName', name)}:{image['newTag']}"
