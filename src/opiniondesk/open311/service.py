"""Open311 GeoReport v2 over the desk: services from the topic taxonomy, a citizen's request
stored as a feedback document through the pipeline (redacted before storage), its contact
details kept apart, its status derived from the case an analyst opens for it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker
from starlette.requests import HTTPConnection

from opiniondesk.accounts import audit
from opiniondesk.accounts.principal import Principal
from opiniondesk.analysis.taxonomy import Taxonomy
from opiniondesk.cases import access as case_access
from opiniondesk.cases import repository as cases_repo
from opiniondesk.cases import service as cases
from opiniondesk.cases.deadlines import VIETNAM
from opiniondesk.cases.public import published_case
from opiniondesk.cases.service import CaseView
from opiniondesk.cases.state import CaseStatus
from opiniondesk.config import Settings
from opiniondesk.errors import DeskError
from opiniondesk.ingest.raw import RawItem
from opiniondesk.open311 import repository as repo
from opiniondesk.open311.models import RequesterContact, ServiceRequest
from opiniondesk.open311.schemas import ServicePublic, ServiceRequestPublic
from opiniondesk.open311.settings import Open311Settings
from opiniondesk.pipeline.ingestion import Ingestor
from opiniondesk.storage.models import ChannelKind, Document
from opiniondesk.text.pii import redact

MAX_REQUESTS = 1000  # the specification's ceiling for one GET
DEFAULT_WINDOW = timedelta(days=90)  # the specification's default date range
MAX_DESCRIPTION = 4000
CLOSED_STATUSES = frozenset({CaseStatus.published, CaseStatus.closed})
_QUOTED = re.compile(r'"([^"]+)"')


class Open311Error(DeskError):
    """An error answered in the specification's format, `[{"code", "description"}]`."""

    status = 400


# ---- services ------------------------------------------------------------------------------


def services(taxonomy: Taxonomy) -> list[ServicePublic]:
    """One service per active topic; keywords are the phrases of its boolean query."""
    found = []
    for topic in taxonomy:
        if not topic.active:
            continue
        keywords = _QUOTED.findall(topic.query_source or "")
        found.append(
            ServicePublic(
                service_code=topic.code,
                service_name=topic.label_vi,
                description=f"{topic.label_vi} / {topic.label_en}",
                keywords=", ".join(dict.fromkeys(keywords)),
                group=taxonomy.label(topic.parent, "vi") if topic.parent else topic.label_vi,
            )
        )
    return found


# ---- submitting ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Submission:
    """A POST as the client sent it (form fields of the specification)."""

    service_code: str
    description: str
    lat: float | None = None
    long: float | None = None
    address_string: str = ""
    address_id: str = ""
    zipcode: str = ""
    media_url: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    phone: str = ""


def check_submission(item: Submission, taxonomy: Taxonomy) -> None:
    """Refuse what cannot become a request, saying which field and what to send instead."""
    if item.service_code not in taxonomy or not taxonomy.get(item.service_code).active:
        raise Open311Error(
            f"service_code “{item.service_code[:80]}” không có; xem services.json. / "
            f"Unknown service_code “{item.service_code[:80]}”; see services.json."
        )
    text = item.description.strip()
    if not text or len(text) > MAX_DESCRIPTION:
        raise Open311Error(
            f"description cần 1–{MAX_DESCRIPTION} ký tự. / description needs 1–{MAX_DESCRIPTION} "
            "characters."
        )
    has_point = item.lat is not None and item.long is not None
    if not (has_point or item.address_string.strip() or item.address_id.strip()):
        raise Open311Error(
            "Cần vị trí: lat và long, address_string hoặc address_id. / A location is required: "
            "lat and long, address_string or address_id."
        )
    if has_point and not (-90 <= (item.lat or 0) <= 90 and -180 <= (item.long or 0) <= 180):
        raise Open311Error("lat/long ngoài phạm vi. / lat/long out of range.")


