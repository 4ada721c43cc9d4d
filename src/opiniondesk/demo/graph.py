"""The office's page export in the shape of the Facebook Graph API (posts with comments)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from opiniondesk.demo.compose import POST
from opiniondesk.demo.model import DemoDocument

PAGE_ID = "104729583610042"
_POST_BASE = 122_100_000_000_000_000
_COMMENT_BASE = 987_600_000_000_000


@dataclass(slots=True)
class PageThread:
    post: DemoDocument
    post_num: int
    created: datetime
    comments: list[DemoDocument] = field(default_factory=list)

    @property
    def post_id(self) -> str:
        return f"{PAGE_ID}_{self.post_num}"

    @property
    def permalink(self) -> str:
        return f"https://www.facebook.com/{PAGE_ID}/posts/{self.post_num}"


def thread_page(docs: Sequence[DemoDocument]) -> list[PageThread]:
    """Attach each comment to the latest post before it (docs sorted by time).

    Comments older than the first post go under it and the post is dated just before them;
    with no post at all, the earliest document becomes one.
    """
    threads: list[PageThread] = []
    orphans: list[DemoDocument] = []
    for doc in docs:
        if doc.role == POST:
            threads.append(PageThread(doc, _POST_BASE + 7919 * len(threads), doc.published_at))
        elif threads:
            threads[-1].comments.append(doc)
        else:
            orphans.append(doc)
    if orphans and not threads:
        threads.append(PageThread(orphans[0], _POST_BASE, orphans[0].published_at))
        orphans = orphans[1:]
    if orphans:
        first = threads[0]
        first.created = min(first.created, orphans[0].published_at - timedelta(minutes=10))
        first.comments[:0] = orphans
    return threads


def _graph_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _cursor(value: str) -> str:
    return base64.b64encode(value.encode()).decode().rstrip("=")


def _user_id(name: str) -> str:
    digest = hashlib.blake2b(name.encode(), digest_size=7).digest()
    return str(100_000_000_000_000 + int.from_bytes(digest, "big") % 10**14)


def graph_export(threads: Sequence[PageThread]) -> dict[str, Any]:
    """`{"data": [post...], "paging": ...}`, newest post first, comments oldest first."""
    data: list[dict[str, Any]] = []
    comment_num = 0
    for thread in threads:
        comments: list[dict[str, Any]] = [
            {
                "id": f"{thread.post_num}_{_COMMENT_BASE + 104_729 * num}",
                "message": doc.text,
                "created_time": _graph_time(doc.published_at),
                "from": {"id": _user_id(doc.author or "?"), "name": doc.author or ""},
            }
            for num, doc in enumerate(thread.comments, start=comment_num + 1)
        ]
        comment_num += len(thread.comments)
        post: dict[str, Any] = {
            "id": thread.post_id,
            "message": thread.post.text,
            "created_time": _graph_time(thread.created),
            "permalink_url": thread.permalink,
            "comments": {"data": comments},
        }
        if comments:
            post["comments"]["paging"] = {
                "cursors": {
                    "before": _cursor(comments[0]["id"]),
                    "after": _cursor(comments[-1]["id"]),
                }
            }
        data.append(post)
    data.reverse()
    if not data:
        return {"data": []}
    paging = {"cursors": {"before": _cursor(data[0]["id"]), "after": _cursor(data[-1]["id"])}}
    return {"data": data, "paging": paging}
