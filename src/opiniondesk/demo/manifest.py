"""What a generated demo corpus holds: its files and the issues planted in it (manifest.json)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: str  # relative to the corpus folder
    channel_kind: str  # a ChannelKind value
    channel_name: str
    format: str  # csv, xlsx, jsonl, rss, graph-json
    documents: int


@dataclass(frozen=True, slots=True)
class PlantedIssue:
    """A topic made to rise sharply in one commune at the end of the period."""

    code: str
    label_vi: str
    topic: str
    phrase: str  # every planted document contains it (maybe without diacritics)
    commune: str
    commune_code: str
    province: str
    province_short: str
    aliases: tuple[str, ...]  # how the commune is written in the corpus, old names included
    window_start: date
    window_end: date
    multiplier: float  # intended weekly level in the window ÷ before
    documents_in_window: int
    documents_before: int


@dataclass(frozen=True, slots=True)
class EventBurst:
    code: str
    label_vi: str
    topic: str
    provinces: tuple[str, ...]
    start: date
    end: date
    documents: int


@dataclass(frozen=True, slots=True)
class DemoManifest:
    seed: int
    start: date
    end: date
    months: int
    documents: int
    entries: tuple[ManifestEntry, ...]
    planted: tuple[PlantedIssue, ...]
    bursts: tuple[EventBurst, ...] = ()
    shares: dict[str, float] = field(default_factory=dict)

    def entry(self, kind: str) -> ManifestEntry:
        return next(e for e in self.entries if e.channel_kind == kind)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def write(self, path: Path) -> None:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str)
        path.write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> DemoManifest:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            seed=raw["seed"],
            start=date.fromisoformat(raw["start"]),
            end=date.fromisoformat(raw["end"]),
            months=raw["months"],
            documents=raw["documents"],
            entries=tuple(ManifestEntry(**e) for e in raw["entries"]),
            planted=tuple(
                PlantedIssue(
                    **{
                        **p,
                        "aliases": tuple(p["aliases"]),
                        "window_start": date.fromisoformat(p["window_start"]),
                        "window_end": date.fromisoformat(p["window_end"]),
                    }
                )
                for p in raw["planted"]
            ),
            bursts=tuple(
                EventBurst(
                    **{
                        **b,
                        "provinces": tuple(b["provinces"]),
                        "start": date.fromisoformat(b["start"]),
                        "end": date.fromisoformat(b["end"]),
                    }
                )
                for b in raw["bursts"]
            ),
            shares=dict(raw["shares"]),
        )
