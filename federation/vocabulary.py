"""The JSON-LD context every published document carries inline (no remote context to fetch):
schema.org where a term fits, DCAT / Dublin Core / FOAF for the data-set catalogue, and the
portal's own small vocabulary ``scc:`` (documented in ``vocabulary.ttl``) for the rest."""

from django.conf import settings

SCC = "https://w3id.org/smart-city-consortium/ns#"
SCHEMA = "https://schema.org/"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
JSON_LD = "application/ld+json"  # the content type of every document under /federation/

_ID = {"@type": "@id"}
_LANGUAGES = {"@container": "@language"}


def _term(iri: str, **definition) -> dict:
    return {"@id": iri, **definition}


_DCAT_NAMES = {"name": {"@id": f"{DCT}title", "@container": "@language"},
               "description": {"@id": f"{DCT}description", "@container": "@language"}}

CONTEXT: dict = {
    "@version": 1.1,
    "schema": SCHEMA,
    "scc": SCC,
    "dcat": DCAT,
    "dct": DCT,
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "as": "https://www.w3.org/ns/activitystreams#",
    "id": "@id",
    "type": "@type",
    # Every item
    "name": _term("schema:name", **_LANGUAGES),
    "description": _term("schema:description", **_LANGUAGES),
    "url": _term("schema:url", **_LANGUAGES),
    "license": _term("schema:license", **_ID),
    "dateModified": _term("schema:dateModified", **{"@type": "xsd:dateTime"}),
    "datePublished": _term("schema:datePublished", **{"@type": "xsd:dateTime"}),
    "addressCountry": "schema:addressCountry",
    "scc:node": _term("scc:node", **_ID),
    "scc:audience": "scc:audience",
    "scc:theme": _term("scc:theme", **{"@container": "@set"}),
    # Case studies and adoptions
    "scc:city": "scc:city",
    "scc:body": _term("scc:body", **_LANGUAGES),
    "scc:evidenceLevel": "scc:evidenceLevel",
    "scc:outcome": _term("scc:outcome", **{"@container": "@set"}),
    "scc:result": _term("scc:result", **{"@container": "@set"}),
    "scc:indicator": "scc:indicator",
    "value": "schema:value",
    "unit": "schema:unitText",
    "scc:baseline": "scc:baseline",
    "scc:measuredOn": _term("scc:measuredOn", **{"@type": "xsd:date"}),
    "scc:usesDataset": _term("scc:usesDataset", **_ID, **{"@container": "@set"}),
    "scc:sharesDataset": _term("scc:sharesDataset", **_ID, **{"@container": "@set"}),
    "scc:origin": _term("scc:origin", **_ID),
    "scc:adopter": "scc:adopter",
    "scc:stage": "scc:stage",
    "scc:stages": _term("scc:stages", **{"@container": "@set"}),
    "scc:reachedOn": _term("scc:reachedOn", **{"@type": "xsd:date"}),
    "scc:adapted": _term("scc:adapted", **{"@container": "@set"}),
    "scc:adopterCaseStudy": _term("scc:adopterCaseStudy", **_ID),
    # Meetings
    "startDate": _term("schema:startDate", **{"@type": "xsd:dateTime"}),
    "endDate": _term("schema:endDate", **{"@type": "xsd:dateTime"}),
    "location": "schema:location",
    "eventStatus": _term("schema:eventStatus", **_ID),
    "organizer": "schema:organizer",
    "scc:meetingKind": "scc:meetingKind",
    # Funding calls
    "scc:funder": "scc:funder",
    "scc:opensOn": _term("scc:opensOn", **{"@type": "xsd:date"}),
    "scc:deadline": _term("scc:deadline", **{"@type": "xsd:dateTime"}),
    "scc:totalAward": "scc:totalAward",
    "scc:maxAward": "scc:maxAward",
    "scc:matchPercent": "scc:matchPercent",
    "currency": "schema:currency",
    # Organisations
    "scc:organisationKind": "scc:organisationKind",
    "scc:consortium": _term("scc:consortium", **_ID),
    # Data sets and the catalogue (DCAT-AP 3)
    "identifier": "dct:identifier",
    "publisher": _term("dct:publisher", **_ID),
    "dct:license": _term("dct:license", **_ID),
    "dct:format": _term("dct:format", **_ID),
    "dct:language": _term("dct:language", **_ID, **{"@container": "@set"}),
    "dct:modified": _term("dct:modified", **{"@type": "xsd:dateTime"}),
    "dct:description": _term("dct:description", **_LANGUAGES),
    "foaf:name": _term("foaf:name", **_LANGUAGES),
    "foaf:homepage": _term("foaf:homepage", **_ID),
    "dcat:theme": _term("dcat:theme", **_ID, **{"@container": "@set"}),
    "dcat:keyword": _term("dcat:keyword", **{"@container": "@set"}),
    "dcat:landingPage": _term("dcat:landingPage", **_ID),
    "dcat:accessURL": _term("dcat:accessURL", **_ID),
    "dcat:distribution": _term("dcat:distribution", **{"@container": "@set"}),
    "dcat:dataset": _term("dcat:dataset", **{"@container": "@set"}),
    # The change feed (ActivityStreams 2.0 terms, inline rather than the remote AS2 context)
    "OrderedCollection": "as:OrderedCollection",
    "OrderedCollectionPage": "as:OrderedCollectionPage",
    "Create": "as:Create",
    "Update": "as:Update",
    "Delete": "as:Delete",
    "Tombstone": "as:Tombstone",
    "totalItems": _term("as:totalItems", **{"@type": "xsd:nonNegativeInteger"}),
    "first": _term("as:first", **_ID),
    "next": _term("as:next", **_ID),
    "partOf": _term("as:partOf", **_ID),
    "orderedItems": _term("as:items", **{"@container": "@list"}),
    "object": "as:object",
    "published": _term("as:published", **{"@type": "xsd:dateTime"}),
    "deleted": _term("as:deleted", **{"@type": "xsd:dateTime"}),
    "formerType": _term("as:formerType", **_ID),
    # A data set's and the catalogue's name and description are DCAT-AP's title and
    # description; the compact form keeps the ``name`` every item has (type-scoped terms).
    "dcat:Dataset": _term("dcat:Dataset", **{"@context": _DCAT_NAMES}),
    "dcat:Catalog": _term("dcat:Catalog", **{"@context": _DCAT_NAMES}),
}


# The types a published item (or the catalogue) may have, in the context's terms.
ITEM_TYPES = frozenset({"scc:CaseStudy", "scc:Adoption", "schema:Event", "scc:FundingCall",
                        "schema:Organization", "dcat:Dataset", "dcat:Catalog"})


def licence() -> str:
    """The licence IRI stated on every published document."""
    return settings.FEDERATION_LICENCE


def document(item: dict) -> dict:
    """``item`` as a standalone JSON-LD document: the context first, inline."""
    return {"@context": CONTEXT, **item}
