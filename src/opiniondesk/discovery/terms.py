"""Folded syllable 1–2-grams: the vocabulary documents are clustered on and claims matched by.

Text is normalised with teencode and abbreviations expanded, then folded (lower case, no
diacritics, đ→d), so "sạt lở" and "sat lo" give the same term. A unigram is kept unless it is a
stop word; a bigram only when neither syllable is one (and it is not a multi-syllable stop word
such as "bao giờ"), which drops "bị giải" but keeps "giải tỏa". Redaction placeholders and
URLs are removed first: they are frequent and say nothing about the issue.

Stop words are looked up in the form the author wrote. Folded, many stop words collide with
content words ("tháng"/"thằng", "nhé"/"nhà", "song"/"sông"), so a text typed with diacritics is
filtered on its diacritic words; a text typed without them is filtered on folded stop words,
minus the folds that are as often a content word, which are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from opiniondesk.analysis.boolean_query import is_unaccented
from opiniondesk.text.abbreviations import expand_abbreviations
from opiniondesk.text.normalize import fold, normalize_text
from opiniondesk.text.pii_types import PLACEHOLDERS
from opiniondesk.text.stopwords import STOPWORDS_SEGMENTED
from opiniondesk.text.teencode import expand_teencode

# Folds that are as often a content word as a stop word: kept in texts without diacritics.
_AMBIGUOUS_FOLDS = frozenset(
    {"ba", "ban", "bang", "ca", "cho", "chinh", "con", "cu", "da", "dau", "de", "di", "do"}
    | {"du", "hien", "ho", "lam", "luc", "moi", "nam", "nay", "ngay", "nha", "nho", "no"}
    | {"noi", "qua", "rat", "roi", "sao", "sau", "song", "tai", "tao", "thang", "thi", "tren"}
    | {"tu", "vi"}
)
_SINGLE = frozenset(w for w in STOPWORDS_SEGMENTED if "_" not in w)
_MULTI = frozenset(w.replace("_", " ") for w in STOPWORDS_SEGMENTED if "_" in w)
_SINGLE_FOLDED = frozenset(fold(w) for w in _SINGLE) - _AMBIGUOUS_FOLDS
_MULTI_FOLDED = frozenset(fold(w) for w in _MULTI)

_WORD = re.compile(r"[^\W_]+")
# A clause boundary: bigrams never join words across it.
_CLAUSE = re.compile(r"[.,;:!?…()\[\]\"“”\n]+")
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|" + "|".join(re.escape(p) for p in PLACEHOLDERS.values())
)


def _clean(text: str) -> str:
    # a placeholder stands where words were: a clause break keeps bigrams from bridging it
    return _NOISE.sub(" . ", text)


def expanded(text: str) -> tuple[str, bool]:
    """The text as rules read it, before folding (normalised, teencode and abbreviations
    expanded, placeholders and URLs removed, lower case), and whether it was typed without
    diacritics (decided before expansion: "ko" → "không" must not make a text look accented)."""
    normal = normalize_text(_clean(text))
    unaccented = is_unaccented(normal, len(normal.split()))
    return expand_abbreviations(expand_teencode(normal)).lower(), unaccented


def _clauses(text: str) -> Iterator[list[str]]:
    for clause in _CLAUSE.split(text):
        words = _WORD.findall(clause)
        if words:
            yield words


def _kept(surface: list[str], unaccented: bool, digits: bool) -> Iterator[tuple[int, int]]:
    """(start, length) of the kept 1- and 2-grams of one clause of lower-case words."""
    if unaccented:
        single, multi, words = _SINGLE_FOLDED, _MULTI_FOLDED, [fold(w) for w in surface]
    else:
        single, multi, words = _SINGLE, _MULTI, surface
    content = [w not in single and (digits or not w.isdigit()) for w in words]
    for i in range(len(words)):
        if content[i]:
            yield i, 1
            if i + 1 < len(words) and content[i + 1] and f"{words[i]} {words[i + 1]}" not in multi:
                yield i, 2


def folded_ngrams(text: str, *, digits: bool = True) -> list[str]:
    """Folded syllable 1–2-grams of `text` ("giai toa", "ven song", ...), in text order.

    `digits=False` drops numbers (useful for clustering, where "3" or "2025" say little;
    claims keep them: "3 ngày", "60 tuổi" are part of what is claimed).
    """
    clean, unaccented = expanded(text)
    out: list[str] = []
    for surface in _clauses(clean):
        folded = [fold(w) for w in surface]
        out.extend(" ".join(folded[i : i + n]) for i, n in _kept(surface, unaccented, digits))
    return out


class SurfaceForms:
    """Remembers how people wrote each folded term, to show "sạt lở" rather than "sat lo"."""

    def __init__(self) -> None:
        self._seen: dict[str, Counter[str]] = {}

    def ngrams(self, text: str, *, digits: bool = True) -> list[str]:
        """`folded_ngrams(text)`, recording the written form of each term on the way."""
        clean, unaccented = expanded(text)
        out: list[str] = []
        for surface in _clauses(clean):
            folded = [fold(w) for w in surface]
            for i, n in _kept(surface, unaccented, digits):
                term = " ".join(folded[i : i + n])
                out.append(term)
                if not unaccented:  # a text typed without diacritics says nothing of them
                    written = " ".join(surface[i : i + n])
                    self._seen.setdefault(term, Counter())[written] += 1
        return out

    @classmethod
    def of(cls, texts: Iterable[str]) -> SurfaceForms:
        """The written forms in `texts` (a cluster's documents: "chó" there, not "chờ")."""
        forms = cls()
        for text in texts:
            forms.ngrams(text)
        return forms

    def display(self, term: str) -> str:
        """The most frequent written form of a folded term (the term itself if none)."""
        forms = self._seen.get(term)
        return forms.most_common(1)[0][0] if forms else term
