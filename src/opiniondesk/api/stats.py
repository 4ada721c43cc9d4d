"""`opiniondesk stats` figures for an API reader: the whole desk for a national reader, only
their units otherwise; every breakdown small-cell suppressed either way."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.analysis.stats import UNKNOWN_PLACE, summary, suppress
from opiniondesk.api import repository as repo
from opiniondesk.geo.gazetteer import get_gazetteer


def stats_for(session: Session, scope: UnitScope, *, min_group_size: int) -> dict[str, Any]:
    if scope.everything:
        return summary(session, min_group_size=min_group_size)
    gazetteer = get_gazetteer()
    by_province: dict[str, int] = {}
    for code, n in repo.rollup_breakdown_in(session, scope, "province_code", topics=False).items():
        unit = gazetteer.province(code) if code else None
        name = unit.name if unit else UNKNOWN_PLACE
        by_province[name] = by_province.get(name, 0) + n
    sentiments = repo.rollup_breakdown_in(session, scope, "sentiment", topics=False)

    def breakdown(column: str, *, topics: bool = False) -> dict[str, int | None]:
        counts = repo.rollup_breakdown_in(session, scope, column, topics=topics)
        return suppress(counts, min_group_size)

    return {
        "documents": repo.count_documents_in(session, scope, duplicates=False),
        "duplicates": repo.count_documents_in(session, scope, duplicates=True),
        "by_channel": breakdown("channel_kind"),
        "by_topic": breakdown("topic_code", topics=True),
        "by_province": suppress(by_province, min_group_size),
        "by_sentiment": suppress(
            {k or "unknown": v for k, v in sentiments.items()}, min_group_size
        ),
        "min_group_size": min_group_size,
    }
