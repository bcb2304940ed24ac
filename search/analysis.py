"""The one text analysis both engines use, in Python, so that relevance does not depend on the
cluster's analysis plugins (the minimal Elasticsearch has none).

Korean words go through Kiwi's morphology: nouns, roots and stems are kept, particles and
endings dropped, compounds split (스마트주차 = 스마트 주차; 주차장에서 → 주차장). Latin words
are lower-cased and stemmed with Snowball (sensors = sensor); numbers are kept as written.

Kiwi analyses one word (a run between spaces) at a time, through a cache: a corpus repeats
its word forms, so most words of a new document are known, and the unknown ones of a text go
to Kiwi in one call.
"""

import re
import threading
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# A word: letters and digits, with inner dots, hyphens and apostrophes (PM2.5, e-bus).
_WORD = re.compile(r"[^\W_]+(?:[.'’\-][^\W_]+)*")
_LATIN_PART = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
KOREAN_TAGS = {"NNG", "NNP", "NR", "SL", "SN", "SH", "XR", "VV", "VA"}
# Stems too common to say anything (있다, 하다, 되다, ...).
KOREAN_STOP = {"있", "없", "하", "되", "않", "같", "이", "보", "주", "받", "들", "수"}
# Particles written apart (a typing habit, or a query of only particles): alone, Kiwi would
# read them as nouns.
KOREAN_PARTICLES = {
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "로", "으로", "와", "과", "도", "만",
    "에게", "께", "한테", "부터", "까지", "보다", "처럼", "및", "등", "이다", "입니다",
}
ENGLISH_STOP = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "them",
    "there", "these", "they", "this", "to", "was", "we", "were", "which", "will", "with",
    "you", "your", "than", "then", "so", "not", "no", "can", "all", "also",
}
MAX_ANALYSED_CHARACTERS = 100_000  # a longer text is cut: search needs no more of it
_WORD_CACHE_SIZE = 200_000


class Token(NamedTuple):
    """An analysed term and where its word stands in the text (for highlighting)."""

    term: str
    start: int
    end: int


_kiwi = None
_kiwi_lock = threading.Lock()
_word_cache: dict[str, tuple[tuple[str, int, int], ...]] = {}


def kiwi():
    """The Kiwi analyser, loaded once (a few seconds, a large model) on first use."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("english")


def _latin_terms(word: str) -> list[str]:
    terms = []
    for part in _LATIN_PART.findall(word.lower()):
        if part[0].isdigit():
            terms.append(part)
        elif part not in ENGLISH_STOP:
            terms.append(_stem(part))
    return terms


def _analyse_korean_words(words: list[str]) -> None:
    """Fill the word cache for ``words`` with one Kiwi call: (term, start, end) in the word."""
    joined = "\n".join(words)
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    found: dict[str, list[tuple[str, int, int]]] = {word: [] for word in words}
    index = 0
    for token in kiwi().tokenize(joined):
        while index + 1 < len(words) and token.start >= starts[index + 1]:
            index += 1
        if token.tag not in KOREAN_TAGS:
            continue
        start = token.start - starts[index]
        end = start + token.len
        if token.tag in ("SL", "SH"):
            terms = _latin_terms(token.form)
        elif token.tag == "SN":
            terms = [token.form]
        elif token.form in KOREAN_STOP:
            terms = []
        else:
            terms = [token.form]
        found[words[index]].extend((term, start, end) for term in terms)
    if len(_word_cache) > _WORD_CACHE_SIZE:
        _word_cache.clear()
    _word_cache.update({word: tuple(parts) for word, parts in found.items()})


def _cache(words: list[str]) -> None:
    """Put every one of ``words`` in the word cache."""
    unknown = [w for w in dict.fromkeys(words) if w not in _word_cache]
    korean = [w for w in unknown if _HANGUL.search(w)]
    if korean:
        _analyse_korean_words(korean)
    for word in unknown:
        if word not in _word_cache:
            _word_cache[word] = tuple((term, 0, len(word)) for term in _latin_terms(word))


def tokens(text: str) -> list[Token]:
    """The analysed terms of ``text`` in order, each with its span in ``text``."""
    words = [(m.group(), m.start())
             for m in _WORD.finditer((text or "")[:MAX_ANALYSED_CHARACTERS])]
    _cache([word for word, _start in words])
    return [Token(term, start + s, start + e) for word, start in words
            if word not in KOREAN_PARTICLES for term, s, e in _word_cache[word]]


def terms(text: str) -> list[str]:
    """The analysed terms of ``text``, in order (repeats kept)."""
    words = _WORD.findall((text or "")[:MAX_ANALYSED_CHARACTERS])
    _cache(words)
    return [term for word in words if word not in KOREAN_PARTICLES
            for term, _s, _e in _word_cache[word]]


def fold(text: str) -> str:
    """Lower case without whitespace: how the database engine matches a typed title prefix
    (autocomplete), so that 데이터 허브 and 데이터허브 are the same."""
    return re.sub(r"\s+", "", text).lower()


def key_terms(text: str, limit: int = 15) -> list[str]:
    """The distinctive terms of a passage, most frequent first, for matching one text against
    others (a problem statement against solutions)."""
    counts: dict[str, int] = {}
    for term in terms(text):
        if len(term) >= 2 and not term.isdigit():
            counts[term] = counts.get(term, 0) + 1
    return sorted(counts, key=lambda t: -counts[t])[:limit]
