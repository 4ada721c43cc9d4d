"""Opening cases, agencies and leaders' inboxes, reading cases with their derived state, and
`record_event`, the one way an event is appended. Nothing here commits: the command, request
or task that calls it owns the transaction."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from opiniondesk.accounts import audit
from opiniondesk.accounts.principal import Principal, UnitScope
from opiniondesk.accounts.units import NATIONAL, ScopeUnit, province_of, resolve_unit
from opiniondesk.alerts.repository import get_alert
from opiniondesk.cases import repository as repo
from opiniondesk.cases.events import (
    CaseEventRecord,
    EventKind,
    Opened,
    Payload,
    agency_of,
    parse_payload,
    payload_json,
)
from opiniondesk.cases.holidays import HolidayCalendar
from opiniondesk.cases.models import Agency, Case, CaseEvent, CaseEvidence, Priority
from opiniondesk.cases.performance import AgencyRow, agency_table
from opiniondesk.cases.state import CaseConflict, CaseState, apply, dedupe_key, derive
from opiniondesk.errors import InputError, NotFoundError

_AGENCY_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}$")
MAX_EVIDENCE = 500


@dataclass(frozen=True)
class CaseView:
    case: Case
    state: CaseState
    events: list[CaseEvent]
    evidence: list[CaseEvidence] = field(default_factory=list)


@dataclass(frozen=True)
class Recorded:
    """An event just appended, with the state before and after it."""

    case: Case
    event: CaseEvent
    before: CaseState
    after: CaseState


def to_record(event: CaseEvent) -> CaseEventRecord:
    return CaseEventRecord(
        kind=EventKind(event.kind),
        at=event.at,
        payload=parse_payload(event.kind, event.payload),
        actor_id=event.actor_id,
        id=event.id,
    )


def state_of(events: Sequence[CaseEvent]) -> CaseState:
    return derive(to_record(event) for event in events)


def actor_id(actor: Principal | None) -> int | None:
    return actor.user_id if actor is not None else None


# ---- units, agencies, inboxes ------------------------------------------------------------


def case_unit(code: str) -> ScopeUnit:
    """A 2025 province or commune; the whole country is not a place a case can be about."""
    unit = resolve_unit(code)
    if unit.code == NATIONAL:
        raise InputError(
            "Vấn đề phải gắn với một tỉnh/thành hoặc xã/phường, không phải toàn quốc. / "
            "A case belongs to a province or a commune, not to the whole country."
        )
    return unit


def check_email(value: str, *, where: str) -> str:
    email = value.strip()
    if not _EMAIL.match(email) or len(email) > 320:
        raise InputError(
            f"{where}: địa chỉ e-mail không hợp lệ “{email[:80]}” (ví dụ: vanphong@tinh.gov.vn). "
            f"/ {where}: invalid e-mail address “{email[:80]}” (e.g. office@province.gov.vn)."
        )
    return email


def add_agency(
    session: Session,
    *,
    code: str,
    name: str,
    unit_code: str,
    email: str = "",
    actor: Principal | None,
    request: HTTPConnection | None = None,
) -> Agency:
    code = code.strip().lower()
    if not _AGENCY_CODE.match(code):
        raise InputError(
            f"Mã cơ quan không hợp lệ “{code[:40]}”: dùng 2–40 ký tự a-z, 0-9, '-' (vd. "
            f"so-nnmt-79). / Invalid agency code “{code[:40]}”: use 2–40 characters a-z, 0-9, "
            "'-' (e.g. so-nnmt-79)."
        )
    name = " ".join(name.split())  # one line: it goes into e-mail subjects
    if not name or len(name) > 300:
        raise InputError(
            "Tên cơ quan phải có từ 1 đến 300 ký tự. / The agency name needs 1–300 characters."
        )
    unit = case_unit(unit_code)
    mail = check_email(email, where="--email") if email.strip() else ""
    if repo.agency_by_code(session, code) is not None:
        raise CaseConflict(
            f"Đã có cơ quan mã “{code}”. Xem: opiniondesk agency list. / An agency with code "
            f"“{code}” exists. See: opiniondesk agency list."
        )
    agency = repo.add_agency(session, Agency(code=code, name=name, unit_code=unit.code, email=mail))
    audit.record(
        session,
        actor=actor,
        action="agency.create",
        object_type="agency",
        object_id=agency.id,
        request=request,
        details={"code": code, "unit_code": unit.code},
    )
    return agency


def get_agency(session: Session, code_or_id: str | int) -> Agency:
    found = (
        repo.agency_by_id(session, code_or_id)
        if isinstance(code_or_id, int)
        else repo.agency_by_code(session, code_or_id.strip().lower())
    )
    if found is None:
        raise NotFoundError(
            f"Không có cơ quan “{code_or_id}”. Xem: opiniondesk agency list. / No agency "
            f"“{code_or_id}”. See: opiniondesk agency list."
        )
    return found


def add_leader_inbox(
    session: Session,
    *,
    unit_code: str,
    email: str,
    actor: Principal | None,
    request: HTTPConnection | None = None,
) -> bool:
    unit = case_unit(unit_code)
    added = repo.add_inbox(session, unit.code, check_email(email, where="--email"))
    if added:
        audit.record(
            session,
            actor=actor,
            action="case_inbox.add",
            object_type="unit",
            object_id=unit.code,
            request=request,
        )
    return added


def leader_inboxes(session: Session, case: Case) -> list[str]:
    """The inboxes of the case's unit and of its province (a province oversees its communes)."""
    units = {case.unit_code, case.province_code}
    return sorted({inbox.email for inbox in repo.inboxes(session, units)})


