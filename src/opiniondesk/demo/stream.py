"""The demo's content model as a fast stream of RawItems, for benchmarks of 10⁴–10⁶ documents."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date

from opiniondesk.demo.channels import CHANNEL_BY_KIND
from opiniondesk.demo.compose import COMMENT, POST
from opiniondesk.demo.model import DocumentSampler
from opiniondesk.ingest.raw import RawItem
from opiniondesk.storage.models import ChannelKind

STREAM_END = date(2026, 6, 30)  # fixed, so a seed always gives the same items


def iter_synthetic_items(
    n: int, *, seed: int, end: date = STREAM_END, months: int = 12
) -> Iterator[RawItem]:
    """`n` RawItems drawn from the demo content model, in generation order (not time order).

    `source` is "synthetic:<channel kind>", `extra["channel_kind"]` the kind; comments on the
    page channel point at the latest post through `parent_external_id`.
    """
    sampler = DocumentSampler(random.Random(seed), end=end, months=months)
    page = ChannelKind.page_export
    last_post: str | None = None
    for line in range(1, n + 1):
        doc = sampler.next()
        kind = doc.kind
        external_id = f"{CHANNEL_BY_KIND[kind].id_prefix}-{line:07d}"
        parent = None
        if kind is page:
            if doc.role == POST or last_post is None:
                last_post = external_id
            elif doc.role == COMMENT:
                parent = last_post
        yield RawItem(
            text=doc.text,
            source=f"synthetic:{kind.value}",
            line=line,
            title=doc.title,
            published_at=doc.published_at.astimezone(UTC),
            external_id=external_id,
            author=doc.author,
            location=doc.location,
            parent_external_id=parent,
            extra={"channel_kind": kind.value},
        )
