"""Bounded memories for the matcher's per-stream caches."""

from __future__ import annotations

from itertools import islice
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def remember(memory: dict[K, V], key: K, value: V, limit: int) -> V:
    """Store `value` under `key`; when `memory` is full, first forget its older half.

    Dicts keep insertion order, so the older half is the first one. Forgetting half at once
    keeps the cost per stored value constant, and unlike clearing everything it keeps what the
    stream named lately, which is what it is most likely to name again.
    """
    if len(memory) >= limit:
        for old in list(islice(memory, len(memory) // 2)):
            del memory[old]
    memory[key] = value
    return value
