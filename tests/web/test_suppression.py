"""The small-group rule: primary "<k" cells, complementary hiding, pinned totals."""

from __future__ import annotations

from opiniondesk.web.suppression import Hidden, protect_breakdown, suppress_small


def _shown(counts: dict[str, int], k: int = 5) -> dict[str, int | Hidden | None]:
    return {c.key: c.count if c.visible else c.hidden for c in protect_breakdown(counts, k).cells}


class TestProtectBreakdown:
    def test_large_cells_are_shown_exactly(self) -> None:
        assert _shown({"a": 10, "b": 7}) == {"a": 10, "b": 7}

    def test_small_and_zero_cells_read_alike(self) -> None:
        shown = _shown({"a": 10, "b": 9, "c": 3, "d": 0})
        assert shown == {"a": 10, "b": 9, "c": Hidden.small, "d": Hidden.small}

    def test_a_lone_small_cell_hides_the_next_smallest(self) -> None:
        # total 23 − 10 − 10 would give back the 3
        shown = _shown({"a": 10, "b": 10, "c": 3})
        assert shown["c"] is Hidden.small
        assert Hidden.complementary in (shown["a"], shown["b"])
        assert sorted(v for v in shown.values() if isinstance(v, int)) == [10]

    def test_a_lone_zero_cell_needs_no_help(self) -> None:
        assert _shown({"a": 10, "b": 10, "c": 0}) == {"a": 10, "b": 10, "c": Hidden.small}

    def test_small_total_hides_everything(self) -> None:
        breakdown = protect_breakdown({"a": 3, "b": 1}, 5)
        assert all(not cell.visible for cell in breakdown.cells)
        assert not breakdown.total_pinned

    def test_everything_hidden_and_still_pinned_flags_the_total(self) -> None:
        # two cells of 4 with total 8: both can only be 4
        assert protect_breakdown({"a": 4, "b": 4}, 5).total_pinned

    def test_hidden_cells_never_carry_their_count(self) -> None:
        for cell in protect_breakdown({"a": 100, "b": 2, "c": 1}, 5).cells:
            assert cell.visible or cell.count is None

    def test_ranking_lists_visible_cells_only(self) -> None:
        ranked = protect_breakdown({"a": 6, "b": 3, "c": 50, "d": 2}, 5).visible_ranked()
        assert [cell.key for cell in ranked] == ["c", "a"]


def test_suppress_small_only_applies_the_threshold() -> None:
    cells = suppress_small({"a": 4, "b": 5}, 5).cells
    assert [(c.key, c.count, c.hidden) for c in cells] == [
        ("a", None, Hidden.small),
        ("b", 5, None),
    ]