# ---- opening and reading cases -------------------------------------------------------------


def open_case(
    session: Session,
    *,
    title: str,
    summary: str,
    unit_code: str,
    now: datetime,
    actor: Principal | None,
    topic_code: str = "",
    priority: Priority | str = Priority.normal,
    document_ids: Collection[int] = (),
    alert_id: int | None = None,
    proposed_agency_ids: Collection[int] = (),
    request: HTTPConnection | None = None,
) -> Case:
    """Open a case with its evidence; its first event is `opened`."""
    title, summary = title.strip(), summary.strip()
    if not title or len(title) > 500:
        raise InputError(
            "Tiêu đề vấn đề phải có từ 1 đến 500 ký tự. / A case title needs 1–500 characters."
        )
    unit = case_unit(unit_code)
    try:
        level = Priority(priority)
    except ValueError as exc:
        choices = ", ".join(p.value for p in Priority)
        raise InputError(
            f"Mức ưu tiên không hợp lệ “{priority}”; chọn: {choices}. / Unknown priority "
            f"“{priority}”; choose: {choices}."
        ) from exc
    if topic_code and not repo.topic_exists(session, topic_code):
        raise InputError(f"Không có chủ đề “{topic_code}”. / No topic “{topic_code}”.")
    _check_evidence(session, document_ids, alert_id)
    for agency_id in proposed_agency_ids:
        get_agency(session, agency_id)
    case = repo.add_case(
        session,
        Case(
            title=title,
            summary=summary,
            unit_code=unit.code,
            province_code=unit.province_code,
            topic_code=topic_code,
            priority=level,
            created_by=actor_id(actor),
            created_at=now,
        ),
    )
    record_event(
        session,
        case.id,
        EventKind.opened,
        Opened(proposed_agency_ids=tuple(dict.fromkeys(proposed_agency_ids))),
        actor=actor,
        now=now,
    )
    add_evidence(session, case.id, document_ids=document_ids, alert_id=alert_id, actor=actor)
    audit.record(
        session,
        actor=actor,
        action="case.open",
        object_type="case",
        object_id=case.id,
        request=request,
        details={"unit_code": unit.code, "topic": topic_code, "documents": len(document_ids)},
    )
    return case


def _check_evidence(session: Session, document_ids: Collection[int], alert_id: int | None) -> None:
    if len(document_ids) > MAX_EVIDENCE:
        raise InputError(
            f"Tối đa {MAX_EVIDENCE} tài liệu làm bằng chứng. / At most {MAX_EVIDENCE} documents."
        )
    missing = sorted(set(document_ids) - repo.existing_document_ids(session, document_ids))
    if missing:
        shown = ", ".join(map(str, missing[:10]))
        raise InputError(f"Không có tài liệu: {shown}. / No such documents: {shown}.")
    if alert_id is not None and get_alert(session, alert_id) is None:
        raise InputError(f"Không có cảnh báo #{alert_id}. / No alert #{alert_id}.")


