"""Language identification for short public comments: Vietnamese (with or without
diacritics), English, a few other scripts, "other" and "und" (undetermined).

No model is downloaded: it scores each word. Words with letters that only Vietnamese uses
(ă â đ ê ô ơ ư and the Latin Extended Additional block) are strong evidence; for text typed
without diacritics, a list of frequent folded Vietnamese syllables and a syllable-shape check
(onset + vowel cluster + allowed final) compete with a list of frequent English words.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

from opiniondesk.text.abbreviations import ABBREVIATIONS
from opiniondesk.text.teencode import load_teencode

__all__ = ["detect_language"]

_WORD = re.compile(r"[^\W\d_]+")
# Letters Vietnamese uses and French/Spanish/Portuguese do not (a set: `isdisjoint` on a short
# word is cheaper than a regex call).
_VI_SPECIFIC = frozenset("ăâđêôơưĩũ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)))
_VI_SHAPE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|ng|nh|[cmnpt])?"
)
_NON_LATIN = re.compile("[\u0370-\u1dbf\u2e80-\ud7ff\uf900-\ufaff\uff66-\uff9f]")
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile("[\u3040-\u30ff]")),  # kana before Han: Japanese mixes both
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("lo", re.compile("[\u0e80-\u0eff]")),
    ("km", re.compile("[\u1780-\u17ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("el", re.compile("[\u0370-\u03ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
)
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]")


def _fold_word(word: str) -> str:
    if word.isascii():
        return word
    base = unicodedata.normalize("NFD", word.replace("đ", "d"))
    return "".join(c for c in base if not unicodedata.combining(c))


def _words(name: str) -> frozenset[str]:
    text = resources.files("opiniondesk.text").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


# Chat shorthand (ko, dc, mn, sdt) and official abbreviations (ubnd) are Vietnamese too.
_VI_COMMON = (
    _words("vi_common_folded.txt")
    | {_fold_word(k) for k in load_teencode() if k.isalpha() and k.isascii()}
    | {_fold_word(k.lower()) for k in ABBREVIATIONS if k.isalpha()}
)
_EN_COMMON = _words("en_common.txt")
_BOTH = _VI_COMMON & _EN_COMMON


def _script(text: str) -> tuple[str, float] | None:
    """A non-Latin script that dominates the text, with its share of letters."""
    latin = len(_LATIN_LETTER.findall(text))
    kana = len(_SCRIPTS[0][1].findall(text))
    if kana:  # Japanese writes Han characters too; any kana decides
        han = len(_SCRIPTS[1][1].findall(text))
        if kana + han >= latin:
            return "ja", (kana + han) / (kana + han + latin)
    best, best_count = "", 0
    for code, pattern in _SCRIPTS:
        count = len(pattern.findall(text))
        if count > best_count:
            best, best_count = code, count
    if best_count and best_count >= latin:
        return best, best_count / (best_count + latin)
    return None


def _scores(words: list[str]) -> tuple[float, float, int]:
    """(Vietnamese evidence, English evidence, English common-word hits) summed over words."""
    vi = en = 0.0
    en_hits = 0
    for word in words:
        if not word.isascii():
            if not _VI_SPECIFIC.isdisjoint(word):
                vi += 1.0
                continue
            folded = _fold_word(word)
            if folded in _VI_COMMON or _VI_SHAPE.fullmatch(folded):
                vi += 0.8  # à, á, é... exist in French too, so a little less than certain
            continue
        if word in _BOTH:
            vi += 0.5
            en += 0.5
            en_hits += 1
        elif word in _VI_COMMON:
            vi += 1.0
        elif word in _EN_COMMON:
            en += 1.0
            en_hits += 1
        elif _VI_SHAPE.fullmatch(word):
            vi += 0.5  # shaped like a syllable but not frequent: weak evidence
        elif len(word) > 1:
            en += 0.4  # clusters/finals Vietnamese lacks: English or another Latin language
    return vi, en, en_hits


def detect_language(text: str) -> tuple[str, float]:
    """("vi" | "en" | ISO code of a non-Latin script | "other" | "und", confidence in [0, 1])."""
    if not text or text.isspace():
        return "und", 0.0
    if not text.isascii() and _NON_LATIN.search(text):
        found = _script(text)
        if found is not None:
            return found[0], round(found[1], 3)
    words = _WORD.findall(text.lower())
    n = len(words)
    if n == 0:
        return "und", 0.0
    vi, en, en_hits = _scores(words)
    # Short texts are weak evidence whatever they contain.
    length_factor = min(1.0, 0.4 + 0.15 * n)
    if vi >= en and vi / n >= 0.5:
        return "vi", round(min(1.0, vi / n) * (vi / (vi + en)) * length_factor, 3)
    if en > vi and en_hits and en / n >= 0.35:
        return "en", round(min(1.0, en / n) * (en / (vi + en)) * length_factor, 3)
    if n >= 3:
        return "other", round(0.5 * length_factor, 3)
    return "und", 0.0
