"""A one-vs-rest linear SVM with C chosen by cross-validation and Platt-calibrated scores.

The out-of-fold decision scores computed to choose C are reused to fit the calibration, so
tuning and calibration cost one set of cross-validation fits. Only plain arrays are kept
after fitting (weights, intercepts, two numbers per class), which keeps the artefact small.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.svm import LinearSVC

from opiniondesk.analysis.classifiers.params import ModelParams

__all__ = ["CalibratedSVM"]

log = logging.getLogger(__name__)
FloatArray = npt.NDArray[np.float64]


class CalibratedSVM:
    """Fit on a feature matrix and string labels; predict calibrated class probabilities."""

    def __init__(self, params: ModelParams) -> None:
        self.params = params
        self.classes_: list[str] = []
        self.chosen_c = 0.0
        self.cv_scores: dict[str, float] = {}
        self.calibrated = False
        self._coef: npt.NDArray[np.float32] = np.zeros((0, 0), dtype=np.float32)
        self._intercept: FloatArray = np.zeros(0)
        self._platt: FloatArray = np.zeros((0, 2))  # per score column: slope, offset

    def fit(
        self,
        matrix: csr_matrix,
        labels: Sequence[str],
        groups: npt.NDArray[np.int64] | None = None,
    ) -> CalibratedSVM:
        """`groups` keeps rows derived from one text (e.g. its folded copy) in one fold, so
        cross-validation never scores a text the model saw in another spelling."""
        y = np.asarray(labels)
        self.classes_ = sorted(set(labels))
        groups = np.arange(len(y)) if groups is None else np.asarray(groups)
        folds = self._folds(y)
        grid = self._grid()
        oof: dict[float, FloatArray] = {}
        if folds is not None:
            for c in grid:
                oof[c] = self._out_of_fold(matrix, y, groups, c, folds)
                predicted = self._labels_of(oof[c])
                self.cv_scores[str(c)] = float(f1_score(y, predicted, average="weighted"))
            # Highest cross-validated weighted F1; on a tie the smaller C (stronger prior).
            self.chosen_c = max(grid, key=lambda c: (self.cv_scores[str(c)], -c))
        else:
            self.chosen_c = grid[len(grid) // 2]
        svm = self._svm(self.chosen_c).fit(matrix, y)
        self._coef = np.asarray(svm.coef_, dtype=np.float32)
        self._intercept = np.asarray(svm.intercept_, dtype=np.float64)
        if folds is not None:
            self._platt = _fit_platt(oof[self.chosen_c], y, self.classes_)
            self.calibrated = True
        log.info("svm C=%s cv=%s calibrated=%s", self.chosen_c, self.cv_scores, self.calibrated)
        return self

    def decision(self, matrix: csr_matrix) -> FloatArray:
        scores = matrix @ self._coef.T
        return np.asarray(scores, dtype=np.float64) + self._intercept

    def predict_proba(self, matrix: csr_matrix) -> FloatArray:
        return self._proba(self.decision(matrix))

    def class_weights(self) -> npt.NDArray[np.float32]:
        """(n_classes, n_features) weights: how much each feature pushes towards each class."""
        if len(self.classes_) == 2:
            return np.vstack([-self._coef[0], self._coef[0]])
        return self._coef

    def _proba(self, scores: FloatArray) -> FloatArray:
        if not self.calibrated:
            # Too few examples per class to calibrate: a softmax of the raw scores.
            columns = _columns(scores, len(self.classes_))
            shifted = np.exp(columns - columns.max(axis=1, keepdims=True))
            return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))
        p = 1.0 / (1.0 + np.exp(-(scores * self._platt[:, 0] + self._platt[:, 1])))
        if len(self.classes_) == 2:
            return np.column_stack([1.0 - p[:, 0], p[:, 0]])
        total = p.sum(axis=1, keepdims=True)
        total[total == 0] = 1.0
        return np.asarray(p / total)

    def _labels_of(self, scores: FloatArray) -> npt.NDArray[np.str_]:
        columns = _columns(scores, len(self.classes_))
        names: npt.NDArray[np.str_] = np.asarray(self.classes_)
        chosen: npt.NDArray[np.str_] = names[columns.argmax(axis=1)]
        return chosen

    def _svm(self, c: float) -> LinearSVC:
        return LinearSVC(
            C=c, class_weight=self.params.class_weight, random_state=self.params.seed, dual=True
        )

    def _grid(self) -> tuple[float, ...]:
        if self.params.C == "auto":
            return tuple(sorted(self.params.c_grid))
        return (float(self.params.C),)

    def _folds(self, y: npt.NDArray[np.str_]) -> StratifiedGroupKFold | None:
        smallest = min(Counter(y.tolist()).values())
        # Copies share a group, so a class of n rows may hold only n / copies groups.
        k = min(self.params.tuning_folds, smallest // (2 if self.params.augment_folded else 1))
        if k < 2:
            return None
        return StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=self.params.seed)

    def _out_of_fold(
        self,
        matrix: csr_matrix,
        y: npt.NDArray[np.str_],
        groups: npt.NDArray[np.int64],
        c: float,
        folds: StratifiedGroupKFold,
    ) -> FloatArray:
        width = 1 if len(self.classes_) == 2 else len(self.classes_)
        out = np.zeros((len(y), width))
        for train, test in folds.split(np.zeros(len(y)), y, groups):
            svm = self._svm(c).fit(matrix[train], y[train])
            out[test] = np.asarray(svm.decision_function(matrix[test])).reshape(len(test), -1)
        return out


def _columns(scores: FloatArray, n_classes: int) -> FloatArray:
    """One score column per class (a binary SVM has one signed score)."""
    if n_classes == 2:
        return np.column_stack([-scores[:, 0], scores[:, 0]])
    return scores


def _fit_platt(scores: FloatArray, y: npt.NDArray[np.str_], classes: list[str]) -> FloatArray:
    """Slope and offset of a logistic curve per score column (Platt scaling).

    Platt's smoothed targets, (N₊+1)/(N₊+2) and 1/(N₋+2) instead of 1 and 0, keep a small,
    perfectly separated training set from producing probabilities of 0.99999.
    """
    targets = [classes[1]] if len(classes) == 2 else classes
    out = np.zeros((len(targets), 2))
    for j, label in enumerate(targets):
        positive = y == label
        n_pos, n_neg = int(positive.sum()), int((~positive).sum())
        target = np.where(positive, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
        # A soft target t is a sample labelled 1 with weight t plus one labelled 0 with 1 - t.
        column = np.concatenate([scores[:, j], scores[:, j]]).reshape(-1, 1)
        hard = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
        weight = np.concatenate([target, 1 - target])
        lr = LogisticRegression(C=1e4, max_iter=1000)
        lr.fit(column, hard, sample_weight=weight)
        out[j] = (float(lr.coef_[0, 0]), float(lr.intercept_[0]))
    return out
