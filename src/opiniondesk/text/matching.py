"""The matching form of a text: one function applied to documents AND to query terms.

Rules, topic queries, sentiment lexicons and gazetteer lookups compare `match_form(a)` with
`match_form(b)`, so tone placement, missing diacritics, teencode and official abbreviations
cannot make two spellings of the same words miss each other.
"""

from __future__ import annotations

from opiniondesk.text.abbreviations import expand_abbreviations
from opiniondesk.text.normalize import fold, normalize_text
from opiniondesk.text.teencode import expand_teencode

__all__ = ["match_form"]


def match_form(text: str) -> str:
    """normalize → teencode → abbreviations → fold (lower case, no diacritics)."""
    return fold(expand_abbreviations(expand_teencode(normalize_text(text))))
