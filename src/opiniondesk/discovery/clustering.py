"""Vectorise → reduce → cluster: groups of documents that talk about the same thing.

* vectorise: counts of folded syllable 1–2-grams (`terms.py`), then sublinear TF-IDF;
* reduce: TruncatedSVD (latent semantic analysis) to at most `components` dimensions, rows
  L2-normalised so Euclidean distance ranks like cosine;
* cluster: KMeans with k chosen by the silhouette coefficient, or HDBSCAN (scikit-learn ≥ 1.3),
  which also leaves documents that belong nowhere unclustered.

Clusters smaller than `min_cluster_size` are dissolved: a group that small is not an issue yet,
and it would come too close to describing individual people. Clusters are numbered by size.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import HDBSCAN, KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from opiniondesk.discovery.terms import folded_ngrams
from opiniondesk.errors import InputError

# scipy ships no type stubs; the documents × terms count matrix is a scipy CSR matrix
CountMatrix = Any

METHODS = ("kmeans", "hdbscan")
UNCLUSTERED = -1
_SILHOUETTE_SAMPLE = 2000  # silhouette on a fixed-seed sample: O(n²) on all documents


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Everything that decides a clustering; stored with each run so it can be repeated."""

    method: str = "kmeans"
    min_cluster_size: int = 5
    max_clusters: int = 20
    components: int = 100
    min_df: int = 2
    max_df: float = 0.5
    # KMeans puts every document somewhere; members this far from their centroid are noise.
    min_similarity: float = 0.3
    seed: int = 0
    # HDBSCAN's cost grows faster than the documents in 100 dimensions (docs/evaluation.md:
    # 10 s for 10,000, 90 s for 20,000 on 2 cores): a larger window clusters its newest ones.
    max_documents: int = 10_000

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise InputError(
                f"Phương pháp phân cụm không hỗ trợ: {self.method!r}; dùng {', '.join(METHODS)}. "
                f"/ Unknown clustering method {self.method!r}; use one of {', '.join(METHODS)}."
            )
        if self.min_cluster_size < 2 or self.max_clusters < 2 or self.max_documents < 10:
            raise InputError(
                "Cỡ cụm nhỏ nhất và số cụm tối đa phải ≥ 2, số văn bản tối đa ≥ 10. / "
                "min_cluster_size and max_clusters must be at least 2, max_documents 10."
            )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Clustering:
    """The outcome: a label per document (UNCLUSTERED or 0 = largest cluster, 1, ...)."""

    labels: NDArray[np.int64]
    similarity: NDArray[np.float64]  # cosine of each document to its cluster's centroid
    counts: CountMatrix  # documents × terms, raw counts (for c-TF-IDF)
    vocabulary: list[str]
    silhouette: float | None = None
    k_tried: list[int] = field(default_factory=list)

    @property
    def n_clusters(self) -> int:
        return int(self.labels.max()) + 1 if self.labels.size and self.labels.max() >= 0 else 0

    def members(self, cluster: int) -> NDArray[np.int64]:
        return np.flatnonzero(self.labels == cluster)


def cluster_texts(texts: list[str], params: ClusterParams) -> Clustering:
    """Cluster `texts`; every document gets a label, most of them a cluster if any exists."""
    n = len(texts)
    empty = Clustering(np.full(n, UNCLUSTERED, dtype=np.int64), np.zeros(n), np.zeros((n, 0)), [])
    if n < 2 * params.min_cluster_size:
        return empty
    counter = CountVectorizer(
        analyzer=_terms,
        min_df=params.min_df,
        max_df=params.max_df,
    )
    try:
        counts = counter.fit_transform(texts)
    except ValueError:  # every term pruned by min_df/max_df: nothing in common to cluster on
        return empty
    vocabulary = [str(t) for t in counter.get_feature_names_out()]
    # One BLAS/OpenMP thread: on a 2-core machine shared with the web app and jobs, threaded
    # SVD and KMeans spun against each other and ran 5–10x slower (bench/claims.py).
    with threadpool_limits(limits=1):
        embedding = _reduce(counts, params)
        if params.method == "hdbscan":
            hdbscan = HDBSCAN(min_cluster_size=params.min_cluster_size, copy=True)
            raw = hdbscan.fit_predict(embedding)
            silhouette, tried = None, list[int]()
        else:
            raw, silhouette, tried = _kmeans(embedding, params)
        labels, similarity = _finish(embedding, np.asarray(raw, dtype=np.int64), params)
    return Clustering(labels, similarity, counts, vocabulary, silhouette, tried)


def _terms(text: str) -> list[str]:
    return folded_ngrams(text, digits=False)


def _reduce(counts: CountMatrix, params: ClusterParams) -> NDArray[np.float64]:
    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    dims = min(params.components, tfidf.shape[0] - 1, tfidf.shape[1] - 1)
    if dims < 2:
        return np.asarray(normalize(tfidf).toarray(), dtype=np.float64)
    svd = TruncatedSVD(n_components=dims, random_state=params.seed)
    return np.asarray(normalize(svd.fit_transform(tfidf)), dtype=np.float64)


def _kmeans(
    embedding: NDArray[np.float64], params: ClusterParams
) -> tuple[NDArray[np.int64], float | None, list[int]]:
    n = embedding.shape[0]
    top = min(params.max_clusters, n // params.min_cluster_size, n - 1)
    best: tuple[float, NDArray[np.int64]] | None = None
    tried: list[int] = []
    for k in range(2, top + 1):
        labels = KMeans(n_clusters=k, n_init=3, random_state=params.seed).fit_predict(embedding)
        if len(set(labels.tolist())) < 2:
            continue
        tried.append(k)
        score = float(
            silhouette_score(
                embedding,
                labels,
                sample_size=min(n, _SILHOUETTE_SAMPLE),
                random_state=params.seed,
            )
        )
        if best is None or score > best[0]:
            best = (score, np.asarray(labels, dtype=np.int64))
    if best is None:
        return np.full(n, UNCLUSTERED, dtype=np.int64), None, tried
    return best[1], best[0], tried


def _finish(
    embedding: NDArray[np.float64], raw: NDArray[np.int64], params: ClusterParams
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Drop far members and small clusters, renumber by size, similarity to own centroid."""
    labels = raw.copy()
    similarity = np.zeros(len(labels))
    for _ in range(2):  # dropping far members moves the centroid a little: settle once more
        for cluster in sorted(set(labels.tolist()) - {UNCLUSTERED}):
            idx = np.flatnonzero(labels == cluster)
            centroid = normalize(embedding[idx].mean(axis=0, keepdims=True))[0]
            similarity[idx] = embedding[idx] @ centroid
            if params.method == "kmeans":
                labels[idx[similarity[idx] < params.min_similarity]] = UNCLUSTERED
        sizes = {c: int((labels == c).sum()) for c in set(labels.tolist()) - {UNCLUSTERED}}
        for cluster, size in sizes.items():
            if size < params.min_cluster_size:
                labels[labels == cluster] = UNCLUSTERED
    order = sorted(
        set(labels.tolist()) - {UNCLUSTERED},
        key=lambda c: (-int((labels == c).sum()), int(np.flatnonzero(labels == c)[0])),
    )
    renumbered = np.full(len(labels), UNCLUSTERED, dtype=np.int64)
    for new, old in enumerate(order):
        renumbered[labels == old] = new
    similarity[renumbered == UNCLUSTERED] = 0.0
    return renumbered, similarity
