"""Request and response bodies of /api/v1 (XBase / XCreate / XPublic). No schema has a field
for an author: documents are shown without `author_key`, cases without the people who acted."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="mã máy đọc / machine-readable code, e.g. not_found")
    status: int = Field(description="mã HTTP / HTTP status")
    message: str = Field(description="thông báo song ngữ / bilingual message")


class ErrorBody(BaseModel):
    error: ErrorDetail


class PageMeta(BaseModel):
    total: int
    limit: int
    offset: int


# ---- documents -----------------------------------------------------------------------------


class AnnotationPublic(BaseModel):
    kind: str
    value: str
    score: float
    source: str = Field(description="rule:…, lexicon, gazetteer, model:…, analyst")
    explanation: str


class DocumentBase(BaseModel):
    title: str | None
    text: str = Field(description="văn bản đã che thông tin cá nhân / PII-redacted text")
    language: str
    published_at: datetime
    url: str | None


class DocumentPublic(DocumentBase):
    id: int
    channel_kind: str
    channel_name: str
    province_code: str
    commune_code: str
    sentiment: str
    topics: list[str]
    duplicate_of_id: int | None


class DocumentDetail(DocumentPublic):
    annotations: list[AnnotationPublic]


class DocumentPage(BaseModel):
    page: PageMeta
    items: list[DocumentPublic]


class LabelCreate(BaseModel):
    task: str = Field(description="topic | sentiment", max_length=40)
    value: str = Field(description="nhãn đúng / the right label", max_length=200)


class LabelPublic(BaseModel):
    document_id: int
    task: str
    value: str
    previous: list[str]
    cells_moved: int


# ---- alerts --------------------------------------------------------------------------------


class AlertPublic(BaseModel):
    id: int
    topic_code: str
    province_code: str
    commune_code: str
    window_start: date
    window_end: date
    detected_on: date
    observed: int
    expected: float
    probability: float
    score: float
    method: str
    status: str
    evidence_document_ids: list[int]


class AlertPage(BaseModel):
    page: PageMeta
    items: list[AlertPublic]


class AlertUpdate(BaseModel):
    status: str = Field(description="new | acknowledged | closed")


# ---- cases ---------------------------------------------------------------------------------


class AssignmentPublic(BaseModel):
    agency_id: int
    agency_name: str
    assigned_at: datetime
    deadline: date
    answered_at: datetime | None
    answer: str | None
    overdue: bool


class CaseBase(BaseModel):
    title: str = Field(max_length=500)
    summary: str = Field(default="", max_length=20_000)
    topic_code: str = Field(default="", max_length=80)
    priority: str = Field(default="normal", max_length=16)


class CaseCreate(CaseBase):
    unit_code: str = Field(max_length=16, description="mã xã/phường hoặc tỉnh / unit code")
    document_ids: list[int] = Field(default_factory=list, max_length=500)
    alert_id: int | None = None
    proposed_agency_ids: list[int] = Field(default_factory=list, max_length=50)


class CasePublic(CaseBase):
    id: int
    unit_code: str
    province_code: str
    status: str
    created_at: datetime
    published_at: datetime | None
    closed_at: datetime | None


class CaseDetail(CasePublic):
    assignments: list[AssignmentPublic]
    evidence_document_ids: list[int]
    alert_ids: list[int]
    events: list[str] = Field(description="các bước theo thứ tự / event kinds in order")


class CasePage(BaseModel):
    page: PageMeta
    items: list[CasePublic]


class AssignCreate(BaseModel):
    agency_id: int
    working_days: int | None = Field(default=None, ge=1, le=3660)


class AnswerCreate(BaseModel):
    agency_id: int
    text: str = Field(max_length=20_000)


class ApproveCreate(BaseModel):
    agency_ids: list[int] = Field(min_length=1, max_length=50)
    title: str | None = Field(default=None, max_length=500)
    summary: str = Field(default="", max_length=20_000)


class CloseCreate(BaseModel):
    reason: str = Field(default="", max_length=20_000)


# ---- reference data and figures ------------------------------------------------------------


class TopicPublic(BaseModel):
    code: str
    parent_code: str | None
    label_vi: str
    label_en: str
    active: bool


class UnitPublic(BaseModel):
    code: str
    level: str
    name: str
    short_name: str
    province_code: str
    province_name: str


class StatsPublic(BaseModel):
    documents: int
    duplicates: int
    by_channel: dict[str, int | None] = Field(description="null: dưới ngưỡng / below threshold")
    by_topic: dict[str, int | None]
    by_province: dict[str, int | None]
    by_sentiment: dict[str, int | None]
    min_group_size: int
