"""Word segmentation with pyvi; tokens feed stop-word filtering and the trained models."""

from __future__ import annotations

from opiniondesk.pipeline.base import Batch
from opiniondesk.text.segment import segment


class SegmentStage:
    name = "segment"

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip or item.language not in ("vi", ""):
                continue
            item.tokens = segment(item.text)
        return batch
