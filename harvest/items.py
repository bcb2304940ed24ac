"""One activity of a peer's change feed, checked and turned into the row it stores: what is
refused (and why) before anything is written."""

from dataclasses import dataclass

from django.utils.dateparse import parse_datetime

from . import publishing
from .models import HarvestedItem, Peer, RefusalReason

KINDS = {
    "scc:CaseStudy": "case-study",
    "scc:Adoption": "adoption",
    "schema:Event": "meeting",
    "scc:FundingCall": "funding-call",
    "schema:Organization": "organisation",
    "dcat:Dataset": "dataset",
}
STORED_FIELDS = ["peer", "kind", "data", "title_ko", "title_en", "summary_ko", "summary_en",
                 "url_ko", "url_en", "themes", "country", "origin_iri", "modified_at",
                 "last_seen"]


class ItemRefused(Exception):
    def __init__(self, reason: str, detail: str, iri: str = "") -> None:
        super().__init__(detail)
        self.reason, self.detail, self.iri = reason, detail, iri


@dataclass
class Change:
    iri: str
    row: HarvestedItem | None  # None: a deletion


def _text(value: object, language: str, limit: int) -> str:
    if isinstance(value, dict):
        value = value.get(language, "")
    return value[:limit] if isinstance(value, str) else ""


def _link(value: object, language: str) -> str:
    link = _text(value, language, 500)
    return link if link.startswith(("https://", "http://")) else ""


def _country(item: dict) -> str:
    for key in ("scc:city", "scc:adopter"):
        place = item.get(key)
        if isinstance(place, dict) and isinstance(place.get("addressCountry"), str):
            return place["addressCountry"][:2]
    return ""


def _row(peer: Peer, item: dict, kind: str, now) -> HarvestedItem:
    modified = item.get("dateModified")
    themes = item.get("scc:theme", [])
    origin = item.get("scc:origin", "")
    return HarvestedItem(
        peer=peer, iri=item["id"], kind=kind, data=item,
        title_ko=_text(item.get("name"), "ko", 300), title_en=_text(item.get("name"), "en", 300),
        summary_ko=_text(item.get("description"), "ko", 20000),
        summary_en=_text(item.get("description"), "en", 20000),
        url_ko=_link(item.get("url"), "ko"), url_en=_link(item.get("url"), "en"),
        themes=[t for t in themes if isinstance(t, str)] if isinstance(themes, list) else [],
        country=_country(item), origin_iri=_link(origin, "") if isinstance(origin, str) else "",
        modified_at=parse_datetime(modified) if isinstance(modified, str) else None,
        last_seen=now)


def _has_context(value: object) -> bool:
    if isinstance(value, dict):
        return "@context" in value or any(_has_context(v) for v in value.values())
    return isinstance(value, list) and any(_has_context(v) for v in value)


def check_context(document: dict, what: str) -> None:
    """Refuses a page or item whose context is not exactly ours, or that embeds one anywhere
    below: a JSON-LD processor fetches a remote context by itself (SSRF) and a peer's context
    could give the terms another meaning than the one ``read`` checks."""
    if document.get("@context", publishing.CONTEXT) != publishing.CONTEXT or any(
            _has_context(value) for key, value in document.items() if key != "@context"):
        raise ItemRefused(RefusalReason.MALFORMED, f"{what} has a JSON-LD context not ours")


def _owned(peer: Peer, iri: object) -> str:
    if not isinstance(iri, str) or not iri:
        raise ItemRefused(RefusalReason.MALFORMED, "an object without an id")
    if not iri.startswith(peer.node_id):
        raise ItemRefused(RefusalReason.WRONG_ORIGIN,
                          f"{iri} is not an address of {peer.node_id}", iri)
    return iri


def read(peer: Peer, activity: object, now) -> Change:
    """The change an activity of ``peer``'s feed makes here; raises ItemRefused. The shapes
    are checked afterwards, for a whole page at once (``shapes_refused``)."""
    if not isinstance(activity, dict) or not isinstance(activity.get("object"), dict):
        raise ItemRefused(RefusalReason.MALFORMED, "an activity without an object")
    item = activity["object"]
    iri = _owned(peer, item.get("id"))
    try:
        check_context({key: value for key, value in activity.items() if key != "object"},
                      "the activity")
        check_context(item, "the item")
    except ItemRefused as refusal:
        refusal.iri = iri
        raise
    item = {key: value for key, value in item.items() if key != "@context"}
    if activity.get("type") == "Delete" or item.get("type") == "Tombstone":
        return Change(iri, None)
    if activity.get("type") not in ("Create", "Update"):
        raise ItemRefused(RefusalReason.MALFORMED, f"unknown activity {activity.get('type')!r}",
                          iri)
    if item.get("scc:node") != peer.node_id:
        raise ItemRefused(RefusalReason.WRONG_ORIGIN,
                          f"scc:node is {item.get('scc:node')!r}, not {peer.node_id}", iri)
    if item.get("scc:audience") != "public":
        raise ItemRefused(RefusalReason.MEMBERS_ONLY,
                          f"scc:audience is {item.get('scc:audience')!r}", iri)
    kind = KINDS.get(item.get("type"))
    if kind is None:
        raise ItemRefused(RefusalReason.SHAPES, f"unknown type {item.get('type')!r}", iri)
    return Change(iri, _row(peer, item, kind, now))


def shapes_refused(rows: list[HarvestedItem]) -> list[ItemRefused]:
    """The rows whose item fails the shapes, validated together in our context (the only one
    ``check_context`` lets through)."""
    problems = publishing.validate_many([{"@context": publishing.CONTEXT, **row.data}
                                         for row in rows])
    return [ItemRefused(RefusalReason.SHAPES, "; ".join(problems[row.iri])[:4000], row.iri)
            for row in rows if problems.get(row.iri)]
