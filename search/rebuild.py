"""The rebuild policy, one for both engines: hold the changes that arrive meanwhile in the
outbox, let the engine load everything into a replacement and swap it in at once (a new
Elasticsearch index behind the alias; one transaction in the database), then release the
held changes onto the replacement."""

from collections.abc import Iterable
from typing import Protocol

from .outbox import Syncing, held_changes
from .registry import SearchRecord, all_records


class Replacing(Syncing, Protocol):
    def replace_all(self, records: Iterable[SearchRecord]) -> int:
        """Load ``records`` into a replacement nobody searches yet, then swap it in at once;
        returns the number of documents."""


def rebuild(engine: Replacing, records: Iterable[SearchRecord] | None = None) -> int:
    with held_changes(engine):
        return engine.replace_all(all_records() if records is None else records)
