"""Application-side text analysis that works on a bare Elasticsearch (no nori, no cjk).

Korean compounds are written with or without spaces (데이터 허브, 데이터허브). Indexing and
querying the overlapping two-syllable pairs of every Hangul run, with the spaces between Hangul
words removed first, makes both spellings produce the same tokens.
"""

import re

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+(?:\s+[\uac00-\ud7a3]+)*")


def hangul_bigrams(text: str) -> str:
    """Space-separated syllable bigrams of the Hangul in ``text``; single syllables kept."""
    tokens: list[str] = []
    for match in _HANGUL_RUN.finditer(text or ""):
        run = re.sub(r"\s+", "", match.group())
        if len(run) == 1:
            tokens.append(run)
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(tokens)


def fold(text: str) -> str:
    """Lower case without whitespace: how the database engine compares text, so that
    데이터 허브 and 데이터허브 are the same."""
    return re.sub(r"\s+", "", text).lower()


_PARTICLES = tuple("이가을를은는의에로와과도")
_WORD = re.compile(r"[\w-]+")


def key_terms(text: str, limit: int = 15) -> list[str]:
    """The distinctive words of a passage (Korean particles dropped, short Latin words
    skipped), for matching one text against others without a search cluster."""
    terms: list[str] = []
    for word in _WORD.findall(text.lower()):
        if _HANGUL_RUN.fullmatch(word):
            if len(word) >= 3 and word.endswith(_PARTICLES):
                word = word[:-1]
            if len(word) < 2:
                continue
        elif len(word) < 5 or word.isdigit():
            continue
        if word not in terms:
            terms.append(word)
    return terms[:limit]
