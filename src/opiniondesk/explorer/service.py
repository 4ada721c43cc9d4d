"""What the explorer pages ask for: a page of search results, one document in full.

Scope comes first: a reader only ever reaches documents inside the units `scope_for` grants,
and a document outside them is reported as missing (404), so its existence is not revealed.
Authors are never shown, listed or filtered on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from opiniondesk.accounts.principal import UnitScope
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.errors import InputError, NotFoundError
from opiniondesk.explorer import repository
from opiniondesk.explorer.index import ensure_index
from opiniondesk.explorer.repository import DocumentFilters, FoundDocument
from opiniondesk.explorer.search import (
    SearchQuery,
    fts5_expression,
    parse_query,
    tsquery_expression,
)
from opiniondesk.explorer.snippets import Piece, snippet
from opiniondesk.storage.models import Annotation

PAGE_SIZE = 25
MAX_PAGE = 400  # 10,000 results: past that a reader should narrow the search


@dataclass(frozen=True, slots=True)
class Hit:
    document: FoundDocument
    excerpt: list[Piece]
    place: str


@dataclass(frozen=True, slots=True)
class ResultPage:
    hits: list[Hit]
    total: int
    page: int
    pages: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: FoundDocument
    channel: str
    place: str
    annotations: list[Annotation]
    original_id: int  # the first of its near-duplicate group (itself when it is the original)
    reposts: int  # near-duplicates of the original
    original_visible: bool


def local_day_bounds(since: date | None, until: date | None) -> tuple[datetime | None, ...]:
    """Local (Vietnam) calendar days as UTC instants: [since 00:00, the day after until)."""
    start = datetime.combine(since, time(), LOCAL_TZ) if since else None
    end = datetime.combine(until + timedelta(days=1), time(), LOCAL_TZ) if until else None
    return start, end


def search(
    session: Session,
    *,
    text: str,
    filters: DocumentFilters,
    scope: UnitScope,
    page: int = 1,
) -> ResultPage:
    """One page of results for `text` (see `explorer.search` for the syntax)."""
    if not 1 <= page <= MAX_PAGE:
        raise InputError(
            f"Trang phải từ 1 đến {MAX_PAGE}. / The page must be between 1 and {MAX_PAGE}."
        )
    query = parse_query(text)
    ensure_index(session.get_bind().engine)
    found, total = repository.search_documents(
        session,
        match=_match(session, query),
        filters=filters,
        scope=scope,
        offset=(page - 1) * PAGE_SIZE,
        limit=PAGE_SIZE,
    )
    names = repository.unit_names(
        session, {d.province_code for d in found} | {d.commune_code for d in found}
    )
    hits = [Hit(d, snippet(_full_text(d), query.words), _place(d, names)) for d in found]
    return ResultPage(hits, total, page, max(1, -(-total // PAGE_SIZE)))


def _match(session: Session, query: SearchQuery) -> str | None:
    if query.is_empty:
        return None
    if session.get_bind().dialect.name == "sqlite":
        return fts5_expression(query)
    return tsquery_expression(query)


def _full_text(document: FoundDocument) -> str:
    return f"{document.title}\n{document.text}" if document.title else document.text


def _place(document: FoundDocument, names: dict[str, str]) -> str:
    parts = [names.get(code, code) for code in (document.commune_code, document.province_code)]
    return ", ".join(p for p in parts if p)


def document_view(session: Session, document_id: int, scope: UnitScope) -> DocumentView:
    """One document with every annotation, or NotFoundError when missing or out of scope."""
    document = repository.get_document(session, document_id)
    if document is None or not scope.allows(document.province_code, document.commune_code):
        raise NotFoundError(
            f"Không có tài liệu số {document_id} trong phạm vi của bạn. / "
            f"No document {document_id} within your units."
        )
    original_id = document.duplicate_of_id or document.id
    original = repository.get_document(session, original_id)
    visible = original is not None and scope.allows(original.province_code, original.commune_code)
    names = repository.unit_names(session, {document.province_code, document.commune_code})
    return DocumentView(
        document=document,
        channel=repository.channel_name(session, document.id),
        place=_place(document, names),
        annotations=list(repository.annotations_of(session, document.id)),
        original_id=original_id,
        reposts=repository.repost_count(session, original_id),
        original_visible=visible,
    )
