"""State changes that notify: each checks who may do it, appends its event, puts the e-mails
it causes in the outbox and writes the audit log, all in the caller's transaction."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from opiniondesk.accounts import audit
from opiniondesk.accounts.access import Action
from opiniondesk.accounts.principal import Principal
from opiniondesk.cases import access, messages
from opiniondesk.cases import events as ev
from opiniondesk.cases import repository as repo
from opiniondesk.cases.deadlines import add_working_days, deadline_after, local_day
from opiniondesk.cases.events import EventKind
from opiniondesk.cases.holidays import HolidayCalendar, calendar_for
from opiniondesk.cases.models import Agency, Case
from opiniondesk.cases.notify import queue_mail
from opiniondesk.cases.service import (
    Recorded,
    get_agency,
    get_case,
    leader_inboxes,
    record_event,
    state_of,
)
from opiniondesk.cases.settings import CasesSettings
from opiniondesk.cases.state import CaseConflict, CaseState
from opiniondesk.errors import InputError
from opiniondesk.text.pii import redact

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Context:
    """Who acts, when, through which request, with which settings."""

    actor: Principal | None
    now: datetime
    settings: CasesSettings
    request: HTTPConnection | None = None

    @property
    def calendar(self) -> HolidayCalendar:
        return calendar_for(self.settings.holidays_path)

    def case_link(self, case_id: int) -> str:
        return f"{self.settings.base_url.rstrip('/')}/cases/{case_id}"

    def public_link(self, case_id: int) -> str:
        return f"{self.settings.base_url.rstrip('/')}/cong-khai/{case_id}"


def _state(session: Session, case: Case) -> CaseState:
    return state_of(repo.events_of(session, case.id))


def _append(
    session: Session, ctx: Context, case: Case, kind: EventKind, payload: ev.Payload
) -> Recorded:
    recorded = record_event(session, case.id, kind, payload, actor=ctx.actor, now=ctx.now)
    if recorded is None:  # the same fact was recorded a moment ago by someone else
        raise CaseConflict(
            f"Việc này vừa được ghi nhận cho vấn đề #{case.id}; tải lại trang. / This was just "
            f"recorded for case #{case.id}; reload the page."
        )
    return recorded


def _audit(session: Session, ctx: Context, action: str, case: Case, **details: object) -> None:
    audit.record(
        session,
        actor=ctx.actor,
        action=action,
        object_type="case",
        object_id=case.id,
        request=ctx.request,
        details=details,
    )


def _mail_agency(session: Session, recorded: Recorded, agency: Agency, mail: messages.Mail) -> None:
    if not agency.email:
        log.warning("agency %s has no e-mail: case %d not mailed", agency.code, recorded.case.id)
        return
    queue_mail(session, event=recorded.event, recipients=[agency.email], mail=mail)


def _mail_leaders(session: Session, recorded: Recorded, mail: messages.Mail) -> None:
    inboxes = leader_inboxes(session, recorded.case)
    if not inboxes:
        log.warning(
            "no leaders' inbox for unit %s: case %d", recorded.case.unit_code, recorded.case.id
        )
    queue_mail(session, event=recorded.event, recipients=inboxes, mail=mail)


# ---- staff ---------------------------------------------------------------------------------


def assign(
    session: Session,
    ctx: Context,
    *,
    case_id: int,
    agency_id: int,
    working_days: int | None = None,
) -> Recorded:
    """Give the case to an agency with a deadline `working_days` working days from today."""
    case = get_case(session, case_id)
    access.check(ctx.actor, Action.cases_manage, case)
    agency = get_agency(session, agency_id)
    if not agency.active:
        raise InputError(
            f"Cơ quan “{agency.code}” đã ngừng hoạt động. / Agency “{agency.code}” is inactive."
        )
    days = working_days or ctx.settings.case_deadline_working_days
    try:
        deadline = deadline_after(ctx.now, days, ctx.calendar)
    except ValueError as exc:
        raise InputError(
            f"Số ngày làm việc không hợp lệ: {exc} / Invalid working days: {exc}"
        ) from exc
    payload = ev.Assigned(agency_id=agency.id, deadline=deadline, working_days=days)
    recorded = _append(session, ctx, case, EventKind.assigned, payload)
    _mail_agency(
        session,
        recorded,
        agency,
        messages.assignment(case, agency, deadline, days, ctx.case_link(case.id)),
    )
    _audit(session, ctx, "case.assign", case, agency_id=agency.id, deadline=deadline.isoformat())
    return recorded


def grant_extension(
    session: Session, ctx: Context, *, case_id: int, agency_id: int, deadline: date | None = None
) -> Recorded:
    """Extend an agency's deadline, by default to the date it asked for."""
    case = get_case(session, case_id)
    access.check(ctx.actor, Action.cases_manage, case)
    agency = get_agency(session, agency_id)
    assignment = _state(session, case).assignment(agency.id)
    pending = assignment.pending_extension if assignment else None
    new_deadline = deadline or (pending.requested_deadline if pending else None)
    if new_deadline is None:
        raise CaseConflict(
            "Không có đề nghị gia hạn nào đang chờ duyệt. / No extension request is waiting."
        )
    payload = ev.ExtensionGranted(agency_id=agency.id, deadline=new_deadline)
    recorded = _append(session, ctx, case, EventKind.extension_granted, payload)
    _mail_agency(
        session,
        recorded,
        agency,
        messages.extension_granted(case, agency, new_deadline, ctx.case_link(case.id)),
    )
    _audit(
        session, ctx, "case.extension_grant", case, agency_id=agency.id, deadline=str(new_deadline)
    )
    return recorded


