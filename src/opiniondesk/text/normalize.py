"""Unicode and tone-mark normalisation, and the folded form used for matching.

Vietnamese text arrives precomposed (NFC), decomposed (NFD, common from macOS and some IMEs),
with two competing tone-mark placements ("hoà" vs "hòa") and with invisible characters pasted
from web pages. Everything downstream (dedupe hashes, rules, gazetteer lookups) must see one
form, so `normalize_text` produces it and `fold` derives the accent-free matching form.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "has_diacritics", "normalize_text"]

# Invisible characters that only break matching: zero-width space/joiners, direction marks,
# word joiner, BOM, soft hyphen. Deleted outright.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
# C0/C1 controls other than tab/newline/carriage return become spaces so words stay apart.
_CONTROLS = [c for c in range(0x20) if chr(c) not in "\t\n\r"] + list(range(0x7F, 0xA0))
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000\u2028\u2029"

_CLEAN_TABLE: dict[int, str | None] = {ord(c): None for c in _INVISIBLE}
_CLEAN_TABLE.update({c: " " for c in _CONTROLS})
_CLEAN_TABLE.update({ord(c): " " for c in _SPACES})
# str.translate walks every character through a dict; a regex scan is ~10x cheaper, so the
# table is only applied to the rare text that actually contains one of these characters.
_NEEDS_CLEAN = re.compile("[" + "".join(re.escape(chr(c)) for c in _CLEAN_TABLE) + "]")

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng


def _toned(base: str) -> str:
    """All five toned NFC forms of `base` (upper and lower case) as a regex class body."""
    out: list[str] = []
    for b in (base.lower(), base.upper()):
        out.extend(unicodedata.normalize("NFC", b + t) for t in sorted(_TONES))
    return "".join(out)


# "Old style" (tone on the last vowel) open syllables oa/oe/uy become "hòa, khỏe, thủy".
# Only when the syllable ends there: with a final consonant (hoàng, tuyết) both conventions put
# the tone on the second vowel. "q" + u is a consonant cluster (quả, quý), so it is excluded.
_LETTER_AFTER = r"(?![^\W\d_])"
_OLD_STYLE = re.compile(
    rf"(?<![qQ])([oO])([{_toned('a')}{_toned('e')}]){_LETTER_AFTER}"
    rf"|(?<![qQ])([uU])([{_toned('y')}]){_LETTER_AFTER}"
)


def _move_tone(m: re.Match[str]) -> str:
    first = m.group(1) or m.group(3)
    second = m.group(2) or m.group(4)
    decomposed = unicodedata.normalize("NFD", second)
    tone = decomposed[-1]
    return unicodedata.normalize("NFC", first + tone) + decomposed[:-1]


def _collapse_whitespace(s: str) -> str:
    # Paragraph breaks carry meaning for readers; runs of spaces do not.
    if "\n" not in s and "\r" not in s:
        return " ".join(s.split())
    lines = (" ".join(line.split()) for line in s.splitlines())
    return "\n".join(line for line in lines if line)


def normalize_text(s: str) -> str:
    """NFC, one tone-mark placement (hòa, thủy, khỏe), no invisible/control characters,
    single spaces, single newlines between non-empty lines. Idempotent."""
    if not s:
        return ""
    if _NEEDS_CLEAN.search(s):
        s = s.translate(_CLEAN_TABLE)
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
        s = _OLD_STYLE.sub(_move_tone, s)
    return _collapse_whitespace(s)


def _diacritic_letters() -> str:
    """Every precomposed Latin letter whose base is an ASCII letter, plus đ/Đ."""
    out = ["đĐ"]
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if cp != ord(base) and base.isascii() and base.isalpha():
            out.append(chr(cp))
    return "".join(out)


_DIACRITIC = re.compile("[" + _diacritic_letters() + "\u0300-\u036f]")
_COMBINING = re.compile("[\u0300-\u036f]")
_INVISIBLE_RE = re.compile("[" + _INVISIBLE + "]")


def fold(s: str) -> str:
    """Matching form: lower case, no diacritics, đ→d. Independent of NFC/NFD input and of
    tone-mark placement, because all tone marks are removed."""
    if s.isascii():
        return s.lower()
    # NFD + deleting combining marks (one regex pass) measured ~20% faster than a translate
    # table over NFC text; đ has no decomposition so it is replaced explicitly.
    s = _COMBINING.sub("", unicodedata.normalize("NFD", s.lower().replace("đ", "d")))
    if _INVISIBLE_RE.search(s):
        s = _INVISIBLE_RE.sub("", s)
    return s


def has_diacritics(s: str) -> bool:
    """True when `s` has any Vietnamese/Latin diacritic or đ (a hint the author typed with an
    IME; text without them needs the folded matching path)."""
    return not s.isascii() and _DIACRITIC.search(s) is not None
