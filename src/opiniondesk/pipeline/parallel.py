"""Run the pure pipeline stages in a worker process while the main process stores batches.

The labelling stages (normalise … places) touch no database, so a worker can prepare batch k+1
while the main process deduplicates and commits batch k. On a 2-core machine this overlaps the
two halves instead of adding them. Order is preserved, so results are the same as in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from opiniondesk.config import Settings
from opiniondesk.pipeline.base import Batch, PipelineRunner

_runner: PipelineRunner | None = None


def _exit_with_parent(parent: int) -> None:
    # a `kill -9` of the ingest command must not leave its worker running forever
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _start_worker(settings_json: str) -> None:
    from opiniondesk.pipeline.build import labelling_stages

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    global _runner
    _runner = PipelineRunner(labelling_stages(Settings.model_validate_json(settings_json)))


def _prepare(batch: Batch) -> tuple[Batch, dict[str, float]]:
    assert _runner is not None, "worker not initialised"
    for timing in _runner.timings.values():
        timing.seconds = 0.0
    processed = _runner.run(batch)
    return processed, {name: t.seconds for name, t in _runner.timings.items()}


def worker_count(settings: Settings) -> int:
    """0 = in-process. Auto (-1): one worker when a second core exists."""
    if settings.pipeline_workers >= 0:
        return settings.pipeline_workers
    return 1 if (os.cpu_count() or 1) >= 2 else 0


class StagePool:
    """A small process pool that prepares batches in order, a bounded number ahead."""

    def __init__(self, settings: Settings, workers: int) -> None:
        # spawn: a forked child would inherit open database connections and locks
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(settings.model_dump_json(),),
        )
        self._ahead = workers + 1

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, dict[str, float]]]:
        pending: deque[Future[tuple[Batch, dict[str, float]]]] = deque()
        for batch in batches:
            pending.append(self._executor.submit(_prepare, batch))
            if len(pending) > self._ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