def approve(
    session: Session,
    ctx: Context,
    *,
    case_id: int,
    title: str | None = None,
    summary: str | None = None,
    agency_ids: Collection[int] | None = None,
) -> Recorded:
    """Approve the public wording and which answers are shown. Phone numbers, ID numbers,
    e-mails, plates and account numbers are masked; names are left to the leader's reading
    (officials' names are public, and place names look like person names)."""
    case = get_case(session, case_id)
    access.check(ctx.actor, Action.cases_approve, case)
    state = _state(session, case)
    chosen = (
        tuple(agency_ids)
        if agency_ids
        else tuple(a.agency_id for a in state.assignments if a.answered)
    )
    payload = ev.parse_payload(
        EventKind.approved,
        {
            "title": redact((title or case.title).strip(), names=False).text,
            "summary": redact(
                (summary if summary is not None else case.summary).strip(), names=False
            ).text,
            "agency_ids": list(chosen),
        },
    )
    recorded = _append(session, ctx, case, EventKind.approved, payload)
    _audit(session, ctx, "case.approve", case, agency_ids=list(chosen))
    return recorded


def publish(session: Session, ctx: Context, *, case_id: int) -> Recorded:
    """Put the approved answers on the public page and tell everyone involved."""
    case = get_case(session, case_id)
    access.check(ctx.actor, Action.cases_approve, case)
    recorded = _append(session, ctx, case, EventKind.published, ev.Published())
    approval = recorded.after.approval
    title = approval.title if approval else case.title
    mail = messages.published(case, title, ctx.public_link(case.id))
    agencies = repo.agencies(session, [a.agency_id for a in recorded.after.assignments])
    recipients = [a.email for a in agencies] + leader_inboxes(session, case)
    queue_mail(session, event=recorded.event, recipients=recipients, mail=mail)
    _audit(session, ctx, "case.publish", case)
    return recorded


def close(session: Session, ctx: Context, *, case_id: int, reason: str = "") -> Recorded:
    case = get_case(session, case_id)
    access.check(ctx.actor, Action.cases_manage, case)
    payload = ev.parse_payload(EventKind.closed, {"reason": reason.strip()})
    recorded = _append(session, ctx, case, EventKind.closed, payload)
    _audit(session, ctx, "case.close", case)
    return recorded


