"""The text-classifier recipe: Vietnamese n-gram views, a linear SVM, calibrated probabilities.

Measured on real corpora (docs/evaluation.md): the views in `features.py` side by side, a
one-vs-rest linear SVM whose C is chosen by cross-validation on the training data only, and
Platt scaling of its out-of-fold scores so that `score` reads as a probability. By default
training adds a folded copy of every text (no diacritics), so the model keeps its accuracy on
text typed without them; the copies stay in the same cross-validation fold as their original.

Parameters (`params`) mix the feature config (`FeatureConfig`: syllables, words, folded,
chars, min_df, ...) and the model's (`ModelParams`: C, c_grid, class_weight, augment_folded,
seed, ...); `LONG_DOCUMENT_PARAMS` is the preset for long articles.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from opiniondesk.analysis.classifiers.calibration import CalibratedSVM
from opiniondesk.analysis.classifiers.explain import (
    SHOWN_VIEWS,
    TermExplainer,
    format_explanation,
    respell,
)
from opiniondesk.analysis.classifiers.features import FeatureConfig, FeatureSpace
from opiniondesk.analysis.classifiers.params import ModelParams
from opiniondesk.analysis.classifiers.versions import library_versions
from opiniondesk.text.normalize import fold

__all__ = ["ARTEFACT_FORMAT", "Prediction", "TextClassifier"]

ARTEFACT_FORMAT = "opiniondesk.text-classifier/1"


@dataclass(frozen=True, slots=True)
class Prediction:
    """One document's label, its calibrated probability and the terms that weighed most."""

    label: str
    score: float  # calibrated probability of `label`
    explanation: str  # e.g. 'mô hình topic: "sạt_lở" (+0.42), "bờ_sông" (+0.17)'
    top_terms: tuple[tuple[str, float], ...]  # strongest features for the chosen label


class TextClassifier:
    """Fit on labelled texts; predict labels with calibrated scores and their strongest terms.

    `texts` are redacted Vietnamese texts in any case, with or without diacritics; `tokens`
    are the pyvi-segmented words when the caller already has them (the pipeline does). A model
    fitted with tokens segments texts itself when later called without them.
    """

    def __init__(self, *, task: str, params: Mapping[str, object] | None = None) -> None:
        self.task = task
        self.params = ModelParams.from_mapping(params or {})
        self.features = FeatureConfig.from_params(params or {})
        self.classes_: list[str] = []
        self._space: FeatureSpace | None = None
        self._svm: CalibratedSVM | None = None
        self._explainer: TermExplainer | None = None
        self._fit_info: dict[str, object] = {}

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        tokens: Sequence[Sequence[str]] | None = None,
    ) -> TextClassifier:
        texts, labels, tokens = _checked(texts, labels, tokens)
        groups = np.arange(len(texts))
        if self.params.augment_folded:
            texts, labels, tokens = _with_folded_copies(texts, labels, tokens)
            groups = np.concatenate([groups, groups])
        space = FeatureSpace(self.features)
        matrix = space.fit_transform(texts, tokens)
        svm = CalibratedSVM(self.params).fit(matrix, labels, groups)
        self._space, self._svm, self._explainer = space, svm, None
        self.classes_ = list(svm.classes_)
        self._fit_info = {
            "n_train": len(labels) // (2 if self.params.augment_folded else 1),
            "n_features": matrix.shape[1],
            "views": space.views,
            "chosen_C": svm.chosen_c,
            "cv_weighted_f1_by_C": svm.cv_scores,
            "calibrated": svm.calibrated,
        }
        return self

    def predict_proba(
        self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None
    ) -> npt.NDArray[np.float64]:
        """Rows of class probabilities (columns in `classes_` order), each summing to 1."""
        space, svm = self._fitted()
        return svm.predict_proba(space.transform(texts, tokens))

    def predict(
        self, texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None
    ) -> list[Prediction]:
        space, svm = self._fitted()
        matrix = space.transform(texts, tokens)
        proba = svm.predict_proba(matrix)
        chosen = proba.argmax(axis=1)
        found = self._term_explainer().top_terms(matrix, chosen)
        terms = [respell(t, text) for t, text in zip(found, texts, strict=True)]
        return [
            Prediction(
                label=self.classes_[k],
                score=float(proba[i, k]),
                explanation=format_explanation(self.task, terms[i]),
                top_terms=terms[i],
            )
            for i, k in enumerate(chosen.tolist())
        ]

    def dumps(self) -> bytes:
        """The fitted model as bytes (a pickle: load only artefacts this desk wrote)."""
        self._fitted()
        state = {
            "format": ARTEFACT_FORMAT,
            "task": self.task,
            "params": self.params.as_dict(),
            "features": self.features.as_dict(),
            "classes": self.classes_,
            "space": self._space,
            "svm": self._svm,
            "fit_info": self._fit_info,
            "versions": library_versions(),
        }
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes) -> TextClassifier:
        state = _RestrictedUnpickler(io.BytesIO(data)).load()
        if not isinstance(state, dict) or state.get("format") != ARTEFACT_FORMAT:
            raise ValueError(
                "not a text-classifier artefact / không phải tệp mô hình phân loại văn bản"
            )
        clf = cls(task=str(state["task"]), params={**state["params"], **state["features"]})
        clf.classes_ = list(state["classes"])
        clf._space, clf._svm = state["space"], state["svm"]
        clf._fit_info = dict(state["fit_info"])
        return clf

    @property
    def metadata(self) -> dict[str, object]:
        """Parameters, feature configuration, fit figures and library versions."""
        return {
            "format": ARTEFACT_FORMAT,
            "task": self.task,
            "classes": list(self.classes_),
            "params": self.params.as_dict(),
            "features": self.features.as_dict(),
            "fit": dict(self._fit_info),
            "versions": library_versions(),
        }

    def _fitted(self) -> tuple[FeatureSpace, CalibratedSVM]:
        if self._space is None or self._svm is None:
            raise RuntimeError("the classifier is not fitted / mô hình chưa được huấn luyện")
        return self._space, self._svm

    def _term_explainer(self) -> TermExplainer:
        space, svm = self._fitted()
        if self._explainer is None:
            self._explainer = TermExplainer(
                svm.class_weights(),
                space.view_mask(SHOWN_VIEWS),
                space.term,
                self.params.n_terms,
            )
        return self._explainer


