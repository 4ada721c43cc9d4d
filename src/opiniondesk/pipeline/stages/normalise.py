"""Normalise: NFC, one tone-mark convention, clean whitespace; build the folded matching form."""

from __future__ import annotations

from opiniondesk.pipeline.base import Batch
from opiniondesk.text.abbreviations import expand_abbreviations
from opiniondesk.text.normalize import fold, normalize_text
from opiniondesk.text.teencode import expand_teencode


class NormaliseStage:
    name = "normalise"

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            item.text = normalize_text(item.text)
            if item.title:
                item.title = normalize_text(item.title)
            if item.location:
                item.location = normalize_text(item.location)
            if not item.text:
                item.skip, item.skip_reason = True, "văn bản trống sau chuẩn hoá / empty text"
        return batch


def analysis_forms(title: str | None, text: str) -> tuple[str, str]:
    """(analysis text, match text): title and text with teencode and official abbreviations
    expanded ("ko" → "không", "GPMB" → "Giải phóng mặt bằng"), and its folded form."""
    analysis = expand_abbreviations(expand_teencode(f"{title}. {text}" if title else text))
    return analysis, fold(analysis)
