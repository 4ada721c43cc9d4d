"""A read-only hash table from int64 n-gram keys to feature columns, probed with numpy.

Binary search (`np.searchsorted`) over a vocabulary of 10⁵ keys makes ~17 random memory reads
per n-gram and was the slowest step of prediction; an open-addressing table at most half full
needs one or two. Building and probing are both vectorised: each round handles every key still
waiting, so the number of Python-level rounds is the longest probe sequence, not the key count.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["KeyIndex"]

_EMPTY = np.int64(-1)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing multiplier


class KeyIndex:
    """Maps each of `keys` (distinct, non-negative) to its position in `keys`."""

    def __init__(self, keys: npt.NDArray[np.int64]) -> None:
        self._shift = np.uint64(64 - max(4, (2 * len(keys)).bit_length()))
        size = 1 << (64 - int(self._shift))
        self._mask = np.int64(size - 1)
        self._keys = np.full(size, _EMPTY, dtype=np.int64)
        self._cols = np.zeros(size, dtype=np.int64)
        self.max_probes = 0
        waiting = np.arange(len(keys), dtype=np.int64)
        slot = self._home(keys)
        while len(waiting):
            self.max_probes += 1
            free = self._keys[slot] == _EMPTY
            # Several keys may want the same free slot in one round: the first one takes it.
            candidates = np.flatnonzero(free)
            _, first = np.unique(slot[candidates], return_index=True)
            won = candidates[first]
            self._keys[slot[won]] = keys[waiting[won]]
            self._cols[slot[won]] = waiting[won]
            lost = np.ones(len(waiting), dtype=bool)
            lost[won] = False
            waiting, slot = waiting[lost], (slot[lost] + 1) & self._mask

    def _home(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        hashed = (keys.astype(np.uint64) * _GOLDEN) >> self._shift
        return hashed.astype(np.int64)

    def lookup(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Column of each key, or -1 when the key is not in the index."""
        out = np.full(len(keys), -1, dtype=np.int64)
        waiting = np.arange(len(keys), dtype=np.int64)
        slot = self._home(keys)
        for _ in range(self.max_probes):
            if not len(waiting):
                break
            stored = self._keys[slot]
            found = stored == keys[waiting]
            out[waiting[found]] = self._cols[slot[found]]
            going_on = ~found & (stored != _EMPTY)
            waiting, slot = waiting[going_on], (slot[going_on] + 1) & self._mask
        return out
