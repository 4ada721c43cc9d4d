"""Run a source through the pipeline into storage, one committed batch at a time.

Each batch (documents, labels, rollup increments and the run's counters) is one transaction, so
a crash loses at most the batch in flight and a re-run skips everything already committed.
The labelling stages run in a worker process when one is configured (pipeline/parallel.py);
the stages that consult storage and the commit always run here, in source order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.config import Settings
from opiniondesk.ingest.raw import RawItem, RowError
from opiniondesk.pipeline import repository
from opiniondesk.pipeline.base import Batch, PipelineRunner, WorkItem
from opiniondesk.pipeline.build import labelling_stages, settling_stages
from opiniondesk.pipeline.parallel import StagePool, worker_count
from opiniondesk.pipeline.persist import persist_batch
from opiniondesk.pipeline.stages.dedupe import NearDuplicateIndex
from opiniondesk.pipeline.stages.known import ALREADY_STORED, dedupe_key
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import ChannelKind, IngestRun

MAX_KEPT_ERRORS = 1000


@dataclass(slots=True)
class IngestReport:
    source: str
    channel: str
    run_id: int = 0
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    failed: int = 0
    errors: list[RowError] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def record_error(self, error: RowError) -> None:
        self.failed += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(error)


@dataclass(slots=True)
class _Chunk:
    """What was read for one batch: the count and the rows that could not be read."""

    read: int
    errors: list[RowError]


def _work_item(raw: RawItem, kind: ChannelKind) -> WorkItem:
    return WorkItem(
        text=raw.text,
        channel_kind=str(kind),
        title=raw.title,
        url=raw.url,
        published_at=raw.published_at,
        external_id=raw.external_id,
        author=raw.author,
        location=raw.location,
        source=raw.source,
        line=raw.line,
    )


class Ingestor:
    """Holds the pipeline, its worker and the near-duplicate index across sources of one
    command. Use as a context manager (or call `close`) so a worker process is shut down."""

    def __init__(self, settings: Settings, sessions: sessionmaker[Session]) -> None:
        self.settings = settings
        self.sessions = sessions
        self._session: Session | None = None
        self._channel_id = 0
        self.index = NearDuplicateIndex(
            settings.near_duplicate_threshold, loader=self._load_signatures
        )
        self.settle = PipelineRunner(settling_stages(index=self.index, known_keys=self._known_keys))
        self.workers = worker_count(settings)
        self._label: PipelineRunner | None = None
        self._pool: StagePool | None = None
        self.stage_seconds: dict[str, float] = {}

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def warm_up(self) -> None:
        """Load the labelling resources (gazetteer, taxonomy, models) before timing anything."""
        for _ in self._labelled(iter([[]])):
            pass

    def _load_signatures(self) -> Iterable[tuple[str, bytes, str]]:
        with self.sessions() as session:
            yield from repository.iter_original_signatures(session)

    def _known_keys(self, keys: Collection[str]) -> set[str]:
        if self._session is not None:
            return repository.known_dedupe_keys(
                self._session, channel_id=self._channel_id, keys=keys
            )
        with self.sessions() as session:
            return repository.known_dedupe_keys(session, channel_id=self._channel_id, keys=keys)

    def _skip_known_external_ids(self, batch: Batch) -> None:
        """Re-ingesting a source with ids costs one lookup per batch, not the whole pipeline."""
        with_ids = [item for item in batch if item.external_id]
        if not with_ids:
            return
        known = self._known_keys({dedupe_key(item) for item in with_ids})
        for item in with_ids:
            if dedupe_key(item) in known:
                item.skip, item.skip_reason = True, ALREADY_STORED

    def _labelled(self, batches: Iterator[Batch]) -> Iterator[Batch]:
        def add(timings: dict[str, float]) -> None:
            for name, seconds in timings.items():
                self.stage_seconds[name] = self.stage_seconds.get(name, 0.0) + seconds

        if self.workers == 0:
            if self._label is None:
                self._label = PipelineRunner(labelling_stages(self.settings))
            for batch in batches:
                before = {n: t.seconds for n, t in self._label.timings.items()}
                processed = self._label.run(batch)
                add({n: t.seconds - before[n] for n, t in self._label.timings.items()})
                yield processed
            return
        if self._pool is None:
            self._pool = StagePool(self.settings, self.workers)
        for processed, timings in self._pool.map(batches):
            add(timings)
            yield processed

    def ingest(
        self,
        items: Iterable[RawItem | RowError],
        *,
        kind: ChannelKind,
        channel_name: str,
        source: str,
        on_batch: Callable[[IngestReport], None] | None = None,
        on_error: Callable[[RowError], None] | None = None,
    ) -> IngestReport:
        report = IngestReport(source=source, channel=channel_name)
        with self.sessions.begin() as session:
            channel = repository.get_or_create_channel(session, kind=kind, name=channel_name)
            run = IngestRun(channel_id=channel.id, source=source, errors=[])
            session.add(run)
            session.flush()
            report.run_id, channel_id = run.id, channel.id
        self._channel_id = channel_id
        chunks: deque[_Chunk] = deque()

        def read_batches() -> Iterator[Batch]:
            for raw_batch in _batched(items, self.settings.ingest_batch_size):
                chunk = _Chunk(read=len(raw_batch), errors=[])
                batch: Batch = []
                for entry in raw_batch:
                    if isinstance(entry, RowError):
                        chunk.errors.append(entry)
                    else:
                        batch.append(_work_item(entry, kind))
                self._skip_known_external_ids(batch)
                chunks.append(chunk)
                yield batch

        status = "failed"
        seconds_before = dict(self.stage_seconds)
        try:
            for batch in self._labelled(read_batches()):
                chunk = chunks.popleft()
                report.read += chunk.read
                for error in chunk.errors:
                    report.record_error(error)
                    if on_error:
                        on_error(error)
                self._store(batch, report, on_error)
                if on_batch:
                    on_batch(report)
            status = "failed_rows" if report.failed else "done"
        finally:
            report.stage_seconds = {
                name: seconds - seconds_before.get(name, 0.0)
                for name, seconds in self.stage_seconds.items()
            }
            self._finish_run(report, status)
        return report

    def _store(
        self, batch: Batch, report: IngestReport, on_error: Callable[[RowError], None] | None
    ) -> None:
        with self.sessions.begin() as session:
            self._session = session
            try:
                channel = repository.channel_by_id(session, self._channel_id)
                before = {n: t.seconds for n, t in self.settle.timings.items()}
                processed = self.settle.run(batch)
                for name, timing in self.settle.timings.items():
                    self.stage_seconds[name] = (
                        self.stage_seconds.get(name, 0.0) + timing.seconds - before[name]
                    )
                outcome = persist_batch(session, channel, processed)
                for item in processed:
                    if item.skip and item.skip_reason == ALREADY_STORED:
                        report.already_stored += 1
                    elif item.skip:
                        error = RowError(item.source, item.line, item.skip_reason)
                        report.record_error(error)
                        if on_error:
                            on_error(error)
                report.stored += outcome.stored
                report.near_duplicates += outcome.near_duplicates
                report.already_stored += outcome.already_stored
                repository.update_run(session, report.run_id, _run_values(report, "running"))
            finally:
                self._session = None

    def _finish_run(self, report: IngestReport, status: str) -> None:
        values = _run_values(report, status)
        values["finished_at"] = utcnow()
        with self.sessions.begin() as session:
            repository.update_run(session, report.run_id, values)


def _run_values(report: IngestReport, status: str) -> dict[str, object]:
    return {
        "read": report.read,
        "stored": report.stored,
        "already_stored": report.already_stored,
        "near_duplicates": report.near_duplicates,
        "failed": report.failed,
        "errors": [str(e) for e in report.errors[:100]],
        "status": status,
    }


def _batched(items: Iterable[RawItem | RowError], size: int) -> Iterator[list[RawItem | RowError]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
