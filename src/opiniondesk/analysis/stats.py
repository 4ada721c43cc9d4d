"""The aggregate summary behind `opiniondesk stats` (every breakdown small-cell suppressed)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.analysis import repository
from opiniondesk.geo.gazetteer import get_gazetteer

UNKNOWN_PLACE = "Chưa xác định"


def suppress(counts: dict[str, int], min_group_size: int) -> dict[str, int | None]:
    """Cells below the minimum group size become None: shown as '<N', never the number."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {key: (n if n >= min_group_size else None) for key, n in ordered}


def summary(session: Session, *, min_group_size: int) -> dict[str, Any]:
    gazetteer = get_gazetteer()
    by_province: dict[str, int] = {}
    for code, n in repository.rollup_breakdown(session, "province_code").items():
        unit = gazetteer.province(code) if code else None
        name = unit.name if unit else UNKNOWN_PLACE
        by_province[name] = by_province.get(name, 0) + n
    return {
        "documents": repository.count_documents(session, duplicates=False),
        "duplicates": repository.count_documents(session, duplicates=True),
        "by_channel": suppress(
            repository.rollup_breakdown(session, "channel_kind"), min_group_size
        ),
        "by_topic": suppress(
            repository.rollup_breakdown(session, "topic_code", topics=True), min_group_size
        ),
        "by_province": suppress(by_province, min_group_size),
        "by_sentiment": suppress(
            {
                k or "unknown": v
                for k, v in repository.rollup_breakdown(session, "sentiment").items()
            },
            min_group_size,
        ),
        "min_group_size": min_group_size,
    }
