"""TextClassifier behaviour on a small synthetic Vietnamese dataset."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from opiniondesk.analysis.classifiers import Prediction, TextClassifier
from opiniondesk.text.normalize import fold
from opiniondesk.text.segment import segment_many
from tests.analysis.classifiers.synthetic import make_dataset

# Fixed C: these tests are about behaviour, not tuning (and stay fast).
PARAMS = {"C": 0.5}
HELD_OUT = [
    ("Người dân phản ánh ổ gà trên quốc lộ rất nguy hiểm", "giao_thong"),
    ("Nước sông bị ô nhiễm vì nước thải của nhà máy", "moi_truong"),
    ("Trạm y tế xã thiếu thuốc cho trẻ em", "y_te"),
    ("Kẹt xe giờ cao điểm ở cầu tạm", "giao_thong"),
    ("Bãi rác bốc mùi hôi, rác thải đổ bừa bãi", "moi_truong"),
    ("Bệnh viện huyện quá tải, bác sĩ làm việc vất vả", "y_te"),
]


@pytest.fixture(scope="module")
def data() -> tuple[list[str], list[str]]:
    return make_dataset()


@pytest.fixture(scope="module")
def model(data: tuple[list[str], list[str]]) -> TextClassifier:
    texts, labels = data
    return TextClassifier(task="topic", params=PARAMS).fit(texts, labels)


class TestFitPredict:
    def test_classes_are_the_training_labels(
        self, model: TextClassifier, data: tuple[list[str], list[str]]
    ) -> None:
        assert model.classes_ == sorted(set(data[1]))

    def test_predicts_held_out_sentences(self, model: TextClassifier) -> None:
        predictions = model.predict([t for t, _ in HELD_OUT])
        assert all(isinstance(p, Prediction) for p in predictions)
        assert [p.label for p in predictions] == [label for _, label in HELD_OUT]

    def test_predicts_text_without_diacritics(self, model: TextClassifier) -> None:
        predictions = model.predict([fold(t) for t, _ in HELD_OUT])
        assert [p.label for p in predictions] == [label for _, label in HELD_OUT]

    def test_score_is_probability_of_the_label(self, model: TextClassifier) -> None:
        texts = [t for t, _ in HELD_OUT]
        proba = model.predict_proba(texts)
        for row, prediction in zip(proba, model.predict(texts), strict=True):
            k = model.classes_.index(prediction.label)
            assert prediction.score == pytest.approx(row[k])
            assert row[k] == row.max()

    def test_empty_batch(self, model: TextClassifier) -> None:
        assert model.predict([]) == []
        assert model.predict_proba([]).shape == (0, 3)


class TestProbabilities:
    def test_rows_sum_to_one(self, model: TextClassifier) -> None:
        proba = model.predict_proba([t for t, _ in HELD_OUT] + ["", "xin chào"])
        assert proba.shape == (len(HELD_OUT) + 2, 3)
        assert np.allclose(proba.sum(axis=1), 1.0)
        assert ((proba >= 0) & (proba <= 1)).all()

    def test_calibrated_scores_are_not_saturated(self, model: TextClassifier) -> None:
        # Platt's smoothed targets keep a separable toy set from claiming certainty.
        assert model.predict_proba([HELD_OUT[0][0]]).max() < 0.999


class TestExplanations:
    def test_top_terms_are_words_of_the_text(self, model: TextClassifier) -> None:
        for text, _ in HELD_OUT:
            prediction = model.predict([text])[0]
            assert prediction.top_terms
            for term, weight in prediction.top_terms:
                assert weight > 0
                assert fold(term.replace("_", " ")) in fold(text)

    def test_explanation_names_task_and_terms(self, model: TextClassifier) -> None:
        prediction = model.predict([HELD_OUT[2][0]])[0]
        assert prediction.explanation.startswith("mô hình topic: ")
        assert f'"{prediction.top_terms[0][0]}"' in prediction.explanation

    def test_strongest_terms_first(self, model: TextClassifier) -> None:
        weights = [w for _, w in model.predict([HELD_OUT[1][0]])[0].top_terms]
        assert weights == sorted(weights, reverse=True)

    def test_same_text_same_explanation_whatever_came_before(self, model: TextClassifier) -> None:
        folded = fold(HELD_OUT[1][0])
        fresh = TextClassifier.loads(model.dumps()).predict([folded])
        model.predict([t for t, _ in HELD_OUT])
        assert model.predict([folded]) == fresh
        # Shown as the text spells it: folded input, folded terms.
        assert all(term == fold(term) for term, _ in fresh[0].top_terms)

    def test_text_without_known_terms(self, model: TextClassifier) -> None:
        prediction = model.predict(["zzz qqq"])[0]
        assert prediction.top_terms == ()
        assert "no distinctive terms" in prediction.explanation


class TestArtefact:
    def test_roundtrip_gives_identical_predictions(self, model: TextClassifier) -> None:
        texts = [t for t, _ in HELD_OUT] + [fold(t) for t, _ in HELD_OUT]
        loaded = TextClassifier.loads(model.dumps())
        assert loaded.classes_ == model.classes_
        assert loaded.predict(texts) == model.predict(texts)
        assert np.array_equal(loaded.predict_proba(texts), model.predict_proba(texts))

    def test_metadata(self, model: TextClassifier) -> None:
        meta = model.metadata
        assert meta["task"] == "topic"
        assert meta["classes"] == model.classes_
        versions = meta["versions"]
        assert isinstance(versions, dict)
        assert {"scikit-learn", "numpy", "scipy", "pyvi"} <= set(versions)
        assert isinstance(meta["params"], dict) and meta["params"]["C"] == 0.5
        assert isinstance(meta["features"], dict) and meta["features"]["chars"] == (3, 5)

    def test_loads_refuses_other_bytes(self) -> None:
        with pytest.raises(ValueError):
            TextClassifier.loads(pickle.dumps({"format": "something else"}))

    def test_loads_refuses_foreign_classes(self) -> None:
        # A pickle that would call os.system must not be executed.
        payload = b"cos\nsystem\n(S'echo pwned'\ntR."
        with pytest.raises(pickle.UnpicklingError):
            TextClassifier.loads(payload)


class TestDeterminism:
    def test_same_data_same_model(self, data: tuple[list[str], list[str]]) -> None:
        texts, labels = data
        probe = [t for t, _ in HELD_OUT]
        first = TextClassifier(task="topic", params={"seed": 3}).fit(texts, labels)
        second = TextClassifier(task="topic", params={"seed": 3}).fit(texts, labels)
        assert first.metadata["fit"] == second.metadata["fit"]
        assert np.array_equal(first.predict_proba(probe), second.predict_proba(probe))


class TestTokens:
    def test_words_view_with_caller_tokens(self, data: tuple[list[str], list[str]]) -> None:
        texts, labels = data
        model = TextClassifier(task="topic", params=PARAMS).fit(texts, labels, segment_many(texts))
        assert "words" in model.metadata["fit"]["views"]  # type: ignore[index]
        probe = [t for t, _ in HELD_OUT]
        with_tokens = model.predict(probe, segment_many(probe))
        # Without tokens the model segments the texts itself: same answer.
        assert model.predict(probe) == with_tokens
        assert any("_" in term for p in with_tokens for term, _ in p.top_terms)

    def test_token_count_must_match(self, model: TextClassifier) -> None:
        trained = TextClassifier(task="topic", params=PARAMS)
        with pytest.raises(ValueError):
            trained.fit(["a b", "c d"], ["x", "y"], [["a"]])


class TestBadInput:
    def test_needs_two_labels(self) -> None:
        with pytest.raises(ValueError, match="two"):
            TextClassifier(task="t").fit(["một", "hai"], ["a", "a"])

    def test_lengths_must_match(self) -> None:
        with pytest.raises(ValueError):
            TextClassifier(task="t").fit(["một", "hai"], ["a"])

    def test_unfitted(self) -> None:
        with pytest.raises(RuntimeError):
            TextClassifier(task="t").predict(["một"])

    def test_bad_c(self) -> None:
        with pytest.raises(ValueError):
            TextClassifier(task="t", params={"C": -1})


class TestSmallData:
    def test_two_classes_one_example_each(self) -> None:
        # Too few to cross-validate: C from the middle of the grid, softmax scores.
        texts = ["thầy giảng bài hay", "phòng học nóng"]
        labels = ["lecturer", "facility"]
        model = TextClassifier(task="topic").fit(texts, labels)
        proba = model.predict_proba(["thầy dạy hay", "phòng nóng quá"])
        assert np.allclose(proba.sum(axis=1), 1.0)
        assert [p.label for p in model.predict(["thầy dạy hay", "phòng nóng quá"])] == [
            "lecturer",
            "facility",
        ]
        assert model.metadata["fit"]["calibrated"] is False  # type: ignore[index]
