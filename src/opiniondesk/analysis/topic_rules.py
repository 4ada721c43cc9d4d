"""Rule-based topic tagging: every topic's boolean query, evaluated in one pass per document.

All phrases of all queries are compiled into one `PhraseMatcher`; a document is scanned once,
and only the topics that mention at least one of the phrases found are evaluated. That keeps
the cost per document nearly independent of the number of topics.
"""

from __future__ import annotations

from dataclasses import dataclass

from opiniondesk.analysis.boolean_query import PhraseMatcher, document_tokens
from opiniondesk.analysis.taxonomy import Taxonomy, TopicDef


@dataclass(frozen=True, slots=True)
class TopicHit:
    """One topic assigned to a document, with the phrases that earned it."""

    code: str
    score: float
    explanation: str
    source: str
    phrases: tuple[str, ...] = ()


def _score(n_phrases: int) -> float:
    # A heuristic confidence, not a probability: one matching phrase may be incidental, each
    # further distinct phrase halves the remaining doubt (1 → 0.6, 2 → 0.8, 3 → 0.9).
    return round(1.0 - 0.4 * 0.5 ** (n_phrases - 1), 3)


def _outermost(phrases: list[str]) -> list[str]:
    """Drop phrases found only as part of a longer matched one ("lở" inside "sạt lở"), so the
    explanation and the score count each piece of evidence once."""
    padded = [f" {p} " for p in phrases]
    return [
        p
        for p, pad in zip(phrases, padded, strict=True)
        if not any(pad in other and pad != other for other in padded)
    ]


class TopicRuleClassifier:
    """Assigns every active topic whose query matches; a document may get several or none."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._topics: list[TopicDef] = [t for t in taxonomy if t.active and t.query is not None]
        self._matcher = PhraseMatcher(p for t in self._topics if t.query for p in t.query.phrases)
        # phrase → indexes of topics it can switch on (phrases under NOT never switch a topic on)
        self._by_phrase: dict[str, list[int]] = {}
        for index, topic in enumerate(self._topics):
            assert topic.query is not None
            for phrase in topic.query.positive_phrases:
                self._by_phrase.setdefault(phrase, []).append(index)

    def classify(self, text: str, match_text: str = "") -> list[TopicHit]:
        """Topics of one document (`text` NFC in original case; `match_text` its folded form)."""
        tokens, folded = document_tokens(text, match_text)
        return self.classify_tokens(tokens, folded)

    def classify_tokens(self, tokens: list[str], folded: bool) -> list[TopicHit]:
        """Same as `classify` for tokens from `document_tokens`, shared with other analysers."""
        present = self._matcher.find_in_tokens(tokens, folded)
        if not present:
            return []
        candidates: set[int] = set()
        for phrase in present:
            candidates.update(self._by_phrase.get(phrase, ()))
        hits: list[TopicHit] = []
        for index in sorted(candidates):  # taxonomy order, so output is stable
            topic = self._topics[index]
            query = topic.query
            assert query is not None
            if not query.matches(present):
                continue
            matched = _outermost(query.matched_phrases(present))
            hits.append(
                TopicHit(
                    code=topic.code,
                    score=_score(len(matched)),
                    explanation="khớp: " + ", ".join(f'"{p}"' for p in matched),
                    source=f"rule:{topic.code}",
                    phrases=tuple(matched),
                )
            )
        return hits
