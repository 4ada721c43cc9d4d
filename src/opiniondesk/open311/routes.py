"""/open311/v2/*.json (GeoReport v2) and the analyst's /api/v1/open311/requests/{id}/accept.

The GeoReport routes are public; a POST is authenticated by its `api_key` form field alone (an
API token of a role that may submit, or the configured public key), never by a cookie. Errors
are answered as the specification says: `[{"code": 400, "description": "…"}]`."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException
from starlette.responses import Response

from opiniondesk.accounts import tokens
from opiniondesk.accounts.access import Action, can, require
from opiniondesk.accounts.principal import Principal
from opiniondesk.api.errors import ERROR_RESPONSES, ApiRoute
from opiniondesk.errors import DeskError
from opiniondesk.open311 import service
from opiniondesk.open311.schemas import (
    AcceptCreate,
    AcceptedPublic,
    Discovery,
    Endpoint,
    Open311Error,
    ServicePublic,
    ServiceRequestCreated,
    ServiceRequestPublic,
)
from opiniondesk.open311.settings import Open311Settings
from opiniondesk.pipeline.build import taxonomy_for
from opiniondesk.storage.base import utcnow
from opiniondesk.web.deps import SessionDep, SettingsDep

SPEC_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": list[Open311Error], "description": "GeoReport v2 error"}
    for status in (400, 403, 404)
}
OPEN311_TAG = {
    "name": "open311",
    "description": "Open311 GeoReport v2: người dân gửi phản ánh, theo dõi trạng thái / "
    "citizens submit service requests and follow their status",
}
SUBMITTERS = (Action.field_reports_submit, Action.cases_open)  # roles that may file for citizens


class Open311Route(APIRoute):
    """Answers every error of the route in the GeoReport v2 format."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer_errors_per_spec(request: Request) -> Response:
            try:
                return await handler(request)
            except DeskError as error:
                return spec_error(error.status, error.message)
            except HTTPException as error:
                return spec_error(error.status_code, str(error.detail))
            except RequestValidationError as error:
                fields = ", ".join(".".join(map(str, e["loc"][1:])) for e in error.errors())
                return spec_error(400, f"Tham số không hợp lệ / invalid parameters: {fields}")

        return answer_errors_per_spec


def spec_error(status: int, description: str) -> JSONResponse:
    return JSONResponse([{"code": status, "description": description}], status_code=status)


router = APIRouter(
    prefix="/open311/v2",
    route_class=Open311Route,
    tags=["open311"],
    responses=SPEC_ERRORS,
    dependencies=[require(Action.public)],
)
api_router = APIRouter(
    prefix="/api/v1/open311", route_class=ApiRoute, tags=["open311"], responses=ERROR_RESPONSES
)


def open311_settings(request: Request) -> Open311Settings:
    """The app's Open311 settings (tests set `app.state.open311_settings`), else the
    environment's."""
    settings: Open311Settings | None = getattr(request.app.state, "open311_settings", None)
    return settings or Open311Settings()


@router.get("/discovery.json", response_model=Discovery)
def discovery(request: Request) -> Discovery:
    """Điểm truy cập Open311 / Where the Open311 endpoint is."""
    return Discovery(
        changeset="2026-11-26T00:00:00+07:00",
        contact="Liên hệ đơn vị quản lý / contact the desk's office",
        key_service="Xin api_key tại đơn vị quản lý / ask the office for an api_key",
        endpoints=[
            Endpoint(
                specification="http://wiki.open311.org/GeoReport_v2",
                url=str(request.base_url).rstrip("/") + "/open311/v2",
                changeset="2026-11-26T00:00:00+07:00",
                type="production",
                formats=["application/json"],
            )
        ],
    )


@router.get("/services.json", response_model=list[ServicePublic])
def list_services(settings: SettingsDep) -> list[ServicePublic]:
    """Loại phản ánh (theo cây chủ đề) / Service types (from the topic taxonomy)."""
    return service.services(taxonomy_for(settings))


