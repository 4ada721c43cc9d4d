"""Skip what is already stored (same channel, same external id or redacted-content hash)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from opiniondesk.pipeline.base import Batch, WorkItem

ALREADY_STORED = "already_stored"

KnownKeys = Callable[[Collection[str]], set[str]]


def dedupe_key(item: WorkItem) -> str:
    return f"id:{item.external_id}" if item.external_id else f"sha256:{item.content_hash}"


class AlreadyStoredStage:
    """Runs right after redaction, before the costly stages, so a re-ingest is cheap."""

    name = "already_stored"

    def __init__(self, known_keys: KnownKeys) -> None:
        self.known_keys = known_keys

    def process(self, batch: Batch) -> Batch:
        live = [item for item in batch if not item.skip]
        if not live:
            return batch
        known = self.known_keys({dedupe_key(item) for item in live})
        seen: set[str] = set()
        for item in live:
            key = dedupe_key(item)
            if key in known or key in seen:
                item.skip, item.skip_reason = True, ALREADY_STORED
            seen.add(key)
        return batch
