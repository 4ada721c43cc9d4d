"""Redact personal data before anything is stored; keep authors only as keyed pseudonyms."""

from __future__ import annotations

import hashlib

from opiniondesk.pipeline.base import Batch, WorkItem
from opiniondesk.pipeline.stages.normalise import analysis_forms
from opiniondesk.text.pii import redact
from opiniondesk.text.pseudonym import author_key


def content_hash(item: WorkItem) -> str:
    """Hash of the redacted text only: a hash of raw text could be brute-forced back to a phone."""
    payload = f"{item.title or ''}\x1f{item.text}".encode()
    return hashlib.sha256(payload).hexdigest()


class RedactStage:
    name = "redact"

    def __init__(self, secret_key: str) -> None:
        self.secret_key = secret_key

    def process(self, batch: Batch) -> Batch:
        for item in batch:
            if item.skip:
                continue
            result = redact(item.text)
            item.text = result.text
            counts = dict(result.counts)
            if item.title:
                title = redact(item.title)
                item.title = title.text
                for kind, n in title.counts.items():
                    counts[kind] = counts.get(kind, 0) + n
            if item.location:
                item.location = redact(item.location).text
            item.redactions = counts
            if item.author:
                item.author_key = author_key(self.secret_key, item.channel_kind, item.author)
                item.author = None  # the handle itself never goes further
            item.analysis_text, item.match_text = analysis_forms(item.title, item.text)
            item.content_hash = content_hash(item)
        return batch
