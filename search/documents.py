"""The one Elasticsearch document type: the common fields of DESIGN §6."""

from collections.abc import Iterable

from elasticsearch_dsl import Completion, Date, Document, Keyword, Text

from .matching import analyse_record
from .query import MARK_END, MARK_START
from .registry import SearchRecord

TEXT_FIELDS = ("title", "summary", "body")


class PortalDocument(Document):
    kind = Keyword()
    object_id = Keyword()
    language = Keyword()
    object_key = Keyword()  # kind-object_id: the versions of one object share it
    shown_for = Keyword()  # readers' languages this version is shown to
    # What queries match: terms analysed in Python (search.analysis), the same whatever
    # analysis modules the cluster has; the glossary concepts the text mentions.
    terms = Text(analyzer="whitespace")
    title_terms = Text(analyzer="whitespace")
    concepts = Keyword()
    title_concepts = Keyword()
    # The text as written: shown, highlighted in Python, and searched for did-you-mean.
    title = Text(analyzer="standard")
    summary = Text(analyzer="standard")
    body = Text(analyzer="standard", index=False)
    themes = Keyword()
    domain = Keyword()
    maturity = Keyword()
    funding = Keyword()
    country = Keyword()
    city = Keyword()
    organisation = Keyword()
    node = Keyword()
    date = Date()
    year = Keyword()
    audiences = Keyword()
    # "audience:language" pairs: suggestions are filtered by both inside Elasticsearch (the
    # contexts of a completion field match if any one does, so both go in one context).
    scope = Keyword(index=False)
    url = Keyword(index=False)
    suggest = Completion(analyzer="simple", contexts=[
        {"name": "scope", "type": "category", "path": "scope"},
    ])



def bulk_action(record: SearchRecord, index: str) -> dict:
    """The bulk-index action of one record, with the fields ``PortalDocument`` maps (built
    as a plain dict: elasticsearch-dsl's objects cost more than the analysis on a rebuild)."""
    analysed = analyse_record(record)
    source = {
        "kind": record.kind,
        "object_id": record.object_id,
        "language": record.language,
        "object_key": record.object_key,
        "shown_for": list(record.shown_for or (record.language,)),
        "terms": analysed.terms,
        "title_terms": analysed.title_terms,
        "concepts": list(analysed.concepts),
        "title_concepts": list(analysed.title_concepts),
        "title": unmarked(record.title),
        "summary": unmarked(record.summary),
        "body": unmarked(record.body),
        "themes": list(record.themes),
        "domain": record.domain or None,
        "maturity": record.maturity or None,
        "funding": record.funding or None,
        "country": record.country or None,
        "city": record.city or None,
        "organisation": record.organisation or None,
        "node": record.node or None,
        "date": record.date.isoformat() if record.date else None,
        "year": record.year or None,
        "audiences": list(record.audiences),
        "scope": scopes(record.audiences, [record.language]),
        "url": record.url,
        "suggest": {"input": title_prefixes(record.title)},
    }
    return {"_index": index, "_id": record.doc_id,
            "_source": {k: v for k, v in source.items() if v is not None}}


def unmarked(text: str) -> str:
    """Without the characters highlights are marked with, so a document cannot fake one."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def scopes(audiences: Iterable[str], languages: Iterable[str]) -> list[str]:
    return [f"{audience}:{language}" for audience in sorted(audiences) for language in languages]


# facet -> document field
FACET_FIELDS = {"theme": "themes"}


def title_prefixes(title: str) -> list[str]:
    """The title from each of its words on, so that typing a later word also suggests it."""
    words = title.split()
    return [" ".join(words[i:]) for i in range(min(len(words), 6))]