def _checked(
    texts: Sequence[str], labels: Sequence[str], tokens: Sequence[Sequence[str]] | None
) -> tuple[list[str], list[str], list[list[str]] | None]:
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels / số nhãn không khớp")
    if tokens is not None and len(tokens) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(tokens)} token lists")
    if len(set(labels)) < 2:
        raise ValueError(
            "training needs at least two different labels / cần ít nhất hai nhãn khác nhau"
        )
    token_lists = [list(t) for t in tokens] if tokens is not None else None
    return list(texts), [str(label) for label in labels], token_lists


def _with_folded_copies(
    texts: list[str], labels: list[str], tokens: list[list[str]] | None
) -> tuple[list[str], list[str], list[list[str]] | None]:
    folded_tokens = [[fold(w) for w in ws] for ws in tokens] if tokens is not None else None
    return (
        texts + [fold(t) for t in texts],
        labels + labels,
        tokens + folded_tokens if tokens is not None and folded_tokens is not None else None,
    )


class _RestrictedUnpickler(pickle.Unpickler):
    """Loads only what `dumps` writes: this package's classes, plain containers and numpy
    arrays. Any other global (os.system, builtins.eval, ...) is refused before it can run."""

    _PACKAGE = "opiniondesk.analysis.classifiers."
    _OURS = frozenset({"ngrams", "features", "calibration", "params", "tfidf", "keyindex"})
    _NUMPY = frozenset(
        {
            ("numpy", "dtype"),
            ("numpy", "ndarray"),
            ("numpy._core.numeric", "_frombuffer"),
            ("numpy.core.numeric", "_frombuffer"),
            ("numpy._core.multiarray", "_reconstruct"),
            ("numpy.core.multiarray", "_reconstruct"),
            ("numpy._core.multiarray", "scalar"),
            ("numpy.core.multiarray", "scalar"),
        }
    )
    _BUILTINS = frozenset({"dict", "list", "tuple", "set", "frozenset"})

    def find_class(self, module: str, name: str) -> Any:
        ours = module.startswith(self._PACKAGE) and module[len(self._PACKAGE) :] in self._OURS
        if (
            ours
            or (module, name) in self._NUMPY
            or (module == "builtins" and name in self._BUILTINS)
        ):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"artefact refers to {module}.{name}, which is not allowed")
