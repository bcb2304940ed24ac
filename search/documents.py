"""The one Elasticsearch document type: the common fields of DESIGN §6."""

from collections.abc import Iterable

from elasticsearch_dsl import Completion, Date, Document, Keyword, Text

from .analysis import hangul_bigrams
from .query import MARK_END, MARK_START
from .registry import SearchRecord

TEXT_FIELDS = ("title", "summary", "body")
# sub-field name -> (module or plugin that provides it, analyzer), best first
LANGUAGE_ANALYZERS = {
    "english": [("analysis-common", "english")],
    "korean": [("analysis-nori", "nori"), ("analysis-common", "cjk")],
}


def language_subfields(available_modules: set[str]) -> dict:
    """The mapping properties that add language analysis the cluster can do; the Hangul
    bigram field covers Korean where it can do none."""
    subfields = {}
    for name, choices in LANGUAGE_ANALYZERS.items():
        analyzer = next((a for module, a in choices if module in available_modules), None)
        if analyzer:
            subfields[name] = {"type": "text", "analyzer": analyzer}
    if not subfields:
        return {}
    return {f: {"type": "text", "analyzer": "standard", "fields": subfields} for f in TEXT_FIELDS}


class PortalDocument(Document):
    kind = Keyword()
    object_id = Keyword()
    language = Keyword()
    # Language-specific sub-fields (title.english, title.korean, ...) are added at index
    # creation when the cluster has the analysis modules: see ``LANGUAGE_ANALYZERS``.
    title = Text(analyzer="standard")
    summary = Text(analyzer="standard")
    body = Text(analyzer="standard")
    hangul = Text(analyzer="whitespace")
    themes = Keyword()
    domain = Keyword()
    maturity = Keyword()
    funding = Keyword()
    country = Keyword()
    city = Keyword()
    organisation = Keyword()
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

    @classmethod
    def from_record(cls, record: SearchRecord, index: str) -> "PortalDocument":
        return cls(
            meta={"id": record.doc_id, "index": index},
            kind=record.kind,
            object_id=record.object_id,
            language=record.language,
            title=unmarked(record.title),
            summary=unmarked(record.summary),
            body=unmarked(record.body),
            hangul=hangul_bigrams(" ".join((record.title, record.summary, record.body))),
            themes=list(record.themes),
            domain=record.domain or None,
            maturity=record.maturity or None,
            funding=record.funding or None,
            country=record.country or None,
            city=record.city or None,
            organisation=record.organisation or None,
            date=record.date,
            year=record.year or None,
            audiences=list(record.audiences),
            scope=scopes(record.audiences, [record.language]),
            url=record.url,
            suggest={"input": title_prefixes(record.title)},
        )


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