def _store_document(
    item: Submission, settings: Settings, sessions: sessionmaker[Session], channel: str
) -> str:
    """Run the description through the pipeline (redaction, places, topics); returns the
    external id the document was stored under. Commits its own transaction, as ingest does."""
    external_id = f"open311-{uuid.uuid4().hex}"
    raw = RawItem(
        text=item.description.strip(),
        source="open311",
        line=1,
        published_at=datetime.now(VIETNAM),
        external_id=external_id,
        location=item.address_string.strip() or None,
    )
    in_process = settings.model_copy(update={"pipeline_workers": 0})  # no pool for one item
    with Ingestor(in_process, sessions) as ingestor:
        report = ingestor.ingest(
            [raw], kind=ChannelKind.feedback, channel_name=channel, source="open311"
        )
    if report.errors:
        raise Open311Error(f"description: {report.errors[0].reason}")
    return external_id


def submit(
    item: Submission,
    *,
    settings: Settings,
    open311: Open311Settings,
    sessions: sessionmaker[Session],
    actor: Principal | None,
    now: datetime,
    request: HTTPConnection | None = None,
) -> ServiceRequest:
    """Store a checked submission: the document first (the pipeline commits it), then in one
    transaction the request, the contact details apart, and the audit event."""
    external_id = _store_document(item, settings, sessions, open311.channel_name)
    with sessions.begin() as session:
        document = repo.document_by_external_id(
            session, channel_name=open311.channel_name, external_id=external_id
        )
        if document is None:  # the pipeline kept nothing: say so rather than lose it quietly
            raise Open311Error("description: không lưu được. / could not be stored.", status=500)
        row = repo.add_request(
            session,
            ServiceRequest(
                document_id=document.id,
                service_code=item.service_code,
                address=redact(item.address_string.strip(), names=False).text[:1000],
                address_id=item.address_id.strip()[:120],
                zipcode=item.zipcode.strip()[:20],
                lat=item.lat,
                long=item.long,
                media_url=item.media_url.strip()[:2000],
                requested_at=now,
                updated_at=now,
            ),
        )
        contact = [item.email, item.first_name, item.last_name, item.phone]
        if any(value.strip() for value in contact):
            repo.add_contact(
                session,
                RequesterContact(
                    request_id=row.id,
                    email=item.email.strip()[:320],
                    first_name=item.first_name.strip()[:200],
                    last_name=item.last_name.strip()[:200],
                    phone=item.phone.strip()[:40],
                    retain_until=now + timedelta(days=open311.contact_retention_days),
                ),
            )
        audit.record(
            session,
            actor=actor,
            action="open311.request",
            object_type="open311_request",
            object_id=row.id,
            request=request,
            details={"service_code": item.service_code, "document_id": document.id},
        )
        session.expunge(row)
    return row


def submissions_from(session: Session, *, ip: str, since: datetime) -> int:
    """Requests submitted from address `ip` since `since` (what a per-visitor limit counts)."""
    return repo.requests_from_address(session, ip=ip, since=since)


# ---- reading -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestQuery:
    ids: Collection[int] | None = None
    service_code: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    statuses: frozenset[str] = frozenset()


