"""SQL for the aggregate figures the CLI prints (documents, duplicates, breakdowns)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from opiniondesk.analysis.rollups import TOTAL
from opiniondesk.storage.dialect import insert_for
from opiniondesk.storage.models import Document, Rollup, Topic


def count_documents(session: Session, *, duplicates: bool) -> int:
    condition = (
        Document.duplicate_of_id.is_not(None) if duplicates else Document.duplicate_of_id.is_(None)
    )
    return int(session.scalar(select(func.count()).select_from(Document).where(condition)) or 0)


def rollup_breakdown(session: Session, column: str, *, topics: bool = False) -> dict[str, int]:
    """Sum of rollup counts grouped by one dimension (totals, or per-topic cells)."""
    col = getattr(Rollup, column)
    condition = Rollup.topic_code != TOTAL if topics else Rollup.topic_code == TOTAL
    rows = session.execute(select(col, func.sum(Rollup.count)).where(condition).group_by(col))
    return {str(key): int(n) for key, n in rows}


def upsert_topics(session: Session, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    stmt = insert_for(session, Topic)
    stmt = stmt.on_conflict_do_update(
        index_elements=["code"],
        set_={
            "parent_code": stmt.excluded.parent_code,
            "label_vi": stmt.excluded.label_vi,
            "label_en": stmt.excluded.label_en,
            "query": stmt.excluded.query,
            "active": stmt.excluded.active,
        },
    )
    session.execute(stmt, rows)
