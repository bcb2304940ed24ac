"""The bilingual glossary as search uses it: every label of every concept, analysed as
documents are, so that a document records the concepts it mentions and a query naming a
concept in one language finds documents written in the other.

Expansion is one step: a query's words name concepts, and documents carrying those concepts
match. Labels shared by several concepts (one concept's other name being another's name, or
each naming the other) only attach more concepts to that phrase; nothing follows a chain,
so loops in the glossary cannot hang or multiply a query.
"""

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.cache import cache

from .analysis import terms as analysed
from .models import Concept
from .registry import ConceptSeed, contributed_concepts

VOCABULARY_FILE = Path(__file__).parent / "data" / "glossary.tsv"
LONGEST_LABEL = 6  # terms; longer labels are names nobody types whole
VERSION_KEY = "search:glossary:version"


def vocabulary_seeds() -> Iterator[ConceptSeed]:
    """The smart-city vocabulary shipped with the portal (data/glossary.tsv)."""
    for line in VOCABULARY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, korean, english = line.split("\t")
        ko, en = korean.split("|"), english.split("|")
        yield ConceptSeed(key=key, label_ko=ko[0], label_en=en[0], alt_ko=tuple(ko[1:]),
                          alt_en=tuple(en[1:]))


def seed() -> int:
    """Store the concepts the vocabulary and the apps contribute that are not there yet (by
    key; a concept staff edited stays as they left it). Returns how many were added."""
    seeds = {s.key: s for s in (*vocabulary_seeds(), *contributed_concepts())}
    existing = set(Concept.objects.filter(key__in=list(seeds)).values_list("key", flat=True))
    Concept.objects.bulk_create([
        Concept(key=s.key, label_ko=s.label_ko, label_en=s.label_en,
                alt_labels_ko="\n".join(s.alt_ko), alt_labels_en="\n".join(s.alt_en))
        for key, s in seeds.items() if key not in existing])
    changed()
    return len(seeds) - len(existing)


@dataclass
class Glossary:
    # analysed label -> ids of the concepts it names
    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    # concept id -> its analysed labels (what a highlight marks for it, each phrase whole)
    label_phrases: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)
    # first term of a label -> the lengths of the labels starting with it
    lengths: dict[str, set[int]] = field(default_factory=dict)

    def add(self, concept_id: str, labels: list[str]) -> None:
        for label in labels:
            phrase = tuple(analysed(label))
            if phrase and len(phrase) <= LONGEST_LABEL:
                self.phrases.setdefault(phrase, set()).add(concept_id)
                self.label_phrases.setdefault(concept_id, set()).add(phrase)
                self.lengths.setdefault(phrase[0], set()).add(len(phrase))

    def _matches(self, terms: list[str]) -> Iterator[tuple[int, int, set[str]]]:
        """(start, end, concept ids) of every label occurring in ``terms``."""
        for start, term in enumerate(terms):
            for length in self.lengths.get(term, ()):
                # A slice cut short by the end could equal a shorter label: skip it.
                if start + length <= len(terms):
                    ids = self.phrases.get(tuple(terms[start:start + length]))
                    if ids:
                        yield start, start + length, ids

    def mentioned(self, terms: list[str]) -> set[str]:
        """The concepts a document's terms mention."""
        found: set[str] = set()
        lengths, phrases = self.lengths, self.phrases
        for start, term in enumerate(terms):
            if term in lengths:
                for length in lengths[term]:
                    found |= phrases.get(tuple(terms[start:start + length]), set())
        return found

    def covering(self, terms: list[str]) -> list[set[str]]:
        """For each query term, the concepts of the labels it is part of."""
        found: list[set[str]] = [set() for _term in terms]
        for start, end, ids in self._matches(terms):
            for position in range(start, end):
                found[position] |= ids
        return found


_lock = threading.Lock()
_loaded: tuple[str | None, Glossary] = (None, Glossary())


def current() -> Glossary:
    """The glossary as stored, reloaded in every process once staff change it."""
    global _loaded
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(uuid.uuid4())
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    if _loaded[0] != version:
        with _lock:
            if _loaded[0] != version:
                glossary = Glossary()
                for concept in Concept.objects.all():
                    glossary.add(str(concept.pk), concept.labels)
                _loaded = (version, glossary)
    return _loaded[1]


def changed(*args, **kwargs) -> None:
    """A concept was added, edited or removed: every process reloads the glossary."""
    cache.set(VERSION_KEY, str(uuid.uuid4()), None)
