"""How a case reads on a page: dates with weekdays, statuses, the state of each agency's part,
the log's lines. Vietnamese or English through the web catalogue (as `accounts.labels` does)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from opiniondesk.accounts.units import unit_label
from opiniondesk.cases.deadlines import VIETNAM, local_day, working_days_between
from opiniondesk.cases.models import CaseEvent
from opiniondesk.cases.service import CaseView
from opiniondesk.cases.state import Assignment, CaseState, CaseStatus
from opiniondesk.web.i18n import Translator


def day_text(day: date, t: Translator) -> str:
    return t("case_day", weekday=t(f"weekday_{day.weekday()}"), day=f"{day:%d/%m/%Y}")


def moment_text(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


def status_text(status: CaseStatus, t: Translator) -> str:
    return t(f"case_status_{status.value}")


def assignment_row(
    a: Assignment, state: CaseState, names: dict[int, str], t: Translator, now: datetime
) -> dict[str, Any]:
    if a.answered_on is not None:
        key = "case_answered_on_time" if a.answered_on_time else "case_answered_late"
        situation, tone = (
            t(key, day=day_text(a.answered_on, t)),
            "" if a.answered_on_time else "negative",
        )
    elif not state.accepts_answers:
        situation, tone = t("case_not_answered"), "muted"
    elif a.overdue(now):
        late = working_days_between(a.deadline, local_day(now))
        situation, tone = t("case_overdue_by", n=late), "negative"
    else:
        left = working_days_between(local_day(now), a.deadline)
        situation, tone = t("case_due_in", n=left), ""
    pending = a.pending_extension
    return {
        "agency_id": a.agency_id,
        "agency": names.get(a.agency_id, f"#{a.agency_id}"),
        "assigned": day_text(a.assigned_on, t),
        "deadline": day_text(a.deadline, t),
        "extended": a.extensions > 0,
        "situation": situation,
        "tone": tone,
        "answer": a.answer,
        "pending": {
            "until": day_text(pending.requested_deadline, t),
            "reason": pending.reason,
        }
        if pending
        else None,
    }


def event_row(
    event: CaseEvent, names: dict[int, str], users: dict[int, str], t: Translator
) -> dict[str, Any]:
    payload = event.payload
    details = []
    if event.agency_id is not None:
        details.append(names.get(event.agency_id, f"#{event.agency_id}"))
    for key in ("deadline", "requested_deadline"):
        if key in payload:
            details.append(
                t(f"case_detail_{key}", day=day_text(date.fromisoformat(payload[key]), t))
            )
    for key in ("reason", "title"):
        if payload.get(key):
            details.append(t(f"case_detail_{key}", text=str(payload[key])))
    who = users.get(event.actor_id, f"#{event.actor_id}") if event.actor_id else t("case_the_desk")
    return {
        "at": moment_text(event.at),
        "kind": t(f"case_event_{event.kind}"),
        "who": who,
        "details": details,
        "answer": payload.get("answer"),
    }


def case_row(view: CaseView, names: dict[int, str], t: Translator, now: datetime) -> dict[str, Any]:
    state = view.state
    return {
        "id": view.case.id,
        "title": view.case.title,
        "unit": unit_label(view.case.unit_code, t.language),
        "status": status_text(state.status, t),
        "priority": t(f"case_priority_{view.case.priority}"),
        "opened": day_text(local_day(view.case.created_at), t),
        "agencies": [
            {
                "name": names.get(a.agency_id, f"#{a.agency_id}"),
                "deadline": f"{a.deadline:%d/%m}",
                "overdue": a.overdue(now) and state.accepts_answers,
                "answered": a.answered,
            }
            for a in state.assignments
        ],
    }
