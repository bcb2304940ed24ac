"""The one Elasticsearch document type: the common fields of DESIGN §6."""

from elasticsearch_dsl import Completion, Date, Document, Keyword, Text

from .analysis import hangul_bigrams
from .registry import SearchRecord


class PortalDocument(Document):
    kind = Keyword()
    object_id = Keyword()
    language = Keyword()
    title = Text(analyzer="standard", fields={"english": Text(analyzer="english")})
    summary = Text(analyzer="standard", fields={"english": Text(analyzer="english")})
    body = Text(analyzer="standard", fields={"english": Text(analyzer="english")})
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
