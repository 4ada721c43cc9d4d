"""Near-duplicates: MinHash signatures over word 3-gram shingles and an LSH band index; a
repost links to the first document seen. Runs after the place stage (see `find`).

Signatures are computed for a whole batch at once with numpy (one matrix of universal hashes and
a `minimum.reduceat` per batch): datasketch's per-document MinHash and LSH calls cost more than
word segmentation itself, which would halve the pipeline's throughput. The hashing is stable
across processes (CRC-32 of the shingle, fixed seeds) — never Python's hash(), which Dask
workers and restarts would change.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt

from opiniondesk.pipeline.base import Batch, Label

NUM_PERM = 64
BANDS, ROWS = 16, 4  # P(candidate) ≈ 0.89 at Jaccard 0.6, 0.98 at 0.7, 0.12 at 0.3
SHINGLE = 3
BUCKET_CAP = 64  # originals kept per LSH bucket (see NearDuplicateIndex.add)
MIN_SHINGLES = 4  # very short texts ("Đồng ý") are not near-duplicates of each other
_SHIFT = np.uint64(32)
_rng = np.random.RandomState(20250701)  # fixed: signatures must match across processes
_A = (_rng.randint(1, 1 << 63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1))[:, None]
_B = _rng.randint(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)[:, None]
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.uint32]
SignatureLoader = Callable[[], Iterable[tuple[str, bytes, str]]]
# Each survey answer is one respondent's own: identical answers are agreement, not reposts.
EXEMPT_CHANNELS = frozenset({"survey"})


def shingle_hashes(match_text: str) -> list[int]:
    # words only: a repost that adds "??" or changes commas must not look like new text
    words = _WORD.findall(match_text)
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return [zlib.crc32(g.encode()) for g in grams]


def signatures(texts: Sequence[str]) -> list[Signature | None]:
    """MinHash signatures of many texts in one vectorised pass; None for too-short texts."""
    hashed = [shingle_hashes(t) for t in texts]
    keep = [i for i, h in enumerate(hashed) if len(h) >= MIN_SHINGLES]
    out: list[Signature | None] = [None] * len(texts)
    if not keep:
        return out
    flat = np.fromiter((h for i in keep for h in hashed[i]), dtype=np.uint64)
    starts = np.cumsum([0] + [len(hashed[i]) for i in keep[:-1]])
    with np.errstate(over="ignore"):
        # multiply-shift universal hashing: no modulo, so a batch costs a few milliseconds
        permuted = (_A * flat[None, :] + _B) >> _SHIFT
    mins = np.minimum.reduceat(permuted, starts, axis=1).astype(np.uint32)
    for column, index in enumerate(keep):
        out[index] = np.ascontiguousarray(mins[:, column])
    return out


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(raw: bytes) -> Signature:
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


class NearDuplicateIndex:
    """The originals seen so far, keyed by content hash; warmed once from stored signatures."""

    def __init__(self, threshold: float = 0.6, loader: SignatureLoader | None = None) -> None:
        self.threshold = threshold
        self._bands: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
        self._signatures: dict[str, Signature] = {}
        self._places: dict[str, str] = {}
        self._loader = loader
        self._warm = loader is None

    def _ensure_warm(self) -> None:
        if self._warm:
            return
        self._warm = True
        assert self._loader is not None
        for key, raw, place in self._loader():
            if len(raw) == NUM_PERM * 4:  # ignore signatures of another scheme
                self.add(key, from_bytes(raw), place)

    def add(self, key: str, sig: Signature, place: str = "") -> None:
        self._ensure_warm()
        if key in self._signatures:
            return
        self._signatures[key] = sig
        self._places[key] = place
        for band, table in zip(_band_keys(sig), self._bands, strict=True):
            bucket = table.setdefault(band, [])
            # A bucket full of near-identical texts already holds enough originals to catch
            # the next copy; without a cap, templated reports make every lookup linear.
            if len(bucket) < BUCKET_CAP:
                bucket.append(key)

    def find(self, sig: Signature, place: str = "") -> tuple[str, float] | None:
        """The most similar original at or above the threshold, with its estimated Jaccard.

        Texts about two different communes are never duplicates of each other: field reports
        are often copied between communes with only the place changed, and each place counts.
        """
        self._ensure_warm()
        candidates: set[str] = set()
        for band, table in zip(_band_keys(sig), self._bands, strict=True):
            candidates.update(table.get(band, ()))
        keys = [
            k for k in candidates if not (place and self._places[k] and self._places[k] != place)
        ]
        if not keys:
            return None
        # all candidates compared in one vectorised step
        similarities = (np.stack([self._signatures[k] for k in keys]) == sig).mean(axis=1)
        best: tuple[str, float] | None = None
        for key, similarity in zip(keys, similarities.tolist(), strict=True):
            if similarity >= self.threshold and (
                best is None or similarity > best[1] or (similarity == best[1] and key < best[0])
            ):
                best = (key, similarity)
        return best

    def __len__(self) -> int:
        self._ensure_warm()
        return len(self._signatures)


def _band_keys(sig: Signature) -> list[bytes]:
    raw = sig.tobytes()
    width = ROWS * 4
    return [raw[i * width : (i + 1) * width] for i in range(BANDS)]


class NearDuplicateStage:
    name = "near_duplicates"

    def __init__(self, index: NearDuplicateIndex) -> None:
        self.index = index

    def process(self, batch: Batch) -> Batch:
        live = [i for i in batch if not i.skip and i.channel_kind not in EXEMPT_CHANNELS]
        for item, sig in zip(live, signatures([i.match_text for i in live]), strict=True):
            if sig is None:
                continue
            item.minhash = to_bytes(sig)
            place = item.commune_code or item.province_code
            hit = self.index.find(sig, place)
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
                self.index.add(item.content_hash, sig, place)
        return batch
