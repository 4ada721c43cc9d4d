"""GeoReport v2 bodies, with the specification's field names exactly (including `long`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ServicePublic(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool = False
    type: str = "realtime"
    keywords: str
    group: str


class ServiceRequestPublic(BaseModel):
    service_request_id: str
    status: str = Field(description="open | closed")
    status_notes: str | None
    service_name: str
    service_code: str
    description: str
    agency_responsible: str | None
    service_notice: str | None
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str | None
    address_id: str | None
    zipcode: str | None
    lat: float | None
    long: float | None
    media_url: str | None


class ServiceRequestCreated(BaseModel):
    service_request_id: str
    service_notice: str | None
    account_id: str | None = None


class Open311Error(BaseModel):
    code: int
    description: str


class Endpoint(BaseModel):
    specification: str
    url: str
    changeset: str
    type: str
    formats: list[str]


class Discovery(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    changeset: str
    contact: str
    key_service: str
    endpoints: list[Endpoint]


class AcceptCreate(BaseModel):
    """An analyst accepts a citizen's request as a case."""

    title: str = Field(max_length=500)
    unit_code: str | None = Field(
        default=None,
        max_length=16,
        description="mặc định: nơi đã nhận ra / default: the place found",
    )
    priority: str = Field(default="normal", max_length=16)


class AcceptedPublic(BaseModel):
    service_request_id: str
    case_id: int
