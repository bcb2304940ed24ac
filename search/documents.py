"""The one Elasticsearch document type: the common fields of DESIGN §6."""

from elasticsearch_dsl import Completion, Date, Document, Keyword, Text

from .analysis import hangul_bigrams
from .registry import SearchRecord

TEXT_FIELDS = ("title", "summary", "body")
# sub-field name -> (module or plugin that provides it, analyzer)
LANGUAGE_ANALYZERS = {
    "english": ("analysis-common", "english"),
    "korean": ("analysis-nori", "nori"),
}


def language_subfields(available_modules: set[str]) -> dict:
    """The mapping properties that add language analysis the cluster can do."""
    subfields = {
        name: {"type": "text", "analyzer": analyzer}
        for name, (module, analyzer) in LANGUAGE_ANALYZERS.items()
        if module in available_modules
    }
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
    country = Keyword()
    organisation = Keyword()
    date = Date()
    audiences = Keyword()
    url = Keyword(index=False)
    suggest = Completion()

    @classmethod
    def from_record(cls, record: SearchRecord, index: str) -> "PortalDocument":
        return cls(
            meta={"id": record.doc_id, "index": index},
            kind=record.kind,
            object_id=record.object_id,
            language=record.language,
            title=record.title,
            summary=record.summary,
            body=record.body,
            hangul=hangul_bigrams(" ".join((record.title, record.summary, record.body))),
            themes=list(record.themes),
            country=record.country,
            organisation=record.organisation,
            date=record.date,
            audiences=list(record.audiences),
            url=record.url,
            suggest={"input": [record.title]},
        )
