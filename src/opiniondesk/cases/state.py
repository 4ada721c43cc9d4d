"""A case's state as a pure function of its event log: `derive(events)`.

Nothing here touches the database. `apply` is the only place the workflow rules live: it
refuses an event that the current state does not allow with `CaseConflict` (HTTP 409), whose
message says, in Vietnamese and English, what was refused and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from opiniondesk.cases import events as ev
from opiniondesk.cases.deadlines import is_overdue, local_day
from opiniondesk.cases.events import CaseEventRecord, EventKind
from opiniondesk.errors import DeskError


class CaseConflict(DeskError):
    """The event is not allowed in the case's current state."""

    status = 409


class CaseStatus(StrEnum):
    open = "open"  # opened, no agency assigned yet
    assigned = "assigned"  # waiting for at least one agency's answer
    answered = "answered"  # every assigned agency answered; waiting for the leader
    approved = "approved"  # the leader approved what will be published
    published = "published"  # on the public page
    closed = "closed"


STATUS_LABELS: dict[CaseStatus, tuple[str, str]] = {
    CaseStatus.open: ("Mới mở", "Open"),
    CaseStatus.assigned: ("Đã giao, chờ trả lời", "Assigned, awaiting answer"),
    CaseStatus.answered: ("Đã trả lời, chờ duyệt", "Answered, awaiting approval"),
    CaseStatus.approved: ("Đã duyệt công bố", "Approved for publication"),
    CaseStatus.published: ("Đã công bố", "Published"),
    CaseStatus.closed: ("Đã đóng", "Closed"),
}


@dataclass(frozen=True)
class ExtensionRequest:
    requested_deadline: date
    reason: str
    at: datetime


@dataclass(frozen=True)
class Assignment:
    """One agency's part in a case."""

    agency_id: int
    assigned_at: datetime
    working_days: int
    first_deadline: date
    deadline: date  # the one in force (after any extension granted)
    answer: str | None = None
    answered_at: datetime | None = None
    deadline_when_answered: date | None = None
    pending_extension: ExtensionRequest | None = None
    extensions: int = 0
    reminded_for: frozenset[date] = frozenset()
    escalated_for: frozenset[date] = frozenset()

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def assigned_on(self) -> date:
        return local_day(self.assigned_at)

    @property
    def answered_on(self) -> date | None:
        return local_day(self.answered_at) if self.answered_at else None

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_on is None or self.deadline_when_answered is None:
            return None
        return self.answered_on <= self.deadline_when_answered

    def overdue(self, now: datetime) -> bool:
        return not self.answered and is_overdue(self.deadline, now)


@dataclass(frozen=True)
class Approval:
    title: str
    summary: str
    agency_ids: tuple[int, ...]
    at: datetime
    by: int | None


