"""The scheduled work of the workflow as plain, idempotent functions of (session, now).

Running them twice, or in two workers at once, records each reminder and escalation once:
the event's dedupe key (case, agency, deadline) is unique in the database, and the case row
is locked while its state is checked. The Huey tasks in `cases.tasks` only call these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.cases import actions
from opiniondesk.cases import repository as repo
from opiniondesk.cases.actions import Context
from opiniondesk.cases.deadlines import local_day, working_days_between
from opiniondesk.cases.models import Agency, Case, CaseEvent
from opiniondesk.cases.notify import Delivery, Mailer, deliver_pending, mailer_for
from opiniondesk.cases.service import state_of
from opiniondesk.cases.settings import CasesSettings
from opiniondesk.cases.state import Assignment


def _open_assignments(session: Session) -> list[tuple[Case, Assignment]]:
    ids = repo.active_assigned_case_ids(session)
    grouped = repo.events_of_cases(session, ids)
    found: list[tuple[Case, Assignment]] = []
    for case in repo.cases_by_ids(session, ids):
        events: list[CaseEvent] = grouped.get(case.id, [])
        found.extend((case, a) for a in state_of(events).open_assignments())
    return found


def _agencies(session: Session, pairs: list[tuple[Case, Assignment]]) -> dict[int, Agency]:
    return {a.id: a for a in repo.agencies(session, {x.agency_id for _, x in pairs})}


def send_due_reminders(
    session: Session, now: datetime, *, settings: CasesSettings | None = None
) -> list[CaseEvent]:
    """Remind every agency whose deadline is at most `case_reminder_working_days` working days
    away (and not past), once per deadline."""
    settings = settings or CasesSettings()
    ctx = Context(actor=None, now=now, settings=settings)
    today, calendar = local_day(now), ctx.calendar
    pairs = _open_assignments(session)
    agencies = _agencies(session, pairs)
    recorded: list[CaseEvent] = []
    for case, assignment in pairs:
        if assignment.deadline in assignment.reminded_for or today > assignment.deadline:
            continue
        if (
            working_days_between(today, assignment.deadline, calendar)
            > settings.case_reminder_working_days
        ):
            continue
        done = actions.remind(
            session,
            ctx,
            case=case,
            agency=agencies[assignment.agency_id],
            deadline=assignment.deadline,
        )
        if done is not None:
            recorded.append(done.event)
    return recorded


def escalate_overdue(
    session: Session, now: datetime, *, settings: CasesSettings | None = None
) -> list[CaseEvent]:
    """Escalate every unanswered assignment past its deadline to the case's leaders, once per
    deadline (a granted extension starts a new deadline)."""
    settings = settings or CasesSettings()
    ctx = Context(actor=None, now=now, settings=settings)
    pairs = _open_assignments(session)
    agencies = _agencies(session, pairs)
    recorded: list[CaseEvent] = []
    for case, assignment in pairs:
        if not assignment.overdue(now) or assignment.deadline in assignment.escalated_for:
            continue
        done = actions.escalate(
            session,
            ctx,
            case=case,
            agency=agencies[assignment.agency_id],
            deadline=assignment.deadline,
        )
        if done is not None:
            recorded.append(done.event)
    return recorded


@dataclass(frozen=True)
class JobsReport:
    reminders: int
    escalations: int
    delivery: Delivery


def run_case_jobs(
    sessions: sessionmaker[Session],
    now: datetime,
    *,
    settings: CasesSettings,
    mailer: Mailer | None = None,
) -> JobsReport:
    """Reminders, escalations, then the e-mails, each in its own transaction."""
    with sessions.begin() as session:
        reminders = len(send_due_reminders(session, now, settings=settings))
    with sessions.begin() as session:
        escalations = len(escalate_overdue(session, now, settings=settings))
    delivery = deliver(sessions, now, settings=settings, mailer=mailer)
    return JobsReport(reminders, escalations, delivery)


def deliver(
    sessions: sessionmaker[Session],
    now: datetime,
    *,
    settings: CasesSettings,
    mailer: Mailer | None = None,
) -> Delivery:
    with sessions.begin() as session:
        return deliver_pending(session, mailer or mailer_for(settings), settings=settings, now=now)
