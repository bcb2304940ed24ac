"""The documents peers read: one item, the change feed (an ActivityStreams 2.0 ordered
collection and its pages) and the DCAT-AP catalogue, each with the context inline."""

from django.conf import settings

from common.site_url import base_url

from .iris import catalogue_iri, changes_url, node_id
from .models import Activity, Change
from .vocabulary import document, licence

PAGE_SIZE = 200


def page_url(after: int) -> str:
    return f"{changes_url()}?after={after}"


def activity(change: Change) -> dict:
    entry = {"id": f"{changes_url()}#{change.position}", "type": change.activity,
             "published": change.at.isoformat()}
    if change.activity == Activity.DELETE:
        entry["object"] = tombstone(change)
    else:
        entry["object"] = change.item
    return entry


def tombstone(change: Change) -> dict:
    return {"id": change.iri, "type": "Tombstone", "formerType": change.type,
            "deleted": change.at.isoformat()}


def collection(total: int) -> dict:
    return document({"id": changes_url(), "type": "OrderedCollection", "totalItems": total,
                     "first": page_url(0), "scc:node": node_id(), "license": licence()})


def changes_page(after: int, changes: list[Change], more: bool) -> dict:
    page = {"id": page_url(after), "type": "OrderedCollectionPage", "partOf": changes_url(),
            "scc:node": node_id(), "license": licence(),
            "orderedItems": [activity(change) for change in changes]}
    if more:
        page["next"] = page_url(changes[-1].position)
    return document(page)


def catalogue(datasets: list[dict], modified: str | None) -> dict:
    """The DCAT-AP 3 catalogue of the data sets (items of kind ``dataset``), inline."""
    publisher = {"id": node_id(), "type": "foaf:Agent",
                 "foaf:name": {"ko": settings.FEDERATION_NODE_NAME_KO,
                               "en": settings.FEDERATION_NODE_NAME_EN}}
    names = {"ko": f"{settings.FEDERATION_NODE_NAME_KO} 데이터 카탈로그",
             "en": f"{settings.FEDERATION_NODE_NAME_EN} data catalogue"}
    descriptions = {
        "ko": "회원 도시의 사례가 활용하고 다시 공유하는 데이터셋 목록입니다.",
        "en": "The data sets the members' case studies use and share back.",
    }
    body = {"id": catalogue_iri(), "type": "dcat:Catalog", "name": names,
            "description": descriptions, "publisher": publisher, "license": licence(),
            "dct:license": licence(), "scc:node": node_id(),
            "dct:language": ["http://publications.europa.eu/resource/authority/language/KOR",
                             "http://publications.europa.eu/resource/authority/language/ENG"],
            "foaf:homepage": f"{base_url()}/",
            "dcat:dataset": datasets}
    if modified:
        body["dct:modified"] = modified
    return document(body)
