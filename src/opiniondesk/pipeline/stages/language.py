"""Language: Vietnamese or not (with or without diacritics)."""

from __future__ import annotations

from opiniondesk.pipeline.base import Batch
from opiniondesk.text.language import detect_language


class LanguageStage:
    name = "language"

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            # stored on the document itself; an annotation per document would only repeat it
            item.language, _confidence = detect_language(item.text)
        return batch
