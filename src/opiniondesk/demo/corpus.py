"""Writes the demo corpus: one file per channel plus manifest.json, the same bytes per seed."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from opiniondesk.demo.channels import CHANNELS, ChannelSpec
from opiniondesk.demo.graph import graph_export, thread_page
from opiniondesk.demo.manifest import DemoManifest, EventBurst, ManifestEntry, PlantedIssue
from opiniondesk.demo.model import DemoDocument, DocumentSampler
from opiniondesk.demo.places import place_by_key
from opiniondesk.demo.planted import PLANTED
from opiniondesk.demo.style import strip_diacritics
from opiniondesk.demo.timeline import BURSTS, Timeline
from opiniondesk.demo.writers import Row, write_csv, write_json, write_jsonl, write_rss, write_xlsx
from opiniondesk.storage.models import ChannelKind

NEWS_SITE = "https://tintuc-diaphuong.example.org"


def build_documents(*, seed: int, documents: int, end: date, months: int) -> list[DemoDocument]:
    """The corpus as objects (what the files hold, with the generator's own labels)."""
    sampler = DocumentSampler(random.Random(seed), end=end, months=months)
    return [sampler.next() for _ in range(documents)]


def generate_demo_corpus(
    out_dir: Path,
    *,
    seed: int = 2025,
    documents: int = 6000,
    end: date | None = None,
    months: int = 12,
) -> DemoManifest:
    """Generate `documents` items over `months` months ending at `end` (default: today) into
    `out_dir`, one file per channel, and describe them in `out_dir/manifest.json`."""
    if documents < 1 or months < 1:
        raise ValueError("documents and months must be at least 1")
    end = end or date.today()
    docs = build_documents(seed=seed, documents=documents, end=end, months=months)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for spec in CHANNELS:
        mine = sorted(
            (d for d in docs if d.kind is spec.kind), key=lambda d: (d.published_at, d.index)
        )
        _write_channel(out_dir / spec.filename, spec, mine)
        entries.append(
            ManifestEntry(spec.filename, spec.kind.value, spec.name, spec.fmt, len(mine))
        )
    timeline = Timeline(end, months, random.Random(0))
    manifest = DemoManifest(
        seed=seed,
        start=timeline.start,
        end=end,
        months=months,
        documents=len(docs),
        entries=tuple(entries),
        planted=_planted(docs, end),
        bursts=_bursts(docs, timeline),
        shares=corpus_shares(docs),
    )
    manifest.write(out_dir / "manifest.json")
    return manifest


def corpus_shares(docs: Sequence[DemoDocument]) -> dict[str, float]:
    n = max(len(docs), 1)
    return {
        "no_diacritics": round(sum(d.no_diacritics for d in docs) / n, 4),
        "teencode": round(sum(d.teencode for d in docs) / n, 4),
        "repost": round(sum(d.repost_of is not None for d in docs) / n, 4),
        "personal_data": round(sum(bool(d.pii) for d in docs) / n, 4),
        "english": round(sum(d.english for d in docs) / n, 4),
        "no_place": round(sum(d.place is None for d in docs) / n, 4),
    }


def _planted(docs: Sequence[DemoDocument], end: date) -> tuple[PlantedIssue, ...]:
    out = []
    for spec in PLANTED:
        place = place_by_key(spec.commune, spec.province_short)
        start = date.fromordinal(end.toordinal() - spec.window_days + 1)
        mine = [d for d in docs if d.planted == spec.code]
        inside = sum(d.published_at.date() >= start for d in mine)
        aliases = tuple(
            dict.fromkeys(
                [place.name, place.short, *place.mentions, *(old.ward for old in place.legacy)]
            )
        )
        out.append(
            PlantedIssue(
                code=spec.code,
                label_vi=spec.label_vi,
                topic=spec.topic,
                phrase=spec.phrase,
                commune=place.name,
                commune_code=place.code,
                province=place.province,
                province_short=place.province_short,
                aliases=aliases,
                window_start=start,
                window_end=end,
                multiplier=spec.multiplier,
                documents_in_window=inside,
                documents_before=len(mine) - inside,
            )
        )
    return tuple(out)


def _bursts(docs: Sequence[DemoDocument], timeline: Timeline) -> tuple[EventBurst, ...]:
    out = []
    for burst in BURSTS:
        days = timeline.burst_days(burst)
        if days is None:
            continue
        out.append(
            EventBurst(
                burst.code,
                burst.label_vi,
                burst.topic,
                burst.provinces,
                timeline.days[days[0]],
                timeline.days[days[1]],
                sum(d.burst == burst.code for d in docs),
            )
        )
    return tuple(out)


def _row(doc: DemoDocument, external_id: str, url: str | None = None) -> Row:
    return {
        "external_id": external_id,
        "published_at": doc.published_at.isoformat(timespec="seconds"),
        "title": doc.title,
        "text": doc.text,
        "url": url,
        "author": doc.author,
        "location": doc.location,
    }


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_diacritics(text).lower())[:60].strip("-")


def _write_channel(path: Path, spec: ChannelSpec, docs: Sequence[DemoDocument]) -> None:
    if spec.kind is ChannelKind.page_export:
        write_json(path, graph_export(thread_page(docs)))
        return
    if spec.kind is ChannelKind.feed:
        items = []
        for n, doc in enumerate(docs, start=1):
            link = f"{NEWS_SITE}/{_slug(doc.title or doc.text)}-{n:06d}.html"
            body = f"<p>{doc.text}</p>" if n % 3 == 0 else doc.text
            items.append(
                {
                    "guid": link,
                    "title": doc.title or "",
                    "link": link,
                    "published": doc.published_at,
                    "description": body,
                }
            )
        items.reverse()  # feeds list the newest first
        write_rss(
            path,
            items,
            title="Tin tức địa phương",
            link=NEWS_SITE,
            description="Tin tức về đời sống, dân sinh ở các địa phương",
        )
        return
    rows = [_row(doc, f"{spec.id_prefix}-{n:06d}") for n, doc in enumerate(docs, start=1)]
    if spec.fmt == "xlsx":
        write_xlsx(path, rows, sheet="Báo cáo")
    elif spec.fmt == "csv":
        write_csv(path, rows)
    else:
        write_jsonl(path, rows)
