"""The demo corpus: deterministic, big enough, every channel, parseable, with what it promises."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from opiniondesk.demo import DemoManifest, generate_demo_corpus
from opiniondesk.demo.corpus import build_documents
from opiniondesk.demo.model import DemoDocument
from opiniondesk.demo.planted import PLANTED, PlantedSpec
from opiniondesk.demo.style import strip_diacritics
from opiniondesk.demo.timeline import VN_TZ
from opiniondesk.demo.writers import COLUMNS
from opiniondesk.storage.models import ChannelKind

END = date(2026, 11, 26)
SEED = 2025


@dataclass
class Record:
    kind: str
    text: str
    location: str
    published_at: datetime


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoManifest]:
    out = tmp_path_factory.mktemp("demo")
    return out, generate_demo_corpus(out, seed=SEED, end=END)


@pytest.fixture(scope="module")
def docs() -> list[DemoDocument]:
    return build_documents(seed=SEED, documents=6000, end=END, months=12)


def _fold(text: str) -> str:
    return strip_diacritics(text).lower()


def _read_all(folder: Path, manifest: DemoManifest) -> list[Record]:
    records: list[Record] = []
    for entry in manifest.entries:
        path = folder / entry.path
        if entry.format == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
        elif entry.format == "jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        elif entry.format == "xlsx":
            sheet = load_workbook(path, read_only=True).active
            assert sheet is not None
            values = list(sheet.iter_rows(values_only=True))
            rows = [dict(zip(values[0], row, strict=False)) for row in values[1:]]
        elif entry.format == "rss":
            rows = [
                {
                    "text": f"{item.findtext('title')} {item.findtext('description')}",
                    "published_at": parsedate_to_datetime(
                        item.findtext("pubDate") or ""
                    ).isoformat(),
                }
                for item in ET.parse(path).getroot().iter("item")
            ]
        else:
            rows = []
            for post in json.loads(path.read_text(encoding="utf-8"))["data"]:
                for node in [post, *post["comments"]["data"]]:
                    when = datetime.strptime(node["created_time"], "%Y-%m-%dT%H:%M:%S%z")
                    rows.append({"text": node["message"], "published_at": when.isoformat()})
        for row in rows:
            records.append(
                Record(
                    entry.channel_kind,
                    str(row["text"]),
                    str(row.get("location") or ""),
                    datetime.fromisoformat(str(row["published_at"])),
                )
            )
    return records


class TestDeterminism:
    def test_same_seed_gives_identical_bytes(
        self, corpus: tuple[Path, DemoManifest], tmp_path: Path
    ) -> None:
        first, manifest = corpus
        generate_demo_corpus(tmp_path, seed=SEED, end=END)
        names = sorted(p.name for p in first.iterdir())
        assert names == sorted(p.name for p in tmp_path.iterdir())
        assert len(names) == len(manifest.entries) + 1
        for name in names:
            assert (first / name).read_bytes() == (tmp_path / name).read_bytes(), name

    def test_another_seed_gives_another_corpus(
        self, corpus: tuple[Path, DemoManifest], tmp_path: Path
    ) -> None:
        first, manifest = corpus
        other = generate_demo_corpus(tmp_path, seed=SEED + 1, end=END, documents=500)
        name = manifest.entry("feedback").path
        assert (first / name).read_bytes() != (tmp_path / name).read_bytes()
        assert other.documents == 500


class TestShape:
    def test_counts_and_every_channel_kind(self, corpus: tuple[Path, DemoManifest]) -> None:
        folder, manifest = corpus
        assert manifest.documents >= 5000
        assert sum(e.documents for e in manifest.entries) == manifest.documents
        assert {e.channel_kind for e in manifest.entries} == {k.value for k in ChannelKind}
        for entry in manifest.entries:
            assert entry.documents > 100, entry
            assert (folder / entry.path).is_file()
        assert manifest.entry("field_report").format == "xlsx"
        assert manifest.entry("feed").channel_name == "Tin tức (RSS)"

    def test_manifest_round_trips(self, corpus: tuple[Path, DemoManifest]) -> None:
        folder, manifest = corpus
        assert DemoManifest.load(folder / "manifest.json") == manifest

    def test_files_parse_and_hold_the_counted_documents(
        self, corpus: tuple[Path, DemoManifest]
    ) -> None:
        folder, manifest = corpus
        records = _read_all(folder, manifest)
        assert len(records) == manifest.documents
        per_kind = Counter(r.kind for r in records)
        for entry in manifest.entries:
            assert per_kind[entry.channel_kind] == entry.documents

    def test_tables_have_the_reader_columns(self, corpus: tuple[Path, DemoManifest]) -> None:
        folder, manifest = corpus
        with (folder / manifest.entry("feedback").path).open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == list(COLUMNS)
        sheet = load_workbook(folder / manifest.entry("field_report").path, read_only=True).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == list(COLUMNS)
        located = [r for r in rows[1:] if len(r) == len(COLUMNS) and r[-1]]
        assert len(located) >= 0.93 * (len(rows) - 1)
        first = (folder / manifest.entry("api").path).read_text(encoding="utf-8").splitlines()[0]
        assert set(json.loads(first)) <= set(COLUMNS)

    def test_published_at_is_local_time_within_the_period(
        self, corpus: tuple[Path, DemoManifest]
    ) -> None:
        folder, manifest = corpus
        with (folder / manifest.entry("dialogue").path).open(encoding="utf-8") as fh:
            stamps = [row["published_at"] for row in csv.DictReader(fh)]
        assert all(s.endswith("+07:00") for s in stamps)
        for record in _read_all(folder, manifest):
            local = record.published_at.astimezone(VN_TZ).date()
            assert manifest.start <= local <= manifest.end

    def test_rss_items_and_graph_posts(self, corpus: tuple[Path, DemoManifest]) -> None:
        folder, manifest = corpus
        root = ET.parse(folder / manifest.entry("feed").path).getroot()
        assert root.tag == "rss" and root.get("version") == "2.0"
        for item in root.iter("item"):
            for tag in ("guid", "title", "link", "pubDate", "description"):
                assert item.findtext(tag), tag
        export = json.loads((folder / manifest.entry("page_export").path).read_text("utf-8"))
        posts = export["data"]
        assert posts and "cursors" in export["paging"]
        times = [p["created_time"] for p in posts]
        assert times == sorted(times, reverse=True)
        for post in posts:
            assert re.fullmatch(r"\d+_\d+", post["id"])
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000", post["created_time"])
            assert post["permalink_url"].startswith("https://www.facebook.com/")
            for comment in post["comments"]["data"]:
                assert comment["id"].startswith(post["id"].split("_")[1] + "_")
                assert set(comment["from"]) == {"id", "name"}


class TestContent:
    def test_shares_roughly_hold(self, docs: list[DemoDocument]) -> None:
        n = len(docs)

        def share(flag: int) -> float:
            return flag / n

        assert 0.12 <= share(sum(d.no_diacritics for d in docs)) <= 0.18
        assert 0.07 <= share(sum(d.teencode for d in docs)) <= 0.13
        assert 0.04 <= share(sum(d.repost_of is not None for d in docs)) <= 0.06
        assert 0.06 <= share(sum(bool(d.pii) for d in docs)) <= 0.10
        assert 0.005 <= share(sum(d.english for d in docs)) <= 0.02
        assert 0.01 <= share(sum(d.place is None for d in docs)) <= 0.03

    def test_texts_without_diacritics_are_really_ascii(
        self, corpus: tuple[Path, DemoManifest]
    ) -> None:
        folder, manifest = corpus
        records = _read_all(folder, manifest)
        ascii_share = sum(r.text.isascii() for r in records) / len(records)
        assert 0.10 <= ascii_share <= 0.20  # no diacritics (≈15%) + English, less emoji

    def test_fifteen_topics_across_many_places(self, docs: list[DemoDocument]) -> None:
        topics = Counter(d.topic for d in docs)
        assert len(topics) >= 15 and min(topics.values()) >= 50
        places = {d.place.code for d in docs if d.place}
        provinces = {d.place.province_short for d in docs if d.place}
        assert len(places) >= 50
        assert {"Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "An Giang"} <= provinces
        assert Counter(d.tone for d in docs).keys() == {"negative", "neutral", "positive"}

    def test_old_names_people_still_use(self, corpus: tuple[Path, DemoManifest]) -> None:
        folder, manifest = corpus
        blob = "\n".join(f"{r.text} {r.location}" for r in _read_all(folder, manifest))
        for name in ("Rạch Giá", "Kiên Giang", "Bình Dương", "Quảng Nam", "TP.HCM", "Q.5"):
            assert name in blob, name

    def test_personal_data_in_many_forms(self, corpus: tuple[Path, DemoManifest]) -> None:
        folder, manifest = corpus
        blob = "\n".join(r.text for r in _read_all(folder, manifest))
        patterns = {
            "phone": r"(?:\+?84|0)[\s.(+)84-]*\d{2,3}[\s.-]?\d{3}[\s.-]?\d{3,4}",
            "cccd": r"\b0\d{2}\s?\d{3}\s?\d{3}\s?\d{3}\b",
            "email": r"[a-z0-9._]+@[a-z]+\.com",
            "plate": r"\b\d{2}[A-Z]?-(?:[A-Z]\d )?\d{3}\.\d{2}\b",
            "bank": r"(?i:stk|số tk):? [\d ]{9,}",
            "person": r"\b(?:anh|chị|ông|bà) [A-ZĐ][\wà-ỹ]+",
        }
        for name, pattern in patterns.items():
            assert len(re.findall(pattern, blob)) >= 10, name

    def test_reposts_cross_channels_with_small_edits(self, docs: list[DemoDocument]) -> None:
        reposts = [d for d in docs if d.repost_of is not None]
        for doc in reposts[:200]:
            source = docs[doc.repost_of]  # type: ignore[index]
            assert doc.kind is not source.kind
            words = set(re.findall(r"\w+", _fold(source.text)))
            assert len(words & set(re.findall(r"\w+", _fold(doc.text)))) >= 0.9 * len(words)

    def test_weekdays_are_busier_than_weekends(self, docs: list[DemoDocument]) -> None:
        per_weekday = Counter(d.published_at.weekday() for d in docs)
        workdays = sum(per_weekday[i] for i in range(5)) / 5
        weekend = (per_weekday[5] + per_weekday[6]) / 2
        assert workdays > 1.3 * weekend

    def test_autumn_storm_burst(
        self, corpus: tuple[Path, DemoManifest], docs: list[DemoDocument]
    ) -> None:
        _, manifest = corpus
        storm = next(b for b in manifest.bursts if b.code == "storm")
        hit = [
            d
            for d in docs
            if d.topic == "disaster" and d.place and d.place.province_short in storm.provinces
        ]
        inside = sum(storm.start <= d.published_at.date() <= storm.end for d in hit)
        days = (storm.end - storm.start).days + 1
        rate_in, rate_out = inside / days, (len(hit) - inside) / (365 - days)
        assert rate_in > 10 * rate_out


class TestPlantedIssues:
    def test_manifest_says_what_to_look_for(self, corpus: tuple[Path, DemoManifest]) -> None:
        _, manifest = corpus
        assert len(manifest.planted) >= 2
        landslide = next(p for p in manifest.planted if p.phrase == "sạt lở bờ sông")
        assert landslide.province_short == "An Giang" and landslide.commune == "Phường Tân Châu"
        for issue in manifest.planted:
            assert issue.window_end == END
            assert 21 <= (issue.window_end - issue.window_start).days + 1 <= 28
            assert issue.documents_in_window >= 12

    @pytest.mark.parametrize("code", [p.code for p in PLANTED])
    def test_rise_is_visible_in_the_files(
        self, corpus: tuple[Path, DemoManifest], code: str
    ) -> None:
        folder, manifest = corpus
        issue = next(p for p in manifest.planted if p.code == code)
        phrase = _fold(issue.phrase)
        aliases = [_fold(a) for a in issue.aliases]
        hits = [
            r
            for r in _read_all(folder, manifest)
            if phrase in _fold(r.text)
            and any(a in _fold(f"{r.text} {r.location}") for a in aliases)
        ]
        start = datetime.combine(issue.window_start, datetime.min.time(), VN_TZ)
        inside = sum(r.published_at >= start for r in hits)
        weeks_in = ((issue.window_end - issue.window_start).days + 1) / 7
        weeks_before = (issue.window_start - manifest.start).days / 7
        ratio = (inside / weeks_in) / ((len(hits) - inside) / weeks_before)
        assert 5 <= ratio <= 15, (inside, len(hits) - inside, ratio)

    @pytest.mark.parametrize("spec", PLANTED, ids=lambda s: s.code)
    def test_rise_in_the_model(self, docs: list[DemoDocument], spec: PlantedSpec) -> None:
        planted = [d for d in docs if d.planted == spec.code]
        window = END - timedelta(days=spec.window_days - 1)
        inside = [d for d in planted if d.published_at.date() >= window]
        assert len(inside) >= 12
        assert all(d.place is planted[0].place for d in planted)
