"""Folding Vietnamese text for matching: lower case, no diacritics, đ→d, same length.

The fold maps one character to one character, so a token found in the folded text sits at the
same offsets in the original: the matcher looks up folded tokens and checks the original ones
(accents, capitals) only for the few candidate spans.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters (any script) or digit runs: "Q1" → "Q", "1"; "TP.HCM" → "TP", "HCM"; "H'Leo" → "H", "Leo".
WORD_RE = re.compile(r"[^\W\d_]+|\d+")
# The same words plus the punctuation a place name never spans ("Tân Phú, Đồng Nai" is two
# places, not "Tân Phú Đông"); hyphens and apostrophes stay inside names ("Bà Rịa - Vũng Tàu").
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[.,;:!?()\[\]/|\n]")

# Combining tone marks; the vowel-quality marks (circumflex, breve, horn) stay in the base.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for start, end in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for code in range(start, end + 1):
            base = "".join(
                ch
                for ch in unicodedata.normalize("NFD", chr(code))
                if not unicodedata.combining(ch)
            ).lower()
            # Only one-to-one mappings keep the offsets aligned; "æ", "ß" and the like stay put.
            if len(base) == 1 and base.isascii() and base.isalpha():
                table[code] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


# As a string indexed by code point: `str.translate` looks a string up about twice as fast as a
# dict, and code points past its end are left as they are.
_FOLD_TABLE = "".join(map(_build_fold_table().get, range(0x1F00), map(chr, range(0x1F00))))


def nfc(text: str) -> str:
    """Compose decomposed input (some keyboards send "a" + U+0301) so letters are single code
    points."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics, đ→d; same length as `nfc(text)`."""
    return nfc(text).translate(_FOLD_TABLE)


def fold_nfc(text: str) -> str:
    """`fold` of a text already in NFC (skips checking that again)."""
    return text.translate(_FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """Folded word tokens of `text`."""
    return WORD_RE.findall(fold(text))


def key(text: str) -> str:
    """The folded tokens joined by single spaces: the form names are indexed under."""
    return " ".join(normalise_number(t) for t in tokens(text))


def normalise_number(token: str) -> str:
    """ "01" and "1" name the same ward ("P.01", "Phường 1")."""
    return (token.lstrip("0") or "0") if token.isdigit() else token


@lru_cache(maxsize=65536)
def tone_signature(token: str) -> str:
    """A syllable with its tone mark moved to the end, so "hoà" and "hòa" (old and new
    tone-mark placement) or "thuỷ" and "thủy" compare equal."""
    decomposed = unicodedata.normalize("NFD", token.lower())
    tone = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tone


def has_diacritics(token: str) -> bool:
    return not token.isascii()


def accents_agree(written: str, reference: str) -> bool:
    """True when `written` is `reference` with or without its diacritics.

    Text typed without diacritics matches any reference; text with diacritics must carry the
    same ones, so "huệ" (a flower) does not match "Huế" and "thở" does not match "Thơ".
    """
    if written.isascii():
        return True
    return tone_signature(written) == tone_signature(reference)