@dataclass(frozen=True)
class CaseState:
    opened_at: datetime | None = None
    opened_by: int | None = None
    proposed_agency_ids: tuple[int, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    approval: Approval | None = None
    published_at: datetime | None = None
    closed_at: datetime | None = None
    close_reason: str = ""
    event_count: int = 0
    last_event_at: datetime | None = field(default=None, compare=False)

    @property
    def status(self) -> CaseStatus:
        if self.closed_at is not None:
            return CaseStatus.closed
        if self.published_at is not None:
            return CaseStatus.published
        if self.approval is not None:
            return CaseStatus.approved
        if not self.assignments:
            return CaseStatus.open
        if all(a.answered for a in self.assignments):
            return CaseStatus.answered
        return CaseStatus.assigned

    @property
    def accepts_answers(self) -> bool:
        """Agencies can be assigned, answer and ask for time until approval or closing."""
        return self.opened_at is not None and self.status in {
            CaseStatus.open,
            CaseStatus.assigned,
            CaseStatus.answered,
        }

    def assignment(self, agency_id: int) -> Assignment | None:
        return next((a for a in self.assignments if a.agency_id == agency_id), None)

    def open_assignments(self) -> list[Assignment]:
        """Assignments still waiting for an answer while the case accepts answers."""
        if not self.accepts_answers:
            return []
        return [a for a in self.assignments if not a.answered]


def _refuse(vi: str, en: str) -> CaseConflict:
    return CaseConflict(f"{vi} / {en}")


def _require_active(state: CaseState, kind: EventKind) -> None:
    if state.opened_at is None:
        raise _refuse(
            f"Vấn đề chưa được mở, không thể ghi '{kind}'",
            f"the case has not been opened, so '{kind}' cannot be recorded",
        )
    if not state.accepts_answers:
        vi, en = STATUS_LABELS[state.status]
        raise _refuse(
            f"Không thể ghi '{kind}': vấn đề đang ở trạng thái “{vi}”",
            f"cannot record '{kind}': the case is “{en}”",
        )


def _require_assignment(state: CaseState, agency_id: int, kind: EventKind) -> Assignment:
    found = state.assignment(agency_id)
    if found is None:
        raise _refuse(
            f"Đơn vị #{agency_id} chưa được giao vấn đề này, không thể ghi '{kind}'",
            f"agency #{agency_id} is not assigned to this case, so '{kind}' cannot be recorded",
        )
    return found


def _require_unanswered(assignment: Assignment, kind: EventKind) -> None:
    if assignment.answered:
        raise _refuse(
            f"Đơn vị #{assignment.agency_id} đã trả lời, không thể ghi '{kind}'",
            f"agency #{assignment.agency_id} has already answered, so '{kind}' is refused",
        )


def _replace_assignment(state: CaseState, updated: Assignment) -> CaseState:
    return replace(
        state,
        assignments=tuple(
            updated if a.agency_id == updated.agency_id else a for a in state.assignments
        ),
    )


def _opened(state: CaseState, e: CaseEventRecord, p: ev.Opened) -> CaseState:
    if state.opened_at is not None:
        raise _refuse("Vấn đề đã được mở", "the case is already open")
    return replace(
        state, opened_at=e.at, opened_by=e.actor_id, proposed_agency_ids=p.proposed_agency_ids
    )


def _assigned(state: CaseState, e: CaseEventRecord, p: ev.Assigned) -> CaseState:
    _require_active(state, e.kind)
    if state.assignment(p.agency_id) is not None:
        raise _refuse(
            f"Đơn vị #{p.agency_id} đã được giao vấn đề này",
            f"agency #{p.agency_id} is already assigned to this case",
        )
    if p.deadline <= local_day(e.at):
        raise _refuse(
            f"Hạn {p.deadline} phải sau ngày giao {local_day(e.at)}",
            f"the deadline {p.deadline} must come after the day of assignment {local_day(e.at)}",
        )
    new = Assignment(p.agency_id, e.at, p.working_days, p.deadline, p.deadline)
    return replace(state, assignments=(*state.assignments, new))


def _answered(state: CaseState, e: CaseEventRecord, p: ev.Answered) -> CaseState:
    _require_active(state, e.kind)
    current = _require_assignment(state, p.agency_id, e.kind)
    _require_unanswered(current, e.kind)
    return _replace_assignment(
        state,
        replace(
            current,
            answer=p.answer,
            answered_at=e.at,
            deadline_when_answered=current.deadline,
            pending_extension=None,
        ),
    )


def _extension_requested(
    state: CaseState, e: CaseEventRecord, p: ev.ExtensionRequested
) -> CaseState:
    _require_active(state, e.kind)
    current = _require_assignment(state, p.agency_id, e.kind)
    _require_unanswered(current, e.kind)
    if current.pending_extension is not None:
        raise _refuse(
            "Đã có một đề nghị gia hạn đang chờ duyệt",
            "an extension request is already waiting for a decision",
        )
    if p.requested_deadline <= current.deadline:
        raise _refuse(
            f"Hạn đề nghị {p.requested_deadline} phải sau hạn hiện tại {current.deadline}",
            f"the requested deadline {p.requested_deadline} must be after {current.deadline}",
        )
    request = ExtensionRequest(p.requested_deadline, p.reason, e.at)
    return _replace_assignment(state, replace(current, pending_extension=request))


def _extension_granted(state: CaseState, e: CaseEventRecord, p: ev.ExtensionGranted) -> CaseState:
    _require_active(state, e.kind)
    current = _require_assignment(state, p.agency_id, e.kind)
    _require_unanswered(current, e.kind)
    if current.pending_extension is None:
        raise _refuse(
            "Không có đề nghị gia hạn nào đang chờ duyệt",
            "there is no extension request waiting for a decision",
        )
    if p.deadline <= current.deadline:
        raise _refuse(
            f"Hạn mới {p.deadline} phải sau hạn hiện tại {current.deadline}",
            f"the new deadline {p.deadline} must be after the current one, {current.deadline}",
        )
    updated = replace(
        current, deadline=p.deadline, pending_extension=None, extensions=current.extensions + 1
    )
    return _replace_assignment(state, updated)


def _deadline_event(
    state: CaseState, e: CaseEventRecord, p: ev.Reminded | ev.Escalated
) -> CaseState:
    _require_active(state, e.kind)
    current = _require_assignment(state, p.agency_id, e.kind)
    _require_unanswered(current, e.kind)
    if p.deadline != current.deadline:
        raise _refuse(
            f"'{e.kind}' cho hạn {p.deadline}, nhưng hạn hiện tại là {current.deadline}",
            f"'{e.kind}' is for deadline {p.deadline}, but the deadline is {current.deadline}",
        )
    done = current.reminded_for if e.kind == EventKind.reminded else current.escalated_for
    if p.deadline in done:
        raise _refuse(
            f"Đã ghi '{e.kind}' cho đơn vị #{p.agency_id} với hạn {p.deadline}",
            f"'{e.kind}' was already recorded for agency #{p.agency_id} and {p.deadline}",
        )
    if e.kind == EventKind.reminded:
        updated = replace(current, reminded_for=current.reminded_for | {p.deadline})
    else:
        if not is_overdue(current.deadline, e.at):
            raise _refuse(
                f"Chưa quá hạn {current.deadline}, không thể chuyển cấp trên",
                f"the deadline {current.deadline} has not passed, so it cannot be escalated",
            )
        updated = replace(current, escalated_for=current.escalated_for | {p.deadline})
    return _replace_assignment(state, updated)


def _approved(state: CaseState, e: CaseEventRecord, p: ev.Approved) -> CaseState:
    _require_active(state, e.kind)
    answered = {a.agency_id for a in state.assignments if a.answered}
    missing = sorted(set(p.agency_ids) - answered)
    if not answered or missing:
        raise _refuse(
            "Chỉ duyệt công bố được các câu trả lời đã có"
            + (f" (chưa có: #{', #'.join(map(str, missing))})" if missing else ""),
            "only answers that exist can be approved for publication"
            + (f" (missing: #{', #'.join(map(str, missing))})" if missing else ""),
        )
    approval = Approval(p.title, p.summary, tuple(p.agency_ids), e.at, e.actor_id)
    return replace(state, approval=approval)


def _published(state: CaseState, e: CaseEventRecord, p: ev.Published) -> CaseState:
    if state.status != CaseStatus.approved:
        vi, en = STATUS_LABELS[state.status]
        raise _refuse(
            f"Chỉ công bố được vấn đề đã duyệt; vấn đề đang “{vi}”",
            f"only an approved case can be published; this one is “{en}”",
        )
    return replace(state, published_at=e.at)


def _closed(state: CaseState, e: CaseEventRecord, p: ev.Closed) -> CaseState:
    if state.opened_at is None or state.closed_at is not None:
        raise _refuse("Vấn đề chưa mở hoặc đã đóng", "the case is not open or is already closed")
    return replace(state, closed_at=e.at, close_reason=p.reason)


def apply(state: CaseState, event: CaseEventRecord) -> CaseState:
    """The state after `event`, or CaseConflict if the state does not allow it."""
    p = event.payload
    match event.kind:
        case EventKind.opened if isinstance(p, ev.Opened):
            new = _opened(state, event, p)
        case EventKind.assigned if isinstance(p, ev.Assigned):
            new = _assigned(state, event, p)
        case EventKind.answered if isinstance(p, ev.Answered):
            new = _answered(state, event, p)
        case EventKind.extension_requested if isinstance(p, ev.ExtensionRequested):
            new = _extension_requested(state, event, p)
        case EventKind.extension_granted if isinstance(p, ev.ExtensionGranted):
            new = _extension_granted(state, event, p)
        case EventKind.reminded | EventKind.escalated if isinstance(p, ev.Reminded | ev.Escalated):
            new = _deadline_event(state, event, p)
        case EventKind.approved if isinstance(p, ev.Approved):
            new = _approved(state, event, p)
        case EventKind.published if isinstance(p, ev.Published):
            new = _published(state, event, p)
        case EventKind.closed if isinstance(p, ev.Closed):
            new = _closed(state, event, p)
        case _:
            raise TypeError(f"payload {type(p).__name__} does not match event kind {event.kind}")
    return replace(new, event_count=state.event_count + 1, last_event_at=event.at)


def derive(events: Iterable[CaseEventRecord]) -> CaseState:
    """The state of a case from its events, oldest first."""
    state = CaseState()
    for event in events:
        state = apply(state, event)
    return state


def dedupe_key(state: CaseState, kind: EventKind, payload: ev.Payload) -> str:
    """The key that makes an event unique within its case: the database refuses a second
    reminder for the same agency and deadline even when two workers race."""
    agency = ev.agency_of(payload)
    match kind:
        case EventKind.reminded | EventKind.escalated:
            deadline = getattr(payload, "deadline")  # noqa: B009
            return f"{kind}:{agency}:{deadline.isoformat()}"
        case EventKind.extension_requested | EventKind.extension_granted:
            current = state.assignment(agency) if agency is not None else None
            deadline_in_force = current.deadline.isoformat() if current else "-"
            return f"{kind}:{agency}:{deadline_in_force}"
        case EventKind.assigned | EventKind.answered:
            return f"{kind}:{agency}"
        case _:
            return str(kind)
