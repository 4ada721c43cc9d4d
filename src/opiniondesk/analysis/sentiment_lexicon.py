"""Lexicon sentiment baseline: weighted words and phrases, with negation, intensity, contrast,
requests and questions. Fast, explainable, and a floor for the trained models to beat.

A document is read left to right, one clause at a time (clauses end at punctuation). At each
word the longest known phrase wins, so "không hài lòng" is read as a whole and "không khí"
(air) is never a negation. Polarity words come from `data/sentiment_lexicon.tsv`; the small
closed classes below (negators, intensifiers, ...) are grammar and live here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

from opiniondesk.analysis.boolean_query import (
    document_tokens,
    fold,
    phrase_words,
    spelling_variants,
)
from opiniondesk.errors import InputError

Label = Literal["negative", "neutral", "positive"]

# kind, factor (intensifiers), usable on folded text, and what it says on its own when it
# reaches no sentiment word: "chưa được cấp sổ" and "đề nghị sửa đường" complain without one;
# "hơi"/"quá" before a neutral word ("dạy hơi nhanh", "bài tập quá nhiều") criticise mildly.
# Folded, several collide with frequent words (quá/qua, lắm/làm, nhưng/những, hơi/hội,
# cần/cán, mong/mỏng), so those need diacritics.
_Mod = tuple[str, float, bool, float]
_MODIFIERS: dict[str, _Mod] = {
    # Negators.
    "không": ("neg", 1, True, 0),
    "không hề": ("neg", 1, True, 0),
    "không có": ("neg", 1, True, -0.3),
    "không được": ("neg", 1, True, -0.8),
    "không còn": ("neg", 1, True, 0),
    "không mấy": ("neg", 1, True, 0),
    "chẳng": ("neg", 1, True, -0.3),
    "chẳng hề": ("neg", 1, True, 0),
    "chẳng được": ("neg", 1, True, -0.8),
    "chả": ("neg", 1, False, -0.3),
    "chưa": ("neg", 1, True, -0.7),
    "chưa hề": ("neg", 1, True, -0.5),
    "chưa được": ("neg", 1, True, -1),
    "chưa có": ("neg", 1, True, -0.7),
    "chưa thực sự": ("neg", 1, True, -0.5),
    "chưa thật sự": ("neg", 1, True, -0.5),
    "đâu có": ("neg", 1, False, 0),
    "thiếu": ("neg", 1, False, -1),  # "thiếu nhiệt tình" = not enthusiastic
    # Intensifiers placed before the word they strengthen (or weaken, below 1).
    "rất": ("pre", 1.5, True, 0),
    "rất là": ("pre", 1.5, True, 0),
    "cực kỳ": ("pre", 2, True, 0),
    "vô cùng": ("pre", 2, True, 0),
    "hết sức": ("pre", 1.7, True, 0),
    "thật sự": ("pre", 1.3, True, 0),
    "thực sự": ("pre", 1.3, True, 0),
    "siêu": ("pre", 1.5, True, 0),
    "đặc biệt": ("pre", 1.3, True, 0),
    "ngày càng": ("pre", 1.3, True, 0),
    "quá là": ("pre", 1.5, False, -0.5),
    "khá": ("pre", 0.8, True, 0),
    "khá là": ("pre", 0.8, True, 0),
    "tương đối": ("pre", 0.7, True, 0),
    "hơi": ("pre", 0.6, False, -0.5),
    # Intensifiers that may stand before or after ("quá tệ", "tệ quá").
    "quá": ("both", 1.5, False, -0.5),
    "cực": ("both", 1.7, False, 0),
    "thật": ("both", 1.3, False, 0),
    # After the word only ("tốt lắm", "tệ hết chỗ nói").
    "lắm": ("post", 1.4, False, 0),
    "ghê": ("post", 1.5, False, 0),
    "nhất": ("post", 1.3, False, 0),
    "khủng khiếp": ("post", 1.8, True, 0),
    "hết chỗ nói": ("post", 1.8, True, 0),
    # Contrast: what follows "nhưng" is what the writer means.
    "nhưng": ("contrast", 1, False, 0),
    "nhưng mà": ("contrast", 1, True, 0),
    "tuy nhiên": ("contrast", 1, True, 0),
    "có điều": ("contrast", 1, True, 0),
    "mỗi tội": ("contrast", 1, True, -0.5),
    # Concession: the clause it opens counts less ("tuy", "mặc dù", "dù").
    "tuy": ("concede", 0, False, 0),
    "tuy rằng": ("concede", 0, True, 0),
    "mặc dù": ("concede", 0, True, 0),
    "dù": ("concede", 0, False, 0),
    "dẫu": ("concede", 0, False, 0),
    # Requests imply an unmet need: "mong thầy giảng kỹ hơn", "đề nghị xử lý dứt điểm".
    # A praised quality requested in the same clause is one that is missing.
    "mong": ("request", 1, False, -0.5),
    "mong muốn": ("request", 1, True, -0.5),
    "rất mong": ("request", 1, True, -0.5),
    "hy vọng": ("request", 1, True, -0.3),
    "đề nghị": ("request", 1, True, -0.5),
    "kiến nghị": ("request", 1, True, -0.5),
    "yêu cầu": ("request", 1, True, -0.5),
    "nên": ("request", 1, True, -0.5),
    "không nên": ("request", 1, True, -0.5),
    "cần": ("request", 1, False, -0.5),
    "cần phải": ("request", 1, True, -0.5),
    "giá như": ("request", 1, True, -0.5),
    "xin": ("request", 1, False, -0.5),  # "xin thầy cho đáp án"; "xin cảm ơn" is a term
    "ước gì": ("request", 1, True, -0.5),
    # ... unless the request is to keep something going: "mong tiếp tục phát huy".
    "tiếp tục": ("keep", 0, True, 0),
    "duy trì": ("keep", 0, True, 0),
    "giữ vững": ("keep", 0, True, 0),
    "luôn": ("keep", 0, True, 0),
    # Question words: a question reports less than a statement.
    "có phải": ("question", 0, True, 0),
    "phải không": ("question", 0, True, 0),
    "được không": ("question", 0, True, 0),
    "khi nào": ("question", 0, True, 0),
    "như thế nào": ("question", 0, True, 0),
    "thế nào": ("question", 0, True, 0),
    "ở đâu": ("question", 0, False, 0),
    "làm sao": ("question", 0, True, 0),
    "bao nhiêu": ("question", 0, True, 0),
}

_NEGATION_REACH = 3  # words a negator can reach across ("không được nhiệt tình cho lắm")
_PRE_REACH = 2
_NEGATED_POSITIVE = -0.9  # "không hài lòng" is nearly as strong as "bất mãn"
_NEGATED_POSITIVE_FLOOR = -1.0
_NEGATED_NEGATIVE = 0.5  # "không tệ" is only mildly good
_REQUESTED_POSITIVE = -0.5
_BEFORE_CONTRAST = 0.5
_AFTER_CONTRAST = 1.5
_CONCESSION = 0.5
_QUESTION = 0.6
_THRESHOLD = 0.5  # |sum| below this is neutral: one weak word does not make an opinion
# "hay" is "good/interesting" only in predicate position; elsewhere it is "or" / "often".
_HAY_AFTER = frozenset({".", ",", "!", "?", "và", "lắm", "quá", "nhất", "ghê", "thật", "nhưng"})


@dataclass(frozen=True, slots=True)
class SentimentResult:
    label: Label
    score: float  # confidence in [0, 1]
    polarity: float  # in [-1, 1]
    explanation: str


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # "term" or a modifier kind
    value: float  # a term's weight or an intensifier's factor
    text: str
    alone: float = 0.0  # a modifier's own weight when it reaches no sentiment word


class _Node:
    __slots__ = ("children", "entry")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entry: _Entry | None = None


def _add(root: dict[str, _Node], words: tuple[str, ...], entry: _Entry) -> None:
    children = root
    node = None
    for word in words:
        node = children.get(word) or children.setdefault(word, _Node())
        children = node.children
    if node is not None:
        node.entry = entry


def read_lexicon(path: Path | None = None) -> list[tuple[str, float, bool]]:
    """(term, weight, exact) rows of a lexicon TSV; the packaged one when `path` is None."""
    if path is None:
        text = (files("opiniondesk") / "data" / "sentiment_lexicon.tsv").read_text("utf-8")
        origin = "sentiment_lexicon.tsv"
    else:
        text, origin = path.read_text("utf-8"), str(path)
    rows: list[tuple[str, float, bool]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        cells = line.split("\t")
        try:
            weight = float(cells[1])
        except (IndexError, ValueError):
            raise InputError(
                f"{origin}, dòng {number}: cần 'cụm từ<TAB>trọng số'. / line {number}: "
                f"expected 'term<TAB>weight', found {line!r}."
            ) from None
        flags = cells[2].split(",") if len(cells) > 2 else []
        if not phrase_words(cells[0]) or not -3 <= weight <= 3 or set(flags) - {"exact", ""}:
            raise InputError(
                f"{origin}, dòng {number}: cụm từ rỗng, trọng số ngoài [-3, 3] hoặc cờ lạ. / "
                f"line {number}: empty term, weight outside [-3, 3] or unknown flag: {line!r}."
            )
        rows.append((" ".join(phrase_words(cells[0])), weight, "exact" in flags))
    return rows


class LexiconSentiment:
    """`analyse(text, match_text)` → label, confidence, polarity and the words behind it."""

    def __init__(self, lexicon_path: Path | None = None) -> None:
        self._accented: dict[str, _Node] = {}
        self._folded: dict[str, _Node] = {}
        folded_weights: dict[tuple[str, ...], set[float]] = {}
        rows = read_lexicon(lexicon_path)
        for term, weight, exact in rows:
            words = tuple(term.split())
            for variant in spelling_variants(words):
                _add(self._accented, variant, _Entry("term", weight, term))
            if not exact:
                folded_weights.setdefault(tuple(fold(w) for w in words), set()).add(weight)
        for term, weight, exact in rows:
            key = tuple(fold(w) for w in term.split())
            signs = {math.copysign(1, w) if w else 0 for w in folded_weights.get(key, ())}
            # Two entries that fold alike but disagree in sign are useless without diacritics.
            if not exact and len(signs) == 1:
                _add(self._folded, key, _Entry("term", weight, term))
        for term, (kind, value, fold_ok, alone) in _MODIFIERS.items():
            words, entry = tuple(term.split()), _Entry(kind, value, term, alone)
            for variant in spelling_variants(words):
                _add(self._accented, variant, entry)
            if fold_ok:
                _add(self._folded, tuple(fold(w) for w in words), entry)

    def analyse(self, text: str, match_text: str = "") -> SentimentResult:
        tokens, folded = document_tokens(text, match_text)
        return self.analyse_tokens(tokens, folded)

    def analyse_tokens(self, tokens: list[str], folded: bool) -> SentimentResult:
        """Same as `analyse` on tokens from `document_tokens`, shared with the topic rules."""
        return _Reading(self._folded if folded else self._accented, tokens).run()


class _Reading:
    """The state of reading one document; kept out of LexiconSentiment so that is reentrant.

    Scopes: a negator or intensifier reaches a few words within its clause (clauses end at
    any punctuation); a request lasts to the end of its sentence (. ! ?), so "cần có sách
    hay, chi tiết" asks for both qualities; contrast lasts to the end of the document.
    """

    def __init__(self, root: dict[str, _Node], tokens: list[str]) -> None:
        self.root = root
        self.tokens = tokens
        self.total = 0.0
        self.question = False
        self.contrast = 1.0
        # explanation groups: "tiêu cực", "tích cực", "phủ định", "đề nghị"
        self.why: dict[str, list[str]] = {}
        self.negator: tuple[_Entry, int, int] | None = None  # entry, words left, start index
        self.pre: tuple[_Entry, int] | None = None  # entry, words left
        self.request: _Entry | None = None
        self.concede = 1.0
        self.clause_has_term = False
        self.last_term: tuple[float, int] | None = None  # contribution, end index

    def end_clause(self, sentence: bool) -> None:
        self.flush_negator()
        self.flush_pre()
        self.concede = 1.0
        self.clause_has_term = False
        self.last_term = None
        if sentence:
            self.request = None

    def flush_negator(self) -> None:
        """A negator that reached no sentiment word says what it says on its own."""
        if self.negator is not None and self.negator[0].alone:
            self.add(self.negator[0].alone, self.negator[0].text)
        self.negator = None

    def flush_pre(self) -> None:
        if self.pre is not None and self.pre[0].alone:
            self.add(self.pre[0].alone, self.pre[0].text)
        self.pre = None

    def add(self, value: float, text: str, group: str = "") -> float:
        contribution = value * self.contrast * self.concede
        self.total += contribution
        group = group or ("tích cực" if value > 0 else "tiêu cực")
        self.why.setdefault(group, []).append(text)
        return contribution

    def longest(self, i: int) -> tuple[_Entry | None, int]:
        node = self.root.get(self.tokens[i])
        best: tuple[_Entry | None, int] = (None, i + 1)
        j = i + 1
        while node is not None:
            if node.entry is not None:
                best = (node.entry, j)
            if j >= len(self.tokens):
                break
            node = node.children.get(self.tokens[j])
            j += 1
        return best

    def run(self) -> SentimentResult:
        tokens, i = self.tokens, 0
        while i < len(tokens):
            token = tokens[i]
            if not token[0].isalnum() and token[0] != "_":
                if "?" in token:
                    self.question = True
                self.end_clause(sentence=any(c in token for c in ".!?…"))
                i += 1
                continue
            entry, end = self.longest(i)
            if entry is None:
                self.tick()
            elif entry.kind == "term":
                self.term(entry, i, end)
            else:
                self.modifier(entry, i, end)
            i = end
        self.end_clause(sentence=True)
        return self.result()

    def tick(self) -> None:
        """An ordinary word: modifiers waiting for their word lose reach."""
        if self.negator is not None:
            entry, left, start = self.negator
            if left > 1:
                self.negator = (entry, left - 1, start)
            else:
                self.flush_negator()
        if self.pre is not None:
            if self.pre[1] > 1:
                self.pre = (self.pre[0], self.pre[1] - 1)
            else:
                self.flush_pre()

    def term(self, entry: _Entry, start: int, end: int) -> None:
        if entry.value == 0 or (entry.text == "hay" and not self.hay_is_adjective(end)):
            self.tick()  # a blocker, or "hay" meaning "or"/"often": ordinary words
            return
        value, group = entry.value, ""
        shown = " ".join(self.tokens[start:end])
        if self.pre is not None:
            value *= self.pre[0].value
            self.pre = None
        if self.negator is not None:
            if value > 0:
                # Denying a wanted quality is a complaint however mild the word: "chưa cụ thể".
                value = min(value * _NEGATED_POSITIVE, _NEGATED_POSITIVE_FLOOR)
            else:
                value = -value * _NEGATED_NEGATIVE
            shown, group = " ".join(self.tokens[self.negator[2] : end]), "phủ định"
            self.negator = None
        elif self.request is not None and value > 0:
            value *= _REQUESTED_POSITIVE
            shown, group = f"{self.request.text} … {shown}", "đề nghị"
        self.clause_has_term = True
        self.last_term = (self.add(value, shown, group), end)

    def hay_is_adjective(self, end: int) -> bool:
        after = self.tokens[end] if end < len(self.tokens) else "."
        return self.pre is not None or after in _HAY_AFTER

    def modifier(self, entry: _Entry, start: int, end: int) -> None:
        kind = entry.kind
        if kind in ("post", "both") and self.last_term is not None and self.last_term[1] == start:
            # Strengthen the word just read by adding the extra share of its contribution.
            self.total += self.last_term[0] * (entry.value - 1)
            self.last_term = None
            return
        if kind in ("pre", "both"):
            self.flush_pre()
            self.pre = (entry, _PRE_REACH)
        elif kind == "neg":
            self.flush_negator()
            self.negator = (entry, _NEGATION_REACH, start)
        elif kind == "contrast":
            self.end_clause(sentence=True)
            self.total *= _BEFORE_CONTRAST
            self.contrast = _AFTER_CONTRAST
            if entry.alone:
                self.add(entry.alone, entry.text)
        elif kind == "concede":
            self.concede = _CONCESSION
        elif kind == "request":
            # "nên" after a judgement in the same clause means "so", not "should".
            if entry.text == "nên" and self.clause_has_term:
                return
            self.request = entry
            self.add(entry.alone, entry.text, "đề nghị")
        elif kind == "keep":
            self.request = None
        elif kind == "question":
            self.question = True

    def result(self) -> SentimentResult:
        total = self.total * (_QUESTION if self.question else 1.0)
        polarity = math.tanh(total / 2)
        if total >= _THRESHOLD:
            label: Label = "positive"
        elif total <= -_THRESHOLD:
            label = "negative"
        else:
            label = "neutral"
        # Confidence: how far the evidence is from the nearest other label; no evidence at all
        # is a weak "neutral" (0.5), not a confident one.
        if label == "neutral":
            has_evidence = bool(self.why)
            score = 0.5 + 0.3 * (1 - abs(total) / _THRESHOLD) if has_evidence else 0.5
        else:
            score = 0.5 + 0.5 * abs(polarity)
        return SentimentResult(label, round(score, 3), round(polarity, 3), self.explain())

    def explain(self) -> str:
        parts = []
        for title in ("tiêu cực", "tích cực", "phủ định", "đề nghị"):
            items = self.why.get(title)
            if items:
                parts.append(f"{title}: " + ", ".join(f"'{t}'" for t in dict.fromkeys(items)))
        if self.question:
            parts.append("câu hỏi")
        return "; ".join(parts) if parts else "không có từ mang cảm xúc"