def add_evidence(
    session: Session,
    case_id: int,
    *,
    document_ids: Collection[int] = (),
    alert_id: int | None = None,
    actor: Principal | None,
) -> int:
    """Link documents and an alert to a case; returns how many links are new."""
    _check_evidence(session, document_ids, alert_id)
    who = actor_id(actor)
    added = sum(
        repo.add_evidence(session, case_id, document_id=doc, added_by=who)
        for doc in dict.fromkeys(document_ids)
    )
    if alert_id is not None:
        added += repo.add_evidence(session, case_id, alert_id=alert_id, added_by=who)
    return added


@dataclass(frozen=True)
class CaseDraft:
    """What an alert suggests for a new case: its place, topic and evidence."""

    alert_id: int
    unit_code: str
    topic_code: str
    document_ids: tuple[int, ...]


def draft_from_alert(session: Session, alert_id: int) -> CaseDraft:
    alert = get_alert(session, alert_id)
    if alert is None:
        raise NotFoundError(f"Không có cảnh báo #{alert_id}. / No alert #{alert_id}.")
    document_ids = tuple(sorted(repo.existing_document_ids(session, alert.evidence)))
    return CaseDraft(
        alert_id=alert.id,
        unit_code=alert.commune_code or alert.province_code,
        topic_code=alert.topic_code,
        document_ids=document_ids[:MAX_EVIDENCE],
    )


def get_case(session: Session, case_id: int) -> Case:
    case = repo.case_by_id(session, case_id)
    if case is None:
        raise NotFoundError(f"Không có vấn đề #{case_id}. / No case #{case_id}.")
    return case


def view_case(session: Session, case_id: int) -> CaseView:
    case = get_case(session, case_id)
    events = repo.events_of(session, case.id)
    return CaseView(case, state_of(events), events, repo.evidence_of(session, case.id))


def views_of(session: Session, cases: Sequence[Case]) -> list[CaseView]:
    grouped = repo.events_of_cases(session, [case.id for case in cases])
    return [CaseView(c, state_of(grouped.get(c.id, [])), grouped.get(c.id, [])) for c in cases]


# ---- appending events ----------------------------------------------------------------------


def record_event(
    session: Session,
    case_id: int,
    kind: EventKind,
    payload: Payload | dict[str, object],
    *,
    actor: Principal | None,
    now: datetime,
) -> Recorded | None:
    """Append one event after checking it against the case's current state.

    The case row is locked first, so the state checked is the state written after. Raises
    CaseConflict (409) when the workflow does not allow the event; returns None when the same
    fact was recorded concurrently (its dedupe key exists), which jobs treat as done.
    """
    if isinstance(payload, dict):
        payload = parse_payload(kind, payload)
    case = repo.case_by_id(session, case_id, lock=True)
    if case is None:
        raise NotFoundError(f"Không có vấn đề #{case_id}. / No case #{case_id}.")
    before = state_of(repo.events_of(session, case_id))
    record = CaseEventRecord(kind=kind, at=now, payload=payload, actor_id=actor_id(actor))
    after = apply(before, record)
    event_id = repo.insert_event(
        session,
        {
            "case_id": case_id,
            "kind": kind.value,
            "at": now,
            "actor_id": record.actor_id,
            "agency_id": agency_of(payload),
            "payload": payload_json(payload),
            "dedupe_key": dedupe_key(before, kind, payload),
        },
    )
    if event_id is None:
        return None
    return Recorded(case, repo.event_by_id(session, event_id), before, after)


# ---- the per-agency table ------------------------------------------------------------------


def agency_performance(
    session: Session,
    *,
    now: datetime,
    calendar: HolidayCalendar,
    where: ColumnElement[bool] | None = None,
    scope: UnitScope | None = None,
    assigned_from: date | None = None,
    assigned_to: date | None = None,
) -> list[AgencyRow]:
    """The per-agency table over the cases matching `where` (what the viewer may see). Rows:
    the agencies of those cases, and the active agencies inside `scope` (None: all)."""
    views = views_of(session, repo.cases(session, where=where))
    involved = {a.agency_id for v in views for a in v.state.assignments}

    def listed(agency: Agency) -> bool:
        if agency.id in involved:
            return True
        if not agency.active:
            return False
        return scope is None or scope.allows(province_of(agency.unit_code) or "", agency.unit_code)

    agencies = [a for a in repo.agencies(session) if listed(a)]
    return agency_table(
        (v.state for v in views),
        agencies,
        now=now,
        calendar=calendar,
        assigned_from=assigned_from,
        assigned_to=assigned_to,
    )
