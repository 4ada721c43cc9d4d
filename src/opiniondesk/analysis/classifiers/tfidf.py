"""TF-IDF weighting of a count matrix: sublinear term frequency, smoothed idf, unit rows."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix

__all__ = ["TfidfWeights"]


class TfidfWeights:
    """Learns idf from training counts; weights any count matrix with the same columns.

    Sublinear tf (1 + log count) keeps a word repeated five times in a long article from
    outweighing five different informative words; rows are scaled to unit length so short
    comments and long articles live on one scale.
    """

    def __init__(self, *, sublinear_tf: bool = True) -> None:
        self.sublinear_tf = sublinear_tf
        self.idf_: npt.NDArray[np.float32] = np.zeros(0, dtype=np.float32)

    def fit(self, counts: csr_matrix) -> TfidfWeights:
        n_docs = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        self.idf_ = (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
        return self

    def transform(self, counts: csr_matrix) -> csr_matrix:
        data = counts.data.astype(np.float32)
        if self.sublinear_tf:
            data = 1.0 + np.log(data)
        data *= self.idf_[counts.indices]
        row_of = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=counts.shape[0]))
        norms[norms == 0] = 1.0
        data /= norms[row_of].astype(np.float32)
        return csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape)