def _when(value: str | None, field: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise service.Open311Error(
            f"{field} phải là ngày giờ W3C / must be a W3C datetime, e.g. 2026-11-01T00:00:00Z"
        ) from None
    if moment.tzinfo is None:
        raise service.Open311Error(f"{field} cần múi giờ / needs a time zone offset")
    return moment


def _ids(value: str) -> list[int]:
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not parts or not all(part.isdigit() and len(part) < 19 for part in parts):
        raise service.Open311Error(
            "service_request_id là danh sách số, cách nhau bởi dấu phẩy / must be comma-separated "
            "numbers"
        )
    return [int(part) for part in parts]


def _statuses(value: str | None) -> frozenset[str]:
    chosen = frozenset(part.strip() for part in (value or "").split(",") if part.strip())
    if chosen - {"open", "closed"}:
        raise service.Open311Error("status: open hoặc/or closed")
    return chosen


@router.get("/requests.json", response_model=list[ServiceRequestPublic])
def list_requests(
    session: SessionDep,
    settings: SettingsDep,
    service_request_id: Annotated[str | None, Query(max_length=2000)] = None,
    service_code: Annotated[str | None, Query(max_length=80)] = None,
    start_date: Annotated[str | None, Query(max_length=40)] = None,
    end_date: Annotated[str | None, Query(max_length=40)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
) -> list[ServiceRequestPublic]:
    """Yêu cầu của người dân (mặc định 90 ngày, tối đa 1000) / Citizens' requests (90 days by
    default, at most 1000). Không có thông tin liên hệ / Never any contact details."""
    query = service.RequestQuery(
        ids=_ids(service_request_id) if service_request_id else None,
        service_code=service_code or None,
        start=_when(start_date, "start_date"),
        end=_when(end_date, "end_date"),
        statuses=_statuses(status),
    )
    return service.find_requests(
        session,
        query,
        taxonomy=taxonomy_for(settings),
        now=utcnow(),
        min_group_size=settings.min_group_size,
    )


@router.get("/requests/{service_request_id}.json", response_model=list[ServiceRequestPublic])
def get_request(
    service_request_id: str, session: SessionDep, settings: SettingsDep
) -> list[ServiceRequestPublic]:
    """Một yêu cầu / One request."""
    found = service.find_requests(
        session,
        service.RequestQuery(ids=_ids(service_request_id)[:1]),
        taxonomy=taxonomy_for(settings),
        now=utcnow(),
        min_group_size=settings.min_group_size,
    )
    if not found:
        raise DeskError(
            f"Không có yêu cầu {service_request_id[:20]}. / No request {service_request_id[:20]}.",
            status=404,
        )
    return found


def _submitter(
    sessions: sessionmaker[Session], api_key: str, open311: Open311Settings
) -> Principal | None:
    """The person behind `api_key` (None for the public key); refuses any other key."""
    public = open311.public_key.get_secret_value()
    if public and hmac.compare_digest(api_key.encode(), public.encode()):
        return None
    with sessions.begin() as session:
        principal = tokens.principal_for_bearer(session, token=api_key, now=utcnow())
    if principal is None or not any(can(principal, action) for action in SUBMITTERS):
        raise DeskError("api_key không hợp lệ. / Invalid api_key.", status=403)
    return principal


def _number(value: str | None, field: str) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise service.Open311Error(f"{field} phải là số / must be a number") from None


Field = Annotated[str | None, Form(max_length=5000)]


@router.post("/requests.json", response_model=list[ServiceRequestCreated], status_code=201)
def create_request(
    request: Request,
    settings: SettingsDep,
    api_key: Field = None,
    service_code: Field = None,
    lat: Field = None,
    long: Field = None,
    address_string: Field = None,
    address_id: Field = None,
    zipcode: Field = None,
    description: Field = None,
    media_url: Field = None,
    email: Field = None,
    first_name: Field = None,
    last_name: Field = None,
    phone: Field = None,
) -> list[ServiceRequestCreated]:
    """Gửi phản ánh (form-encoded) / Submit a request (form-encoded). Văn bản được che thông
    tin cá nhân trước khi lưu; thông tin liên hệ lưu riêng, có hạn xoá / The text is redacted
    before storage; contact details are kept apart and deleted on schedule."""
    if not api_key:
        raise service.Open311Error("Thiếu api_key. / api_key is required.")
    open311 = open311_settings(request)
    sessions: sessionmaker[Session] = request.app.state.session_factory
    actor = _submitter(sessions, api_key, open311)
    item = service.Submission(
        service_code=(service_code or "").strip(),
        description=description or "",
        lat=_number(lat, "lat"),
        long=_number(long, "long"),
        address_string=address_string or "",
        address_id=address_id or "",
        zipcode=zipcode or "",
        media_url=media_url or "",
        email=email or "",
        first_name=first_name or "",
        last_name=last_name or "",
        phone=phone or "",
    )
    service.check_submission(item, taxonomy_for(settings))
    row = service.submit(
        item,
        settings=settings,
        open311=open311,
        sessions=sessions,
        actor=actor,
        now=utcnow(),
        request=request,
    )
    return [ServiceRequestCreated(service_request_id=str(row.id), service_notice=None)]


Accepter = Annotated[Principal, require(Action.cases_open)]


@api_router.post(
    "/requests/{service_request_id}/accept", response_model=AcceptedPublic, status_code=201
)
def accept_request(
    service_request_id: int,
    body: AcceptCreate,
    request: Request,
    accepter: Accepter,
    session: SessionDep,
) -> AcceptedPublic:
    """Nhận yêu cầu thành vấn đề / Accept a citizen's request as a case (its status then
    follows the case)."""
    case_id = service.accept(
        session,
        request_id=service_request_id,
        title=body.title,
        unit_code=body.unit_code,
        priority=body.priority,
        actor=accepter,
        now=utcnow(),
        request=request,
    )
    return AcceptedPublic(service_request_id=str(service_request_id), case_id=case_id)
