"""The JSON a device sends and what it gets back."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from opiniondesk.fieldwork.models import Concern, HeardAt, Mood, Spread


class FieldReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    instance_id: UUID
    topic: str = Field(min_length=1, max_length=200)
    unit_code: str = Field(min_length=1, max_length=16)
    mood: Mood
    concern: Concern
    spread: Spread
    heard_at: HeardAt
    summary: str = Field(min_length=1, max_length=10_000)
    suggested_action: str = Field(default="", max_length=5_000)
    duty_id: int | None = None  # the report duty this report answers, if any
    # an optional JPEG, PNG or WebP photo as base64 (see fieldwork/photos.py); its metadata is
    # removed before it is stored
    photo: str | None = Field(default=None, max_length=2_900_000)


class FieldReportPublic(BaseModel):
    id: int
    instance_id: str
    topic: str
    unit_code: str
    mood: Mood
    concern: Concern
    spread: Spread
    heard_at: HeardAt
    summary: str
    suggested_action: str
    submitted_at: datetime
    photo_url: str | None = None  # the cleaned photo, for viewers of field reports


class UnitChoice(BaseModel):
    code: str
    name: str
    province_name: str


class PiiCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=20_000)


class PiiFound(BaseModel):
    kinds: list[str]
    counts: dict[str, int]
