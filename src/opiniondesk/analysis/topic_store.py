"""Keep the topic table in step with the office's taxonomy file."""

from __future__ import annotations

from sqlalchemy.orm import Session

from opiniondesk.analysis import repository
from opiniondesk.analysis.taxonomy import Taxonomy
from opiniondesk.pipeline.stages.topics import OTHER


def sync_topics(session: Session, taxonomy: Taxonomy) -> int:
    rows: list[dict[str, object]] = [
        {
            "code": t.code,
            "parent_code": t.parent,
            "label_vi": t.label_vi,
            "label_en": t.label_en,
            "query": t.query_source,
            "active": t.active,
        }
        for t in taxonomy.topics
    ]
    rows.append(
        {
            "code": OTHER,
            "parent_code": None,
            "label_vi": "Khác",
            "label_en": "Other",
            "query": None,
            "active": True,
        }
    )
    repository.upsert_topics(session, rows)
    return len(rows)
