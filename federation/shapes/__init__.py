"""Validation of published (and harvested) JSON-LD against the project's SHACL shapes in this
folder, with pyshacl. The shapes graph is parsed once per process. ``validate`` checks one
document; ``validate_many`` checks many in one graph (one pyshacl run), which is what a
harvester wants: see the per-item costs in the README."""

import functools
import json
from collections.abc import Iterable
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from ..vocabulary import CONTEXT, ITEM_TYPES

SHAPES = Path(__file__).parent


@functools.cache
def shapes_graph() -> Graph:
    graph = Graph()
    for path in sorted(SHAPES.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _with_context(document: dict) -> dict:
    # An item inside a change-feed page has no context of its own: the page's (ours) applies.
    return document if "@context" in document else {"@context": CONTEXT, **document}


def _parse(documents: Iterable[dict]) -> tuple[Graph, list[str]]:
    """One graph of ``documents``; raises ``ValueError`` for one that is not JSON-LD."""
    graph, ids = Graph(), []
    for document in documents:
        if not isinstance(document, dict):
            raise ValueError("not a JSON object")
        ids.append(str(document.get("id", document.get("@id", ""))))
        try:
            graph.parse(data=json.dumps(_with_context(document)), format="json-ld")
        except Exception as error:  # rdflib raises many kinds for bad JSON-LD
            raise ValueError(f"{ids[-1] or 'a document'} is not valid JSON-LD: {error}") from error
    return graph, ids


def _describe(report: Graph, result) -> tuple[object, str]:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage)
    value = report.value(result, SH.value)
    where = str(path) if isinstance(path, URIRef) else "a property"
    text = f"{where}: {message or report.value(result, SH.sourceConstraintComponent)}"
    if isinstance(value, Literal | URIRef):
        text += f" (value {value})"
    return focus, text


def _owner(data: Graph, node, ids: set[str]) -> str:
    """The item a focus node belongs to: itself, or the item whose nested value it is."""
    seen = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        node = next(data.subjects(None, node), node)
    return str(node) if str(node) in ids else next(iter(ids), str(node))


def _run(data: Graph, ids: list[str]) -> dict[str, list[str]]:
    messages: dict[str, list[str]] = {iri: [] for iri in ids}
    conforms, report, _text = shacl_validate(data, shacl_graph=shapes_graph(), inference="none",
                                             advanced=False, allow_infos=True,
                                             allow_warnings=True)
    if conforms:
        return messages
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus, text = _describe(report, result)
        owner = _owner(data, focus, set(ids))
        messages.setdefault(owner, []).append(f"{focus}: {text}" if owner != str(focus)
                                              else text)
    return messages


def _identity_errors(document: dict) -> list[str]:
    """What the shapes cannot see: a document with no IRI or no known type has no focus node,
    so SHACL would find it conforming."""
    errors = []
    iri = document.get("id")
    if not (isinstance(iri, str) and iri.startswith(("http://", "https://"))):
        errors.append("an item's id is an absolute http(s) IRI")
    kind = document.get("type")
    if not (isinstance(kind, str) and kind in ITEM_TYPES):
        errors.append("an item's type is one of " + ", ".join(sorted(ITEM_TYPES)))
    return errors


def validate(document: dict) -> list[str]:
    """Why ``document`` fails the shapes (an empty list when it conforms)."""
    if not isinstance(document, dict):
        return ["not a JSON object"]
    if errors := _identity_errors(document):
        return errors
    try:
        data, ids = _parse([document])
    except ValueError as error:
        return [str(error)]
    return sorted(message for found in _run(data, ids).values() for message in found)


def validate_many(documents: list[dict]) -> dict[str, list[str]]:
    """Each document's IRI → why it fails the shapes (empty when it conforms), checked in one
    graph: the documents in our context are parsed as one ``@graph`` (the context processed
    once), the others one by one. A document that is not JSON-LD is reported under its ``id``
    alone, and does not stop the others being checked."""
    ours, others, broken = [], [], {}
    for document in documents:
        if not isinstance(document, dict):
            broken[""] = ["not a JSON object"]
        elif errors := _identity_errors(document):
            broken[str(document.get("id", ""))] = errors
        elif document.get("@context", CONTEXT) == CONTEXT:
            ours.append({key: value for key, value in document.items() if key != "@context"})
        else:
            others.append(document)
    data, ids = Graph(), []
    try:
        data.parse(data=json.dumps({"@context": CONTEXT, "@graph": ours}), format="json-ld")
        ids = [str(document.get("id", "")) for document in ours]
    except Exception:  # one bad document: find it by parsing them one by one
        others = ours + others
    for document in others:
        try:
            more, more_ids = _parse([document])
        except ValueError as error:
            broken[str(document.get("id", ""))] = [str(error)]
            continue
        data += more
        ids += more_ids
    return {**_run(data, ids), **broken}
