"""Boolean topic queries: the query language, its parser, and fast phrase matching.

Query language (what an office user writes in `taxonomy.yaml`)::

    ("sạt lở" OR "lở đất" OR "sụt lún") AND NOT "phim"
    "giá điện" OR ("tiền điện" AND (tăng OR cao))

* A term is a quoted phrase (``"..."``; typographic quotes “...” are accepted too, because
  word processors insert them) or a bare word (anything up to a space, quote or parenthesis).
* Operators are ``AND``, ``OR``, ``NOT`` written in CAPITALS only. Lower-case ``and``/``or``/
  ``not`` are ordinary words: a Vietnamese query should never change meaning because a
  loan word happens to be spelt like an operator.
* Adjacent terms are joined by an implicit AND: ``"bờ sông" sạt`` = ``"bờ sông" AND sạt``.
* Precedence NOT > AND > OR; parentheses group.

Matching semantics (per document):

* A phrase is a sequence of words; it matches whole words only ("lở" never matches inside
  "lởm"), case-insensitively. Punctuation between words breaks a phrase; other symbols
  (``-``, ``/``, ``+``) are ignored, so "covid-19" and "covid 19" are the same phrase.
* A document written with diacritics is matched on its diacritic form, so "sạt lở" does not
  match "sắt lỡ". Both tone-mark placements (hoà/hòa, thuý/thúy) and i/y spellings (kỹ/kĩ)
  are accepted because both are in everyday use.
* A document written (almost) without diacritics is matched on folded forms (lower-case, marks
  removed, đ→d), so "sạt lở" also matches "sat lo" there. A single word written with
  diacritics is not used on such documents: folded, one syllable stands for too many words
  ("chùa" would match "chua", which is usually "chưa").
* Write phrases with their diacritics: a phrase typed without them ("sat lo") only matches
  texts that are written the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from typing import TypeAlias

from opiniondesk.errors import InputError

# --------------------------------------------------------------------------- folding & words

_COMBINING = re.compile(r"[\u0300-\u036f]")
# Words, plus clause punctuation kept as separate tokens so phrases never span a sentence.
_TOKEN = re.compile(r"\w+|[.,;:!?…()\[\]\"“”]+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, đ→d: the same folding the pipeline uses for match_text."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed)).replace("đ", "d")


def tokenize(text: str) -> list[str]:
    """Lower-case words and clause-punctuation tokens of `text` (assumed NFC)."""
    return _TOKEN.findall(text.lower())


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a phrase, lower-case NFC, punctuation and symbols dropped."""
    return tuple(re.findall(r"\w+", unicodedata.normalize("NFC", phrase).lower()))


def canonical(phrase: str) -> str:
    """The one spelling under which a phrase is reported and looked up."""
    return " ".join(phrase_words(phrase))


# Vietnamese lower-case letters that carry a diacritic (ă â ê ô ơ ư đ and all toned vowels).
_MARKED_CHARS = "".join(
    c
    for c in map(chr, range(0xC0, 0x1EFA))
    if c.islower() and len(fold(c)) == 1 and fold(c).isascii() and fold(c) != c
)
_MARKED = re.compile(f"[{_MARKED_CHARS}]")
# Below this share of marked letters per word a text is treated as typed without diacritics.
# Ordinary Vietnamese has a mark on well over half of its syllables; a stray loan word or a
# single accented name in a no-diacritics message stays far under 15 %.
_MIN_MARKS_PER_WORD = 0.15


def is_unaccented(text: str, n_words: int) -> bool:
    """True when `text` was (almost certainly) typed without Vietnamese diacritics."""
    if text.isascii():
        return True
    return len(_MARKED.findall(text.lower())) < _MIN_MARKS_PER_WORD * max(n_words, 1)


def document_tokens(text: str, match_text: str = "") -> tuple[list[str], bool]:
    """Tokens to match a document on, and whether they are folded.

    Decided once per document: diacritic tokens of `text`, or folded tokens of `match_text`
    (computed here if the caller has none) when the text carries almost no diacritics.
    """
    tokens = tokenize(text)
    if is_unaccented(text, len(tokens)):
        # Folding keeps the length of NFC text; a match_text of another length belongs to a
        # different string (e.g. the caller prefixed a title), so fold `text` afresh.
        if len(match_text) != len(text):
            match_text = fold(text)
        return tokenize(match_text), True
    return tokens, False


# Both tone-mark placements are in daily use for oa/oe/uy closing a syllable (hoà ~ hòa).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_STYLE = re.compile(f"(o(?=[{_TONES}][ae]$)|u(?=[{_TONES}]y$))([{_TONES}])(.)$")
_NEW_STYLE = re.compile(f"(o(?=[ae][{_TONES}]$)|u(?=y[{_TONES}]$))(.)([{_TONES}])$")
# i and y alternate after these initials (kỹ ~ kĩ, lý ~ lí, quy ~ qui).
_I_Y = re.compile(f"^(k|l|m|t|h|s|qu)([iy])([{_TONES}]?)$")


