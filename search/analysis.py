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
