"""Near-duplicates: MinHash LSH over syllable shingles; a repost links to the first one seen.

Signatures use datasketch's MinHash with its default SHA-1 based hashing, which is stable across
processes (never Python's hash(): Dask workers and restarts would change it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from opiniondesk.pipeline.base import Batch, Label

NUM_PERM = 64
SHINGLE = 3
MIN_SHINGLES = 4  # very short texts ("Đồng ý") are not near-duplicates of each other

SignatureLoader = Callable[[], Iterable[tuple[str, bytes]]]


_WORD = re.compile(r"\w+")


def shingles(match_text: str) -> list[bytes]:
    # words only: a repost that adds "??" or changes commas must not look like new text
    words = _WORD.findall(match_text)
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(match_text: str) -> MinHash | None:
    grams = shingles(match_text)
    if len(set(grams)) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch(grams)
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return bytes(np.asarray(mh.hashvalues, dtype=np.uint64).tobytes())


def from_bytes(raw: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(raw, dtype=np.uint64).copy())


class NearDuplicateIndex:
    """The originals seen so far, keyed by content hash; warmed once from stored signatures."""

    def __init__(self, threshold: float = 0.6, loader: SignatureLoader | None = None) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._loader = loader
        self._warm = loader is None

    def _ensure_warm(self) -> None:
        if self._warm:
            return
        self._warm = True
        assert self._loader is not None
        for key, raw in self._loader():
            self.add(key, from_bytes(raw))

    def add(self, key: str, mh: MinHash) -> None:
        if key in self._signatures:
            return
        self._signatures[key] = mh
        self._lsh.insert(key, mh, check_duplication=False)

    def find(self, mh: MinHash) -> tuple[str, float] | None:
        """The most similar original at or above the threshold, with its estimated Jaccard."""
        self._ensure_warm()
        best: tuple[str, float] | None = None
        for key in self._lsh.query(mh):
            similarity = float(mh.jaccard(self._signatures[key]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best

    def __len__(self) -> int:
        self._ensure_warm()
        return len(self._signatures)


# Each survey answer is one respondent's own: identical answers are agreement, not reposts.
EXEMPT_CHANNELS = frozenset({"survey"})


class NearDuplicateStage:
    name = "near_duplicates"

    def __init__(self, index: NearDuplicateIndex) -> None:
        self.index = index

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip or item.channel_kind in EXEMPT_CHANNELS:
                continue
            mh = signature(item.match_text)
            if mh is None:
                continue
            item.minhash = to_bytes(mh)
            hit = self.index.find(mh)
            if hit is not None and hit[0] != item.content_hash:
                item.duplicate_of_key = hit[0]
                item.labels.append(
                    Label(
                        "duplicate_of",
                        hit[0],
                        hit[1],
                        "minhash",
                        f"trùng lặp gần đúng (Jaccard ≈ {hit[1]:.2f})",
                    )
                )
            elif hit is None:
                self.index.add(item.content_hash, mh)
        return batch
