"""Language: Vietnamese or not (with or without diacritics)."""

from __future__ import annotations

from opiniondesk.pipeline.base import Batch, Label
from opiniondesk.text.language import detect_language


class LanguageStage:
    name = "language"

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            code, confidence = detect_language(item.text)
            item.language = code
            item.labels.append(
                Label("language", code, confidence, "heuristic", f"ngôn ngữ: {code}")
            )
        return batch
