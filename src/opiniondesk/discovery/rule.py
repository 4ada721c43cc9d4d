"""Turn a cluster into a boolean topic query, chosen on the run's own documents.

The candidates are the cluster's distinctive terms in the form people wrote them ("chó thả
rông", not "cho tha rong": the query language matches diacritic phrases on texts typed with
diacritics, and multi-word phrases on texts typed without). Terms are added to an OR one at a
time, each time the one that raises F1 the most, where the cluster's documents are the
positives and every other document of the run the negatives; it stops when no term helps.
The analyst sees the precision and recall the query reached and can write their own instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opiniondesk.analysis.boolean_query import PhraseMatcher, canonical, parse_query
from opiniondesk.pipeline.stages.normalise import analysis_forms

MAX_PHRASES = 6


@dataclass(frozen=True, slots=True)
class RuleCandidate:
    query: str
    phrases: tuple[str, ...]
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def phrases_present(
    documents: Sequence[tuple[str | None, str]], phrases: Sequence[str]
) -> list[frozenset[str]]:
    """For each (title, text), the canonical phrases of `phrases` it contains, read exactly as
    the topic stage reads documents."""
    matcher = PhraseMatcher(phrases)
    found: list[frozenset[str]] = []
    for title, text in documents:
        analysis, match = analysis_forms(title, text)
        found.append(frozenset(matcher.find(analysis, match)))
    return found


def quote(phrase: str) -> str:
    return '"' + canonical(phrase) + '"'


def build_rule(
    present: Sequence[frozenset[str]],
    is_member: Sequence[bool],
    candidates: Sequence[str],
    max_phrases: int = MAX_PHRASES,
) -> RuleCandidate | None:
    """Greedy OR of candidate phrases maximising F1; None when no phrase finds a member."""
    pool = list(dict.fromkeys(canonical(c) for c in candidates if canonical(c)))
    chosen: list[str] = []
    best = (0.0, 0.0, 0.0)  # f1, precision, recall
    while len(chosen) < max_phrases:
        step: tuple[float, float, float, str] | None = None
        for phrase in pool:
            if phrase in chosen:
                continue
            p, r = _score([*chosen, phrase], present, is_member)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            if f1 > best[0] + 1e-9 and (step is None or f1 > step[0]):
                step = (f1, p, r, phrase)
        if step is None:
            break
        best = step[:3]
        chosen.append(step[3])
    if not chosen:
        return None
    query = " OR ".join(quote(p) for p in chosen)
    parse_query(query)  # a generated query must always be valid: fail loudly here if not
    return RuleCandidate(query, tuple(chosen), precision=best[1], recall=best[2])


def evaluate_query(
    query: str, present: Sequence[frozenset[str]], is_member: Sequence[bool]
) -> tuple[float, float]:
    """Precision and recall of a (hand-written) query on the run's documents."""
    parsed = parse_query(query)
    hits = [parsed.matches(found) for found in present]
    return _precision_recall(hits, is_member)


def _score(
    phrases: list[str], present: Sequence[frozenset[str]], is_member: Sequence[bool]
) -> tuple[float, float]:
    wanted = set(phrases)
    hits = [not wanted.isdisjoint(found) for found in present]
    return _precision_recall(hits, is_member)


def _precision_recall(hits: Sequence[bool], is_member: Sequence[bool]) -> tuple[float, float]:
    tp = sum(1 for h, m in zip(hits, is_member, strict=True) if h and m)
    predicted = sum(hits)
    members = sum(is_member)
    return (tp / predicted if predicted else 0.0, tp / members if members else 0.0)
