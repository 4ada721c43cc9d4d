"""Graph-API-shaped page exports: posts, comments, replies, paging shapes, streaming."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from opiniondesk.config import Settings
from opiniondesk.ingest import jsonstream
from opiniondesk.ingest.errors import ReaderError
from opiniondesk.ingest.page_export import PageExportReader
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.ingest.readers import open_source

DATA = Path(__file__).parent.parent / "data" / "ingest"
SETTINGS = Settings(_env_file=None)


def test_posts_comments_and_replies() -> None:
    reader = open_source(DATA / "page_export.json", settings=SETTINGS)
    records = list(reader)
    items = [r for r in records if isinstance(r, RawItem)]
    errors = [r for r in records if isinstance(r, RowError)]
    assert [(i.external_id, i.parent_external_id) for i in items] == [
        ("111_1", None),
        ("1_c1", "111_1"),
        ("1_r1", "1_c1"),
        ("2_c1", "111_2"),  # comment under a photo-only post still counts
        ("111_3", None),
    ]
    post, comment, reply = items[0], items[1], items[2]
    assert post.url == "https://www.facebook.com/111/posts/1"
    assert post.author == "111" and comment.author == "9001"
    assert reply.author == "Người dân B"  # no from.id: falls back to the name
    assert post.published_at is not None and post.published_at.isoformat() == (
        "2024-05-01T01:00:00+00:00"
    )
    assert [i.extra["kind"] for i in items[:3]] == ["post", "comment", "reply"]
    (error,) = errors
    assert error.reason.startswith("data[0].comments.data[1]: ")
    assert error.line == 3  # the line where the enclosing post starts
    assert reader.stats.skipped == 1  # photo-only post 111_2
    assert isinstance(reader, PageExportReader) and reader.skipped_without_message == 1


def page(prefix: str, count: int) -> dict[str, object]:
    return {
        "data": [
            {"id": f"{prefix}{n}", "message": f"bài {prefix}{n}", "created_time": "2024-05-01"}
            for n in range(count)
        ],
        "paging": {"cursors": {"before": "a", "after": "b"}, "next": "https://x/y"},
    }


def test_list_of_pages(tmp_path: Path) -> None:
    path = tmp_path / "pages.json"
    path.write_text(json.dumps([page("a", 2), page("b", 1), ["odd"]], indent=1), "utf-8")
    records = list(open_source(path, settings=SETTINGS))
    assert [r.external_id for r in records if isinstance(r, RawItem)] == ["a0", "a1", "b0"]
    assert isinstance(records[-1], RowError) and records[-1].reason.startswith("[2]: ")


def test_json_lines_of_pages(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    lines = [json.dumps(page("a", 2)), "{broken", json.dumps(page("c", 1))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(open_source(path, settings=SETTINGS))
    assert [(type(r).__name__, r.line) for r in records] == [
        ("RawItem", 1),
        ("RawItem", 1),
        ("RowError", 2),
        ("RawItem", 3),
    ]


def test_missing_id_names_json_path(tmp_path: Path) -> None:
    path = tmp_path / "noid.json"
    data = page("a", 4)
    del data["data"][3]["id"]  # type: ignore[index]
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    errors = [r for r in open_source(path, settings=SETTINGS) if isinstance(r, RowError)]
    assert len(errors) == 1 and errors[0].reason.startswith("data[3]: ")


def test_not_an_export(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"items": [1, 2]}', encoding="utf-8")
    with pytest.raises(ReaderError, match="data"):
        list(open_source(path, settings=SETTINGS))


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n "data": [\n  {"id": "1", "message": "a"},\n  {"id": 2,,}\n ]\n}', "utf-8")
    records: list[object] = []
    with pytest.raises(ReaderError, match=r"broken\.json:4"):
        records.extend(open_source(path, settings=SETTINGS))
    assert len(records) == 1  # the post before the damage was delivered


def test_tiny_chunks_parse_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every value, key and number crosses a buffer boundary somewhere.
    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", 3)
    baseline = [repr(r) for r in PageExportReader(DATA / "page_export.json")]
    path = tmp_path / "numbers.json"
    path.write_text('{"paging": {"n": 123456789}, "data": [{"id": 98765, "message": "x"}]}')
    (item,) = PageExportReader(path)
    assert isinstance(item, RawItem) and item.external_id == "98765"
    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", 1 << 20)
    assert baseline == [repr(r) for r in PageExportReader(DATA / "page_export.json")]


def test_one_oversized_post_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"data": [{"id": "1", "message": "x" * 5000}]}), "utf-8")

    original = jsonstream.JsonStream.__init__

    def small(self: jsonstream.JsonStream, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self.max_value_chars = 1000

    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", 256)
    monkeypatch.setattr(jsonstream.JsonStream, "__init__", small)
    with pytest.raises(ReaderError, match="larger than"):
        list(PageExportReader(path))


def test_streams_without_loading_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.json"
    posts = [
        {
            "id": f"p{n}",
            "message": f"Bài viết {n} " + "nội dung " * 20,
            "created_time": "2024-05-01T01:00:00+0000",
            "comments": {"data": [{"id": f"c{n}", "message": "đồng ý " * 10}]},
        }
        for n in range(8000)
    ]
    path.write_text(json.dumps({"data": posts}), encoding="utf-8")
    del posts
    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", 64 * 1024)
    tracemalloc.start()
    try:
        count = sum(1 for _ in PageExportReader(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 16_000
    # A few read windows plus one post; loading the document would cost several times the
    # file size.
    assert peak < path.stat().st_size / 5
