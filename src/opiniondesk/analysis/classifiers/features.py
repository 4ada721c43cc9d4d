"""Feature views of Vietnamese text for the classifiers, and their configuration.

A document is read in up to four views, each an n-gram count matrix weighted by TF-IDF and
scaled to unit length, then placed side by side:

- `syllables`: syllable (and punctuation) n-grams of the lower-cased text, with diacritics,
  when there are no segmented words (with words, 5-fold CV on UIT-VSFC train measured the same
  weighted F1 with or without this view, so the cheaper model is kept);
- `words`: n-grams of pyvi-segmented words ("giảng_viên"), when the caller has the tokens or
  `segment_missing` asks to compute them;
- `folded`: syllable n-grams of the folded text (no diacritics, đ→d), the only word view that
  still fires on text typed without diacritics;
- `chars`: character 3–5-grams of the folded text, for misspellings, teencode and glued words
  (2–5-grams measured the same and cost a third more).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix, hstack

from opiniondesk.analysis.classifiers.ngrams import CharNgrams, TokenNgrams
from opiniondesk.analysis.classifiers.tfidf import TfidfWeights
from opiniondesk.text.normalize import fold, normalize_text
from opiniondesk.text.segment import segment_many
from opiniondesk.text.teencode import expand_teencode

__all__ = ["FeatureConfig", "FeatureSpace", "Term", "prepare"]

_SYLLABLE = re.compile(r"\w+|[^\w\s]")
Range = tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which views to build and how; `None` switches a view off."""

    syllables: Range = (1, 3)
    words: Range = (1, 2)
    folded: Range = (1, 3)
    chars: Range = (3, 5)
    syllables_with_words: bool = False  # build the syllable view even when words exist
    min_df: int = 1
    char_min_df: int = 2
    max_features: int | None = None  # per view
    sublinear_tf: bool = True
    expand_teencode: bool = True
    segment_missing: bool = False  # segment with pyvi when the caller gives no tokens

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> FeatureConfig:
        """The config named by `params` (unknown keys are left for the model)."""
        known = {f.name for f in fields(cls)}
        values: dict[str, object] = {}
        for key, value in params.items():
            if key not in known:
                continue
            if isinstance(value, list | tuple):
                value = (int(value[0]), int(value[1]))
            values[key] = value
        return replace(cls(), **values)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Term:
    """What one feature column stands for: its view and the n-gram, as a reader sees it."""

    view: str
    text: str


def prepare(text: str, *, teencode: bool = True) -> str:
    """The form every view starts from: normalised, shorthand expanded, lower case."""
    text = normalize_text(text)
    if teencode:
        text = expand_teencode(text)
    return text.lower()


class FeatureSpace:
    """Fits the enabled views on training texts and maps any texts to one sparse matrix."""

    def __init__(self, config: FeatureConfig) -> None:
        self.config = config
        self._counters: dict[str, TokenNgrams | CharNgrams] = {}
        self._weights: dict[str, TfidfWeights] = {}
        self._offsets: list[tuple[int, str]] = []  # (first column, view) in column order

    @property
    def views(self) -> list[str]:
        return list(self._counters)

    @property
    def n_features(self) -> int:
        return sum(c.n_features for c in self._counters.values())

    def fit_transform(
        self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None
    ) -> csr_matrix:
        inputs = self._inputs(texts, tokens)
        self._counters, self._weights, self._offsets = {}, {}, []
        blocks, start = [], 0
        for view, data in inputs.items():
            counter = self._counter(view)
            counts = counter.fit_transform(data)  # type: ignore[arg-type]
            weights = TfidfWeights(sublinear_tf=self.config.sublinear_tf).fit(counts)
            self._counters[view], self._weights[view] = counter, weights
            self._offsets.append((start, view))
            start += counter.n_features
            blocks.append(weights.transform(counts))
        return _side_by_side(blocks, len(texts))

    def transform(
        self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None
    ) -> csr_matrix:
        inputs = self._inputs(texts, tokens, only=self.views)
        blocks = [
            self._weights[view].transform(self._counters[view].transform(data))  # type: ignore[arg-type]
            for view, data in inputs.items()
        ]
        return _side_by_side(blocks, len(texts))

    def view_mask(self, views: Collection[str]) -> npt.NDArray[np.bool_]:
        """True for each column that belongs to one of `views`."""
        mask = np.zeros(self.n_features, dtype=bool)
        for start, view in self._offsets:
            if view in views:
                mask[start : start + self._counters[view].n_features] = True
        return mask

    def term(self, column: int) -> Term:
        """The view and n-gram of a column of the matrix."""
        starts = [s for s, _ in self._offsets]
        i = int(np.searchsorted(starts, column, side="right")) - 1
        start, view = self._offsets[i]
        return Term(view, self._counters[view].feature_name(column - start))

    def _counter(self, view: str) -> TokenNgrams | CharNgrams:
        c = self.config
        ranges = {"syllables": c.syllables, "words": c.words, "folded": c.folded}
        if view == "chars":
            assert c.chars is not None
            return CharNgrams(c.chars, c.char_min_df, c.max_features)
        ngram_range = ranges[view]
        assert ngram_range is not None
        return TokenNgrams(ngram_range, c.min_df, c.max_features)

    def _inputs(
        self,
        texts: Sequence[str],
        tokens: Sequence[Sequence[str]] | None,
        only: list[str] | None = None,
    ) -> dict[str, list[str] | list[list[str]]]:
        c = self.config
        prepared = [prepare(t, teencode=c.expand_teencode) for t in texts]
        wanted = only if only is not None else self._enabled(tokens)
        out: dict[str, list[str] | list[list[str]]] = {}
        folded = [fold(t) for t in prepared] if {"folded", "chars"} & set(wanted) else []
        for view in wanted:
            if view == "syllables":
                out[view] = [_SYLLABLE.findall(t) for t in prepared]
            elif view == "words":
                out[view] = self._words(texts, tokens)
            elif view == "folded":
                out[view] = [_SYLLABLE.findall(t) for t in folded]
            else:
                out[view] = folded
        return out

    def _enabled(self, tokens: Sequence[Sequence[str]] | None) -> list[str]:
        c = self.config
        views = [
            name
            for name, on in (
                ("syllables", c.syllables),
                ("words", c.words),
                ("folded", c.folded),
                ("chars", c.chars),
            )
            if on is not None
        ]
        if tokens is None and not c.segment_missing and "words" in views:
            views.remove("words")
        if "words" in views and "syllables" in views and not c.syllables_with_words:
            views.remove("syllables")
        return views

    def _words(
        self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None
    ) -> list[list[str]]:
        if tokens is None:
            # A model trained with words keeps needing them: segment what the caller did not.
            tokens = segment_many(normalize_text(t) for t in texts)
        if len(tokens) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(tokens)} token lists")
        return [[w.lower() for w in ws] for ws in tokens]


def _side_by_side(blocks: list[csr_matrix], n_docs: int) -> csr_matrix:
    if not blocks:
        return csr_matrix((n_docs, 0), dtype=np.float32)
    if len(blocks) == 1:
        return blocks[0]
    return hstack(blocks, format="csr", dtype=np.float32)
