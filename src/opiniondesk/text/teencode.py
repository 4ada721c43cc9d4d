"""Expansion of chat shorthand ("teencode": ko, dc, j, ns, mn...) to standard spelling.

The table lives in `data/teencode.tsv` so linguists can extend it without touching code.
Expansion is meant for the matching copy of a document (rules, topic queries, sentiment
lexicons), not for the stored text, which keeps the author's words.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from opiniondesk.text._regex import trie_pattern

__all__ = ["expand_teencode", "load_teencode"]

# Upper-case shorthand is usually an acronym (UK, MB, TK as a bank name); only these few
# are common enough in upper case to be expanded.
_UPPER_OK = frozenset({"sđt", "sdt", "stk", "ko", "dc", "đc"})
# "50 k" means fifty thousand, "2 tr" two million: a number right before "k" vetoes it.
_AFTER_NUMBER_VETO = frozenset({"k"})
_NUMBER_BEFORE = re.compile(r"\d\s*$")


@cache
def load_teencode() -> dict[str, str]:
    """The shorthand table, lower-case token -> expansion."""
    table: dict[str, str] = {}
    text = resources.files("opiniondesk.text").joinpath("data/teencode.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        token, expansion = line.split("\t", 1)
        table[token.strip().lower()] = expansion.strip()
    return table


@cache
def _pattern() -> re.Pattern[str]:
    # One trie-shaped alternation of all tokens, run over the lower-cased text (re.IGNORECASE
    # doubled the cost): Python code then runs only on hits, not on every word.
    body = trie_pattern(load_teencode())
    # Standalone: not glued to letters/digits, nor part of an e-mail, URL, path or decimal.
    return re.compile(rf"(?<![\w@./:\-]){body}(?![\w@]|[./:\-]\w)")


def _expansion(token: str, low: str, text: str, start: int) -> str:
    if len(token) > 1 and token.isupper() and low not in _UPPER_OK:
        return token
    if low in _AFTER_NUMBER_VETO and _NUMBER_BEFORE.search(text, 0, start):
        return token
    expansion = load_teencode()[low]
    if token[0].isupper():
        return expansion[0].upper() + expansion[1:]
    return expansion


def expand_teencode(text: str) -> str:
    """Replace standalone shorthand tokens by their expansion; punctuation and everything
    else is left as it was. Capitalised shorthand gives a capitalised expansion."""
    if not text:
        return text
    lowered = text.lower()
    if len(lowered) != len(text):  # rare characters whose lower case is longer (İ)
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    parts: list[str] = []
    last = 0
    for m in _pattern().finditer(lowered):
        start, end = m.span()
        parts.append(text[last:start])
        parts.append(_expansion(text[start:end], m.group(0), text, start))
        last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)