def _w3c(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")


def _end_of_day(day: date) -> str:
    return _w3c(datetime.combine(day, time(23, 59, 59), VIETNAM))


def _public(
    session: Session,
    row: ServiceRequest,
    document: Document,
    view: CaseView | None,
    taxonomy: Taxonomy,
    agency_names: dict[int, str],
    min_group_size: int,
) -> ServiceRequestPublic:
    status, notes, agencies, expected = "open", None, None, None
    updated = row.updated_at
    if view is not None:
        state = view.state
        if state.status in CLOSED_STATUSES:
            status = "closed"
        if state.status is CaseStatus.published:
            answer = published_case(session, view.case.id, min_group_size=min_group_size)
            notes = "\n\n".join([answer.summary, *(a.text for a in answer.answers)]).strip()
        elif state.status is CaseStatus.closed:
            notes = state.close_reason or None
        names = [agency_names.get(a.agency_id, "") for a in state.assignments]
        agencies = "; ".join(name for name in names if name) or None
        waiting = [a.deadline for a in state.open_assignments()]
        expected = _end_of_day(max(waiting)) if waiting else None
        if state.last_event_at is not None and state.last_event_at > updated:
            updated = state.last_event_at
    name = taxonomy.label(row.service_code, "vi") if row.service_code in taxonomy else ""
    return ServiceRequestPublic(
        service_request_id=str(row.id),
        status=status,
        status_notes=notes,
        service_name=name,
        service_code=row.service_code,
        description=document.text,
        agency_responsible=agencies,
        service_notice=None,
        requested_datetime=_w3c(row.requested_at),
        updated_datetime=_w3c(updated),
        expected_datetime=expected,
        address=row.address or None,
        address_id=row.address_id or None,
        zipcode=row.zipcode or None,
        lat=row.lat,
        long=row.long,
        media_url=row.media_url or None,
    )


def find_requests(
    session: Session,
    query: RequestQuery,
    *,
    taxonomy: Taxonomy,
    now: datetime,
    min_group_size: int,
) -> list[ServiceRequestPublic]:
    """Requests newest first, at most MAX_REQUESTS. Given ids, the other filters are ignored
    (as the specification says); otherwise the window defaults to the last 90 days."""
    start, end = query.start, query.end
    if query.ids is None:
        if end is None:
            end = start + DEFAULT_WINDOW if start is not None else now
        if start is None:
            start = end - DEFAULT_WINDOW
    rows = repo.requests_with_documents(
        session,
        ids=query.ids,
        service_code=query.service_code if query.ids is None else None,
        since=start if query.ids is None else None,
        until=end if query.ids is None else None,
        limit=MAX_REQUESTS,
    )
    views = _case_views(session, [r.case_id for r, _ in rows if r.case_id is not None])
    names = {agency.id: agency.name for agency in cases_repo.agencies(session)}
    found = [
        _public(session, r, d, views.get(r.case_id or 0), taxonomy, names, min_group_size)
        for r, d in rows
    ]
    if query.statuses and query.ids is None:
        found = [item for item in found if item.status in query.statuses]
    return found


def _case_views(session: Session, case_ids: list[int]) -> dict[int, CaseView]:
    if not case_ids:
        return {}
    rows = cases_repo.cases_by_ids(session, case_ids)
    return {view.case.id: view for view in cases.views_of(session, rows)}


# ---- accepting as a case -------------------------------------------------------------------


def accept(
    session: Session,
    *,
    request_id: int,
    title: str,
    unit_code: str | None,
    priority: str,
    actor: Principal,
    now: datetime,
    request: HTTPConnection | None = None,
) -> int:
    """Open a case for a citizen's request (its document as evidence); returns the case id.
    From then on the request's status follows the case."""
    row = repo.lock_request(session, request_id)
    found = repo.request_with_document(session, request_id) if row is not None else None
    if row is None or found is None:
        raise DeskError(
            f"Không có yêu cầu số {request_id}. / No service request {request_id}.", status=404
        )
    if row.case_id is not None:
        raise DeskError(
            f"Yêu cầu {request_id} đã thành vấn đề #{row.case_id}. / Request {request_id} is "
            f"already case #{row.case_id}.",
            status=409,
        )
    document = found[1]
    unit = (unit_code or "").strip() or document.commune_code or document.province_code
    if not unit:
        raise DeskError(
            "Chưa rõ đơn vị của yêu cầu; gửi unit_code. / The request's unit is unknown; send "
            "unit_code.",
            status=422,
        )
    case_access.check_open(actor, cases.case_unit(unit).code)
    topic = row.service_code if cases_repo.topic_exists(session, row.service_code) else ""
    case = cases.open_case(
        session,
        title=title,
        summary=document.text[:2000],
        unit_code=unit,
        topic_code=topic,
        priority=priority,
        document_ids=[document.id],
        now=now,
        actor=actor,
        request=request,
    )
    row.case_id, row.updated_at = case.id, now
    audit.record(
        session,
        actor=actor,
        action="open311.accept",
        object_type="open311_request",
        object_id=row.id,
        request=request,
        details={"case_id": case.id},
    )
    return case.id


# ---- retention -----------------------------------------------------------------------------


def purge_expired_contacts(session: Session, *, now: datetime) -> int:
    """Delete citizens' contact details past their retention date (the request and its
    redacted document stay); returns how many were deleted."""
    return repo.purge_contacts(session, now)
