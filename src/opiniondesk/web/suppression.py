"""Small-group suppression for every breakdown the dashboard shows or exports.

The rule (Principle 1 of DESIGN.md: opinions are counted, never traced to people):

1. **Primary suppression.** A cell whose count is below `min_group_size` (k) is never shown:
   it reads "<k" on screen and `null` with `"suppressed": true` in JSON. Zero counts are treated
   the same way, so a reader cannot tell "nobody" from "a few people". Hidden cells never take
   part in rankings ("top" lists show only visible cells).
2. **Complementary suppression.** A breakdown is shown next to its exact total (the documents
   in the period), so `total − Σ visible cells` is known to the reader. For every breakdown we
   therefore run an interval audit: assuming the reader knows this rule, each "<k" cell lies in
   [0, k−1] and each complementary cell in [k, smallest visible cell]. If the known difference
   pins any "<k" cell to a single non-zero value, the smallest visible cell is hidden too
   (shown as "hidden", reason `complementary`) and the audit runs again.
3. **Pinned totals.** If even hiding every cell leaves a cell pinned (say two channels with
   exactly k−1 each), the breakdown reports `total_pinned`; the dashboard then withholds the
   headline total as well.
4. **Totals below k.** When the total itself is below k, every cell is hidden and the total
   reads "<k".

Breakdowns whose cells do not add up to a shown total (topic share: a document can carry
several topics) need only rule 1. Differences between separate breakdowns of different
filters (e.g. one province's figure vs. the whole country) are not audited here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

K = TypeVar("K")


class Hidden(StrEnum):
    small = "small"  # below the minimum group size
    complementary = "complementary"  # hidden so that a small cell cannot be recovered


@dataclass(frozen=True, slots=True)
class Cell(Generic[K]):
    key: K
    count: int | None  # None when hidden: the exact number never leaves this module
    hidden: Hidden | None = None

    @property
    def visible(self) -> bool:
        return self.hidden is None


@dataclass(frozen=True, slots=True)
class Breakdown(Generic[K]):
    """Cells of one breakdown in their original order, plus whether its total is still safe."""

    cells: list[Cell[K]]
    total_pinned: bool = False

    def visible_ranked(self) -> list[Cell[K]]:
        """Visible cells only, largest first (ties keep their original order)."""
        shown = [cell for cell in self.cells if cell.count is not None]
        return sorted(shown, key=lambda cell: -(cell.count or 0))


def suppress_small(counts: Mapping[K, int], min_group_size: int) -> Breakdown[K]:
    """Rule 1 only, for breakdowns that are not summed to a displayed total."""
    return Breakdown(
        [
            Cell(key, count) if count >= min_group_size else Cell(key, None, Hidden.small)
            for key, count in counts.items()
        ]
    )


def protect_breakdown(counts: Mapping[K, int], min_group_size: int) -> Breakdown[K]:
    """Rules 1–4 for a breakdown whose cells add up to a total shown next to it.

    `counts` must list every category the reader knows exists (zero-filled), e.g. all days of
    the period, all channel kinds, all provinces.
    """
    k = min_group_size
    total = sum(counts.values())
    if total < k:
        return Breakdown([Cell(key, None, Hidden.small) for key in counts])
    hidden: dict[K, Hidden] = {key: Hidden.small for key, count in counts.items() if count < k}
    if not hidden:
        return Breakdown([Cell(key, count) for key, count in counts.items()])
    while _pins_a_small_cell(counts, hidden, k):
        visible = [key for key in counts if key not in hidden]
        if not visible:
            return Breakdown([Cell(key, None, hidden[key]) for key in counts], total_pinned=True)
        smallest = min(visible, key=lambda key: counts[key])
        hidden[smallest] = Hidden.complementary
    return Breakdown(
        [
            Cell(key, None, hidden[key]) if key in hidden else Cell(key, count)
            for key, count in counts.items()
        ]
    )


def _pins_a_small_cell(counts: Mapping[K, int], hidden: Mapping[K, Hidden], k: int) -> bool:
    """True if the reader can derive the exact non-zero value of a "<k" cell by subtraction."""
    visible_counts = [count for key, count in counts.items() if key not in hidden]
    hidden_sum = sum(counts.values()) - sum(visible_counts)
    ceiling = min(visible_counts) if visible_counts else hidden_sum
    bounds = {
        key: (0, k - 1) if reason is Hidden.small else (k, max(k, ceiling))
        for key, reason in hidden.items()
    }
    low_sum = sum(low for low, _ in bounds.values())
    high_sum = sum(high for _, high in bounds.values())
    for key, reason in hidden.items():
        if reason is not Hidden.small:
            continue
        low, high = bounds[key]
        least = max(low, hidden_sum - (high_sum - high))
        most = min(high, hidden_sum - (low_sum - low))
        if least == most and least > 0:
            return True
    return False
