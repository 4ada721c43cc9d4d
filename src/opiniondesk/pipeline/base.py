"""The pipeline's contract: a batch of WorkItems goes through Stages in order."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, runtime_checkable


@dataclass(slots=True)
class Label:
    """One annotation produced by a stage: kind (topic, sentiment, place, language, ...),
    value, score in [0, 1], source (rule:<id>, lexicon, gazetteer, ...), a short explanation."""

    kind: str
    value: str
    score: float
    source: str
    explanation: str


@dataclass(slots=True)
class WorkItem:
    """A document on its way through the pipeline.

    `text` starts raw; after the redact stage it holds the only version ever stored.
    `analysis_text` is the redacted text (title first) with teencode expanded ("ko" → "không"):
    what topic, sentiment and place matching read; the stored text keeps the citizen's words.
    `match_text` is `analysis_text` folded (lower case, no diacritics, đ→d), same length.
    `tokens` are the segmented words (pyvi, multi-syllable words joined with '_').
    """

    text: str
    channel_kind: str
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    external_id: str | None = None
    author: str | None = None
    author_key: str | None = None
    location: str | None = None
    source: str = ""
    line: int = 0
    analysis_text: str = ""
    match_text: str = ""
    tokens: list[str] = field(default_factory=list)
    language: str = ""
    content_hash: str = ""
    minhash: bytes | None = None
    duplicate_of_key: str | None = None  # content_hash of the first document seen
    redactions: dict[str, int] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)
    province_code: str = ""
    commune_code: str = ""
    sentiment: str = ""
    topics: list[str] = field(default_factory=list)
    skip: bool = False  # set by a stage when the item must not be stored (with `skip_reason`)
    skip_reason: str = ""


Batch = list[WorkItem]


@runtime_checkable
class Stage(Protocol):
    """A pipeline stage: a name and a pure-ish transformation of a batch."""

    name: str

    def process(self, batch: Batch) -> Batch: ...


@dataclass(slots=True)
class StageTiming:
    name: str
    seconds: float = 0.0
    items: int = 0


class PipelineRunner:
    """Runs stages in order over batches and records how long each stage took."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages = list(stages)
        self.timings: dict[str, StageTiming] = {s.name: StageTiming(s.name) for s in self.stages}

    def run(self, batch: Batch) -> Batch:
        for stage in self.stages:
            started = time.perf_counter()
            batch = stage.process(batch)
            timing = self.timings[stage.name]
            timing.seconds += time.perf_counter() - started
            timing.items += len(batch)
        return batch
