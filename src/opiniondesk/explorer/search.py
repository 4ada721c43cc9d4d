"""The explorer's query language, folded so that diacritics never matter.

Words are ANDed, "quoted phrases" match in order, `OR` between two terms accepts either, and
`-word` or `-"a phrase"` excludes. Every term is folded (`sạt lở` → `sat lo`) and reduced to
letters and digits, so nothing a reader types reaches the database as syntax: the FTS5 and
tsquery expressions are built here from plain word lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from opiniondesk.errors import InputError
from opiniondesk.text.normalize import fold

MAX_QUERY = 500
MAX_TERMS = 20
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")

Phrase = tuple[str, ...]  # folded words in order; one word is a phrase of one


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """All `groups` must match (each by any of its phrases) and no `excluded` phrase may."""

    groups: tuple[tuple[Phrase, ...], ...] = ()
    excluded: tuple[Phrase, ...] = ()
    words: frozenset[str] = field(default_factory=frozenset)  # for highlighting

    @property
    def is_empty(self) -> bool:
        return not self.groups


def words_of(text: str) -> Phrase:
    return tuple(_WORD.findall(fold(text)))


def parse_query(text: str) -> SearchQuery:
    """Parse what a reader typed; an empty string is an empty query (browse everything)."""
    text = text.strip()
    if len(text) > MAX_QUERY:
        raise InputError(
            f"Câu tìm kiếm dài quá {MAX_QUERY} ký tự; hãy rút gọn. / "
            f"The search is longer than {MAX_QUERY} characters; shorten it."
        )
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            join_next = bool(groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        phrase = words_of(quoted if bare is None else bare)
        if not phrase:
            continue
        if negated:
            excluded.append(phrase)
        elif join_next:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
        join_next = False
    if not groups and excluded:
        raise InputError(
            "Cần ít nhất một từ cần tìm, không chỉ từ loại trừ (-từ). / "
            "Give at least one word to find, not only excluded words (-word)."
        )
    if sum(len(g) for g in groups) + len(excluded) > MAX_TERMS:
        raise InputError(
            f"Tối đa {MAX_TERMS} từ hoặc cụm từ. / At most {MAX_TERMS} words or phrases."
        )
    words = frozenset(w for g in groups for phrase in g for w in phrase)
    return SearchQuery(tuple(tuple(g) for g in groups), tuple(excluded), words)


def fts5_expression(query: SearchQuery) -> str:
    """The MATCH expression for the SQLite FTS5 index (words are letters and digits only)."""

    def phrase(p: Phrase) -> str:
        return '"' + " ".join(p) + '"'

    positive = " AND ".join("(" + " OR ".join(phrase(p) for p in g) + ")" for g in query.groups)
    return "(" + positive + ")" + "".join(f" NOT {phrase(p)}" for p in query.excluded)


def tsquery_expression(query: SearchQuery) -> str:
    """The `to_tsquery('simple', …)` text for PostgreSQL (words are letters and digits only)."""

    def phrase(p: Phrase) -> str:
        return "(" + " <-> ".join(f"'{w}'" for w in p) + ")"

    positive = " & ".join("(" + " | ".join(phrase(p) for p in g) + ")" for g in query.groups)
    return positive + "".join(f" & !{phrase(p)}" for p in query.excluded)
