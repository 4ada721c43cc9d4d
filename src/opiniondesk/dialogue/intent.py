"""What a question asks for — when, why, how much, who, where, how, what, whether — read from
its question words in the matching form (no diacritics, teencode expanded).

Two questions about the same road can ask different things ("when will it be repaired?" vs
"will it get street lights?"); character n-grams alone score them as near-identical. When both
questions show what they ask for and the two sets do not meet, grouping lowers their score.
"""

from __future__ import annotations

import re

from opiniondesk.text.matching import match_form

# patterns over the folded, lower-case form; "sao" alone is "why" except in "bản sao" (a copy)
# and "làm sao" (how)
_INTENTS: dict[str, re.Pattern[str]] = {
    "when": re.compile(r"\b(bao gio|khi nao|luc nao|bao h)\b"),
    "why": re.compile(r"\b(vi sao|tai sao|nguyen nhan|ly do)\b|(?<!ban )(?<!lam )\bsao\b"),
    "how_much": re.compile(r"\b(bao nhieu|muc (dong|thu|ho tro)|phi bao)\b"),
    "who": re.compile(r"\b(ai|co quan nao|don vi nao)\b"),
    "where": re.compile(r"\b(o dau|tru so nao|cho nao|noi nao)\b"),
    "how": re.compile(r"\b(nhu the nao|the nao|lam sao|lam gi|cach nao|bien phap gi)\b"),
    "how_long": re.compile(r"\b(bao lau)\b"),
}


def intents(text: str) -> frozenset[str]:
    """The kinds of answer `text` asks for; empty when no question word is recognised (a
    plain yes/no question or a statement)."""
    form = match_form(text)
    return frozenset(name for name, pattern in _INTENTS.items() if pattern.search(form))


def intents_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both ask for something recognisable, and not for the same thing. A question with no
    recognised question word (a yes/no question) differs from one that has one."""
    if not a and not b:
        return False
    return not (a & b)