def word_variants(word: str) -> set[str]:
    """Accepted spellings of one lower-case NFC syllable."""
    found = {word}
    nfd = unicodedata.normalize("NFD", word)
    if nfd.startswith("q") or nfd.startswith("gi"):
        # In "quý", "giá" the u/i belongs to the initial: the tone position is not in dispute.
        moved = nfd
    else:
        moved = _OLD_STYLE.sub(r"\1\3\2", nfd)
        if moved == nfd:
            moved = _NEW_STYLE.sub(r"\1\3\2", nfd)
    found.add(unicodedata.normalize("NFC", moved))
    swap = _I_Y.match(nfd)
    if swap:
        other = "y" if swap.group(2) == "i" else "i"
        found.add(unicodedata.normalize("NFC", swap.group(1) + other + swap.group(3)))
    return found


def spelling_variants(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """All combinations of accepted spellings for a phrase's words."""
    combos: set[tuple[str, ...]] = {()}
    for word in words:
        combos = {(*c, v) for c in combos for v in word_variants(word)}
    return combos


# --------------------------------------------------------------------------- phrase matching


class _Node:
    """A word-trie node: the phrases ending here and the words that may follow."""

    __slots__ = ("children", "payload")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.payload: tuple[str, ...] = ()


def _insert(root: dict[str, _Node], words: tuple[str, ...], value: str) -> None:
    children = root
    node: _Node | None = None
    for word in words:
        node = children.get(word)
        if node is None:
            node = children[word] = _Node()
        children = node.children
    if node is not None and value not in node.payload:
        node.payload += (value,)


def _scan(root: dict[str, _Node], tokens: list[str]) -> set[str]:
    """Every phrase of the trie that occurs in `tokens`, overlapping and nested ones too."""
    found: set[str] = set()
    n = len(tokens)
    for i in range(n):
        node = root.get(tokens[i])
        j = i + 1
        while node is not None:
            if node.payload:
                found.update(node.payload)
            if j >= n:
                break
            node = node.children.get(tokens[j])
            j += 1
    return found


class PhraseMatcher:
    """All phrases of all queries compiled into two word tries, scanned once per document.

    One trie holds the diacritic spellings (with their accepted variants), the other the
    folded spellings; a document is scanned with the one its writing calls for. Results are
    canonical phrases (see `canonical`), so queries can test membership directly.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._accented: dict[str, _Node] = {}
        self._folded: dict[str, _Node] = {}
        self.phrases: frozenset[str] = frozenset()
        seen: set[str] = set()
        for phrase in phrases:
            words = phrase_words(phrase)
            if not words:
                continue
            key = " ".join(words)
            seen.add(key)
            # Folded, a lone syllable is hopelessly ambiguous ("chua" is chưa, chùa or chua),
            # so single words with diacritics only match texts written with diacritics.
            fold_too = len(words) > 1 or words[0].isascii()
            for variant in spelling_variants(words):
                _insert(self._accented, variant, key)
                if fold_too:
                    _insert(self._folded, tuple(fold(w) for w in variant), key)
        self.phrases = frozenset(seen)

    def find(self, text: str, match_text: str = "") -> set[str]:
        """Canonical phrases present in a document (see module doc for the semantics)."""
        tokens, folded = document_tokens(text, match_text)
        return self.find_in_tokens(tokens, folded)

    def find_in_tokens(self, tokens: list[str], folded: bool) -> set[str]:
        return _scan(self._folded if folded else self._accented, tokens)


# --------------------------------------------------------------------------- query AST


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str  # canonical form

    def matches(self, present: Set[str]) -> bool:
        return self.text in present


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Expr, ...]

    def matches(self, present: Set[str]) -> bool:
        return all(item.matches(present) for item in self.items)


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Expr, ...]

    def matches(self, present: Set[str]) -> bool:
        return any(item.matches(present) for item in self.items)


@dataclass(frozen=True, slots=True)
class Not:
    item: Expr

    def matches(self, present: Set[str]) -> bool:
        return not self.item.matches(present)


Expr: TypeAlias = Phrase | And | Or | Not


def _collect(expr: Expr, negated: bool, into: dict[str, bool]) -> None:
    if isinstance(expr, Phrase):
        # A phrase counts as "positive" if it appears anywhere outside an odd number of NOTs.
        into[expr.text] = into.get(expr.text, False) or not negated
    elif isinstance(expr, Not):
        _collect(expr.item, not negated, into)
    else:
        for item in expr.items:
            _collect(item, negated, into)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its source text, syntax tree and the phrases it mentions."""

    source: str
    root: Expr
    phrases: tuple[str, ...] = field(default=())
    positive_phrases: frozenset[str] = field(default=frozenset())

    def matches(self, present: Set[str]) -> bool:
        """Evaluate over the set of canonical phrases found in a document."""
        return self.root.matches(present)

    def matched_phrases(self, present: Set[str]) -> list[str]:
        """The query's positive phrases that occur, in query order: the "why" of a match."""
        return [p for p in self.phrases if p in self.positive_phrases and p in present]


# --------------------------------------------------------------------------- parser


class QuerySyntaxError(InputError):
    """A query that cannot be parsed; says where (0-based `position`) and what was expected."""

    def __init__(self, query: str, position: int, expected_vi: str, expected_en: str) -> None:
        found = _describe(query, position)
        message = (
            f"Truy vấn sai ở ký tự {position + 1}: cần {expected_vi}, gặp {found[0]}. / "
            f"Query syntax error at character {position + 1}: expected {expected_en}, "
            f"found {found[1]}. Truy vấn / query: {query!r}"
        )
        super().__init__(message)
        self.query = query
        self.position = position
        self.expected = expected_en


def _describe(query: str, position: int) -> tuple[str, str]:
    if position >= len(query):
        return "hết truy vấn", "end of query"
    snippet = query[position : position + 15]
    return f"'{snippet}'", f"'{snippet}'"


_QUOTES = {'"': '"', "“": "”", "”": "”"}
_OPERATORS = frozenset({"AND", "OR", "NOT"})
_TERM = "một cụm từ, từ khóa hoặc '('", "a phrase, a word or '('"


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "(", ")", "AND", "OR", "NOT", "TERM", "END"
    pos: int
    text: str = ""


def _lex(query: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Tok(ch, i))
            i += 1
        elif ch in _QUOTES:
            end = query.find(_QUOTES[ch], i + 1)
            if ch == "“" and end < 0:
                end = query.find('"', i + 1)  # a mixed pair typed by hand
            if end < 0:
                # Point at the opening quote: that is where the user has to look.
                raise QuerySyntaxError(
                    query, i, "cụm từ này có dấu ngoặc kép đóng", "a closing quote for this phrase"
                )
            text = query[i + 1 : end]
            if not phrase_words(text):
                raise QuerySyntaxError(query, i, "một cụm từ có chữ", "a phrase with words")
            tokens.append(_Tok("TERM", i, text))
            i = end + 1
        else:
            start = i
            while i < n and not query[i].isspace() and query[i] not in '()"“”':
                i += 1
            word = query[start:i]
            if word in _OPERATORS:
                tokens.append(_Tok(word, start))
            elif phrase_words(word):
                tokens.append(_Tok("TERM", start, word))
            else:
                raise QuerySyntaxError(query, start, *_TERM)
    tokens.append(_Tok("END", n))
    return tokens


class _Parser:
    """Recursive descent: or := and (OR and)*; and := not (AND? not)*; not := NOT not | atom."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _lex(query)
        self.i = 0

    @property
    def tok(self) -> _Tok:
        return self.tokens[self.i]

    def error(self, expected_vi: str, expected_en: str) -> QuerySyntaxError:
        return QuerySyntaxError(self.query, self.tok.pos, expected_vi, expected_en)

    def parse(self) -> Expr:
        if self.tok.kind == "END":
            raise self.error(*_TERM)
        expr = self.parse_or()
        if self.tok.kind == ")":
            raise self.error("toán tử AND/OR hoặc hết truy vấn", "AND/OR or end of query")
        if self.tok.kind != "END":
            raise self.error("AND, OR hoặc hết truy vấn", "AND, OR or end of query")
        return expr

    def parse_or(self) -> Expr:
        items = [self.parse_and()]
        while self.tok.kind == "OR":
            self.i += 1
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Expr:
        items = [self.parse_not()]
        while self.tok.kind in ("AND", "NOT", "TERM", "("):
            if self.tok.kind == "AND":
                self.i += 1
            items.append(self.parse_not())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_not(self) -> Expr:
        if self.tok.kind == "NOT":
            self.i += 1
            return Not(self.parse_not())
        return self.parse_atom()

    def parse_atom(self) -> Expr:
        tok = self.tok
        if tok.kind == "TERM":
            self.i += 1
            return Phrase(canonical(tok.text))
        if tok.kind == "(":
            self.i += 1
            expr = self.parse_or()
            if self.tok.kind != ")":
                raise self.error("dấu ')' đóng ngoặc", "a closing ')'")
            self.i += 1
            return expr
        raise self.error(*_TERM)


def parse_query(source: str) -> Query:
    """Parse a query; raises `QuerySyntaxError` with the position of the first problem."""
    root = _Parser(source).parse()
    polarity: dict[str, bool] = {}
    _collect(root, False, polarity)
    positive = frozenset(p for p, pos in polarity.items() if pos)
    return Query(source=source, root=root, phrases=tuple(polarity), positive_phrases=positive)
