"""/api/v1/documents: the explorer's list and detail, and analysts' label corrections.

Only the caller's units are visible; a document outside them answers 404 (no probing). With `q`
the explorer's full-text search ranks the results (its fixed page size applies)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action, can, require, scope_for
from opiniondesk.accounts.principal import Principal, UnitScope
from opiniondesk.analysis.classifiers.corrections import correct_label
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.api import repository as repo
from opiniondesk.api.errors import ApiRoute
from opiniondesk.api.pagination import PageDep, PageRequest
from opiniondesk.api.schemas import (
    AnnotationPublic,
    DocumentDetail,
    DocumentPage,
    DocumentPublic,
    LabelCreate,
    LabelPublic,
    PageMeta,
)
from opiniondesk.errors import DeskError, NotFoundError
from opiniondesk.explorer import service as explorer
from opiniondesk.explorer.repository import DocumentFilters as ExplorerFilters
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.storage.models import Channel, ChannelKind, Document
from opiniondesk.web.deps import SessionDep, SettingsDep

router = APIRouter(tags=["documents"], route_class=ApiRoute)

Reader = Annotated[Principal, require(Action.documents_view)]
Corrector = Annotated[Principal, require(Action.labels_correct)]
Code = Annotated[str | None, Query(max_length=16, pattern=r"^[0-9A-Za-z]+$")]


def _start(day: date | None) -> datetime | None:
    return datetime.combine(day, time(), LOCAL_TZ) if day else None


def _public(doc: Document, channel: Channel, topics: list[str]) -> DocumentPublic:
    return DocumentPublic(
        id=doc.id,
        title=doc.title,
        text=doc.text,
        language=doc.language,
        published_at=doc.published_at,
        url=doc.url,
        channel_kind=channel.kind,
        channel_name=channel.name,
        province_code=doc.province_code,
        commune_code=doc.commune_code,
        sentiment=doc.sentiment,
        topics=topics,
        duplicate_of_id=doc.duplicate_of_id,
    )


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    reader: Reader,
    session: SessionDep,
    page: PageDep,
    province: Code = None,
    commune: Code = None,
    channel: ChannelKind | None = None,
    topic: Annotated[str | None, Query(max_length=80)] = None,
    sentiment: Annotated[str | None, Query(max_length=16)] = None,
    since: Annotated[
        date | None, Query(description="từ ngày (giờ Việt Nam) / from (Vietnam day)")
    ] = None,
    until: Annotated[date | None, Query(description="đến hết ngày / through (Vietnam day)")] = None,
    duplicates: Annotated[bool, Query(description="gồm bản đăng lại / include reposts")] = False,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="tìm toàn văn, không cần dấu / full-text search, diacritics optional",
        ),
    ] = None,
) -> DocumentPage:
    """Tài liệu trong đơn vị của bạn, mới nhất trước (hoặc khớp nhất khi có `q`) / Documents of
    your units, newest first (best match first with `q`; then pages have 25 rows)."""
    scope = scope_for(reader, Action.documents_view)
    if q and q.strip():
        return _search(
            session,
            scope,
            q,
            page,
            ExplorerFilters(
                since=_start(since),
                until=_start(until + timedelta(days=1)) if until else None,
                province=province or "",
                commune=commune or "",
                topic=topic or "",
                sentiment=sentiment or "",
                channel_kind=channel.value if channel else "",
                show_duplicates=duplicates,
            ),
        )
    filters = repo.DocumentFilters(
        province=province,
        commune=commune,
        channel_kind=channel.value if channel else None,
        topic=topic,
        sentiment=sentiment,
        since=_start(since),
        until=_start(until + timedelta(days=1)) if until else None,
        include_duplicates=duplicates,
    )
    rows = repo.list_documents(session, scope, filters, limit=page.limit, offset=page.offset)
    topics = repo.topics_of(session, [doc.id for doc, _ in rows])
    return DocumentPage(
        page=PageMeta(
            total=repo.count_documents(session, scope, filters),
            limit=page.limit,
            offset=page.offset,
        ),
        items=[_public(doc, channel, topics.get(doc.id, [])) for doc, channel in rows],
    )


def _search(
    session: Session, scope: UnitScope, q: str, page: PageRequest, filters: ExplorerFilters
) -> DocumentPage:
    number = page.offset // explorer.PAGE_SIZE + 1
    found = explorer.search(session, text=q, filters=filters, scope=scope, page=number)
    rows = repo.documents_by_ids(session, scope, [hit.document.id for hit in found.hits])
    topics = repo.topics_of(session, [doc.id for doc, _ in rows])
    return DocumentPage(
        page=PageMeta(
            total=found.total,
            limit=explorer.PAGE_SIZE,
            offset=(number - 1) * explorer.PAGE_SIZE,
        ),
        items=[_public(doc, channel, topics.get(doc.id, [])) for doc, channel in rows],
    )


def _not_found(document_id: int) -> NotFoundError:
    return NotFoundError(
        f"Không có tài liệu số {document_id}. / No document with id {document_id}."
    )


@router.get("/documents/{document_id}", response_model=DocumentDetail)
def get_document(document_id: int, reader: Reader, session: SessionDep) -> DocumentDetail:
    """Một tài liệu với mọi nhãn và lời giải thích / One document with every label and why."""
    found = repo.document_in_scope(session, scope_for(reader, Action.documents_view), document_id)
    if found is None:
        raise _not_found(document_id)
    doc, channel = found
    annotations = repo.annotations_of(session, doc.id)
    topics = sorted({a.value for a in annotations if a.kind == "topic"})
    return DocumentDetail(
        **_public(doc, channel, topics).model_dump(),
        annotations=[
            AnnotationPublic(
                kind=a.kind,
                value=a.value,
                score=a.score,
                source=a.source,
                explanation=a.explanation,
            )
            for a in annotations
        ],
    )


@router.post("/documents/{document_id}/labels", response_model=LabelPublic, status_code=201)
def correct_document_label(
    document_id: int,
    body: LabelCreate,
    request: Request,
    corrector: Corrector,
    session: SessionDep,
    settings: SettingsDep,
) -> LabelPublic:
    """Chuyên viên sửa nhãn (dùng để huấn luyện) / An analyst corrects a label (trains models)."""
    found = repo.document_in_scope(
        session, scope_for(corrector, Action.labels_correct), document_id
    )
    if found is None:
        raise _not_found(document_id)
    doc = found[0]
    if not can(corrector, Action.labels_correct, doc.commune_code or doc.province_code or None):
        raise DeskError(
            f"Bạn không được sửa nhãn tài liệu số {document_id}. / You may not correct the "
            f"labels of document {document_id}.",
            status=403,
        )
    done = correct_label(
        session,
        document_id=doc.id,
        task=body.task,
        value=body.value,
        taxonomy=taxonomy_for(settings),
    )
    audit.record(
        session,
        actor=corrector,
        action="document.label",
        object_type="document",
        object_id=doc.id,
        request=request,
        details={"task": done.task, "value": done.value, "previous": done.previous},
    )
    return LabelPublic(
        document_id=done.document_id,
        task=done.task,
        value=done.value,
        previous=done.previous,
        cells_moved=done.cells_moved,
    )
