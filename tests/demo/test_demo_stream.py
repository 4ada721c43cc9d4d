"""The synthetic stream: RawItems from the same content model, deterministic per seed."""

from __future__ import annotations

from datetime import UTC

from opiniondesk.demo import iter_synthetic_items
from opiniondesk.ingest.raw import RawItem
from opiniondesk.storage.models import ChannelKind


def _key(item: RawItem) -> tuple[object, ...]:
    return (
        item.external_id,
        item.text,
        item.title,
        item.published_at,
        item.author,
        item.location,
        item.parent_external_id,
    )


def test_yields_exactly_n_raw_items() -> None:
    items = list(iter_synthetic_items(2000, seed=3))
    assert len(items) == 2000
    assert all(isinstance(i, RawItem) and i.text for i in items)
    assert len({i.external_id for i in items}) == 2000
    assert [i.line for i in items] == list(range(1, 2001))


def test_same_seed_same_items_other_seed_other_items() -> None:
    first = [_key(i) for i in iter_synthetic_items(500, seed=11)]
    assert first == [_key(i) for i in iter_synthetic_items(500, seed=11)]
    assert first != [_key(i) for i in iter_synthetic_items(500, seed=12)]


def test_prefix_is_stable_when_asking_for_more() -> None:
    short = [_key(i) for i in iter_synthetic_items(300, seed=5)]
    longer = [_key(i) for i in iter_synthetic_items(600, seed=5)]
    assert longer[:300] == short


def test_times_are_utc_and_every_channel_appears() -> None:
    items = list(iter_synthetic_items(10_000, seed=1))
    assert all(i.published_at is not None and i.published_at.tzinfo == UTC for i in items)
    kinds = {i.extra["channel_kind"] for i in items}
    assert kinds == {k.value for k in ChannelKind}
    assert all(i.source == f"synthetic:{i.extra['channel_kind']}" for i in items)


def test_comments_point_at_an_earlier_post() -> None:
    seen: set[str] = set()
    comments = 0
    for item in iter_synthetic_items(3000, seed=2):
        if item.parent_external_id is not None:
            assert item.parent_external_id in seen
            comments += 1
        if item.extra["channel_kind"] == ChannelKind.page_export.value:
            assert item.external_id is not None
            seen.add(item.external_id)
    assert comments > 100