# ---- agencies ------------------------------------------------------------------------------


def answer(session: Session, ctx: Context, *, case_id: int, agency_id: int, text: str) -> Recorded:
    """An agency's answer; the leaders are told it waits for their approval."""
    case = get_case(session, case_id)
    access.check_responder(ctx.actor, agency_id, case)
    agency = get_agency(session, agency_id)
    payload = ev.parse_payload(EventKind.answered, {"agency_id": agency.id, "answer": text.strip()})
    recorded = _append(session, ctx, case, EventKind.answered, payload)
    _mail_leaders(session, recorded, messages.answered(case, agency, ctx.case_link(case.id)))
    _audit(session, ctx, "case.answer", case, agency_id=agency.id)
    return recorded


def request_extension(
    session: Session,
    ctx: Context,
    *,
    case_id: int,
    agency_id: int,
    extra_working_days: int,
    reason: str,
) -> Recorded:
    """Ask for `extra_working_days` more working days after the current deadline."""
    case = get_case(session, case_id)
    access.check_responder(ctx.actor, agency_id, case)
    agency = get_agency(session, agency_id)
    assignment = _state(session, case).assignment(agency.id)
    if assignment is None:
        raise CaseConflict(
            f"Cơ quan #{agency.id} chưa được giao vấn đề #{case.id}. / Agency #{agency.id} is "
            f"not assigned to case #{case.id}."
        )
    if not 1 <= extra_working_days <= 60:
        raise InputError(
            "Gia hạn từ 1 đến 60 ngày làm việc. / An extension is 1 to 60 working days."
        )
    requested = add_working_days(assignment.deadline, extra_working_days, ctx.calendar)
    payload = ev.parse_payload(
        EventKind.extension_requested,
        {
            "agency_id": agency.id,
            "requested_deadline": requested.isoformat(),
            "reason": reason.strip(),
        },
    )
    recorded = _append(session, ctx, case, EventKind.extension_requested, payload)
    mail = messages.extension_requested(
        case, agency, requested, reason.strip(), ctx.case_link(case.id)
    )
    _mail_leaders(session, recorded, mail)
    _audit(session, ctx, "case.extension_request", case, agency_id=agency.id)
    return recorded


# ---- the desk itself (jobs) -----------------------------------------------------------------


def remind(
    session: Session, ctx: Context, *, case: Case, agency: Agency, deadline: date
) -> Recorded | None:
    """Remind an agency of a deadline; None when that reminder exists already."""
    payload = ev.Reminded(agency_id=agency.id, deadline=deadline)
    try:
        recorded = record_event(
            session, case.id, EventKind.reminded, payload, actor=None, now=ctx.now
        )
    except CaseConflict:
        return None  # answered, reminded or re-dated since the job looked
    if recorded is not None:
        _mail_agency(
            session,
            recorded,
            agency,
            messages.reminder(case, agency, deadline, ctx.case_link(case.id)),
        )
        _audit(session, ctx, "case.remind", case, agency_id=agency.id, deadline=str(deadline))
    return recorded


def escalate(
    session: Session, ctx: Context, *, case: Case, agency: Agency, deadline: date
) -> Recorded | None:
    """Tell the case's leaders an agency missed its deadline; None when already done."""
    payload = ev.Escalated(agency_id=agency.id, deadline=deadline)
    try:
        recorded = record_event(
            session, case.id, EventKind.escalated, payload, actor=None, now=ctx.now
        )
    except CaseConflict:
        return None
    if recorded is not None:
        link = ctx.case_link(case.id)
        _mail_leaders(session, recorded, messages.escalation(case, agency, deadline, link))
        _audit(
            session,
            ctx,
            "case.escalate",
            case,
            agency_id=agency.id,
            deadline=str(deadline),
            days_late=(local_day(ctx.now) - deadline).days,
        )
    return recorded
