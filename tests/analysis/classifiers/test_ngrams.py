"""Vectorised n-gram counting agrees with a plain reading of the texts."""

from __future__ import annotations

import pickle
from collections import Counter

import numpy as np

from opiniondesk.analysis.classifiers.keyindex import KeyIndex
from opiniondesk.analysis.classifiers.ngrams import CharNgrams, TokenNgrams
from opiniondesk.analysis.classifiers.tfidf import TfidfWeights

DOCS = [
    "người dân phản ánh đường sá xuống cấp",
    "đường sá xuống cấp , người dân bức xúc",
    "trạm y tế thiếu thuốc",
    "",
    "thiếu thuốc thiếu thuốc",
]


def _token_ngrams(tokens: list[str], lo: int, hi: int) -> Counter[str]:
    return Counter(
        " ".join(tokens[i : i + n]) for n in range(lo, hi + 1) for i in range(len(tokens) - n + 1)
    )


def _char_ngrams(text: str, lo: int, hi: int) -> Counter[str]:
    return Counter(text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1))


def _rows(counter: TokenNgrams | CharNgrams, matrix: object) -> list[Counter[str]]:
    dense = np.asarray(matrix.toarray())  # type: ignore[attr-defined]
    return [
        Counter({counter.feature_name(j): int(v) for j, v in enumerate(row) if v}) for row in dense
    ]


class TestTokenNgrams:
    def test_counts_every_ngram_of_each_document(self) -> None:
        docs = [d.split() for d in DOCS]
        counter = TokenNgrams((1, 3))
        rows = _rows(counter, counter.fit_transform(docs))
        assert rows == [_token_ngrams(d, 1, 3) for d in docs]

    def test_unknown_tokens_break_ngrams(self) -> None:
        counter = TokenNgrams((1, 2))
        counter.fit_transform([["a", "b"], ["b", "c"]])
        rows = _rows(counter, counter.transform([["a", "x", "b"], ["a", "b", "c"]]))
        assert rows[0] == Counter({"a": 1, "b": 1})
        assert rows[1] == Counter({"a": 1, "b": 1, "c": 1, "a b": 1, "b c": 1})

    def test_min_df_and_max_features(self) -> None:
        docs = [d.split() for d in DOCS]
        counter = TokenNgrams((1, 1), min_df=2)
        counter.fit_transform(docs)
        names = {counter.feature_name(j) for j in range(counter.n_features)}
        assert names == {"người", "dân", "đường", "sá", "xuống", "cấp", "thiếu", "thuốc"}
        top = TokenNgrams((1, 1), max_features=2)
        top.fit_transform([["thuốc", "a"], ["thuốc", "b", "y_tế"], ["thuốc", "y_tế", "y_tế"]])
        # Kept by the number of documents, not of occurrences.
        assert {top.feature_name(j) for j in range(top.n_features)} == {"thuốc", "y_tế"}

    def test_pickle_roundtrip(self) -> None:
        docs = [d.split() for d in DOCS]
        counter = TokenNgrams((1, 2))
        expected = counter.fit_transform(docs)
        loaded = pickle.loads(pickle.dumps(counter))
        assert (loaded.transform(docs) != expected).nnz == 0

    def test_documents_longer_than_a_chunk(self) -> None:
        from opiniondesk.analysis.classifiers import ngrams

        docs = [d.split() for d in DOCS] * 3
        whole = TokenNgrams((1, 2)).fit_transform(docs)
        original = ngrams._CHUNK
        try:
            ngrams._CHUNK = 5
            chunked = TokenNgrams((1, 2)).fit_transform(docs)
        finally:
            ngrams._CHUNK = original
        assert (whole != chunked).nnz == 0


class TestCharNgrams:
    def test_counts_every_ngram_with_spaces(self) -> None:
        counter = CharNgrams((2, 4), min_df=1)
        rows = _rows(counter, counter.fit_transform(DOCS))
        assert rows == [_char_ngrams(d, 2, 4) for d in DOCS]

    def test_unseen_character_drops_its_ngrams(self) -> None:
        counter = CharNgrams((2, 2), min_df=1)
        counter.fit_transform(["abc"])
        rows = _rows(counter, counter.transform(["abxc", "ab€"]))
        assert rows == [Counter({"ab": 1}), Counter({"ab": 1})]

    def test_pickle_roundtrip(self) -> None:
        counter = CharNgrams((2, 5), min_df=1)
        expected = counter.fit_transform(DOCS)
        loaded = pickle.loads(pickle.dumps(counter))
        assert (loaded.transform(DOCS) != expected).nnz == 0


class TestKeyIndex:
    def test_finds_every_key_and_nothing_else(self) -> None:
        rng = np.random.default_rng(5)
        keys = np.unique(rng.integers(0, 1 << 40, size=5000)).astype(np.int64)
        index = KeyIndex(keys)
        assert np.array_equal(index.lookup(keys), np.arange(len(keys)))
        others = np.setdiff1d(rng.integers(0, 1 << 40, size=5000), keys).astype(np.int64)
        assert (index.lookup(others) == -1).all()

    def test_empty(self) -> None:
        index = KeyIndex(np.zeros(0, dtype=np.int64))
        assert (index.lookup(np.array([1, 2], dtype=np.int64)) == -1).all()


class TestTfidf:
    def test_rows_have_unit_length_and_rare_terms_weigh_more(self) -> None:
        counter = TokenNgrams((1, 1))
        counts = counter.fit_transform([d.split() for d in DOCS])
        weighted = TfidfWeights().fit(counts).transform(counts)
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1))).ravel()
        assert np.allclose(norms[[0, 1, 2, 4]], 1.0)
        assert norms[3] == 0
        names = [counter.feature_name(j) for j in range(counter.n_features)]
        row = weighted[0].toarray().ravel()
        # "phản" occurs in one document, "người" in two: same count, higher weight.
        assert row[names.index("phản")] > row[names.index("người")]
