"""The per-agency table: how many cases each agency received and answered, how many on time,
the median working days to answer, and how many are overdue now.

These are figures about institutions, not about citizens, so they are shown exactly: a small
agency with two cases is accountable for both, and hiding "<5" would hide exactly the agencies
that answer least. Nothing in the table counts or identifies people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from statistics import median

from opiniondesk.cases.deadlines import local_day, working_days_between
from opiniondesk.cases.holidays import HolidayCalendar
from opiniondesk.cases.models import Agency
from opiniondesk.cases.state import Assignment, CaseState


@dataclass(frozen=True)
class AgencyRow:
    agency_id: int
    code: str
    name: str
    received: int  # assignments
    answered: int
    answered_on_time: int  # answered no later than the deadline in force when answering
    due: int  # answered, or past the deadline while the case still took answers
    overdue_now: int  # unanswered, past the deadline, case still open
    median_working_days: float | None  # from the day of assignment to the day of the answer

    @property
    def on_time_share(self) -> float | None:
        """Answered on time ÷ due: an agency that lets cases lapse cannot score 100 %."""
        return self.answered_on_time / self.due if self.due else None


def _window_end(state: CaseState, today: date) -> date:
    """The last day an answer could come: approval or closing ends it."""
    ends = [local_day(at) for at in (getattr(state.approval, "at", None), state.closed_at) if at]
    return min([today, *ends])


def agency_table(
    states: Iterable[CaseState],
    agencies: Iterable[Agency],
    *,
    now: datetime,
    calendar: HolidayCalendar,
    assigned_from: date | None = None,
    assigned_to: date | None = None,
) -> list[AgencyRow]:
    """One row per agency (those with no case too), from cases' derived states."""
    today = local_day(now)
    by_agency: dict[int, list[tuple[Assignment, CaseState]]] = {}
    for state in states:
        for assignment in state.assignments:
            day = assignment.assigned_on
            if (assigned_from and day < assigned_from) or (assigned_to and day > assigned_to):
                continue
            by_agency.setdefault(assignment.agency_id, []).append((assignment, state))
    rows = []
    for agency in agencies:
        items = by_agency.get(agency.id, [])
        answered = [a for a, _ in items if a.answered]
        missed = [a for a, s in items if not a.answered and a.deadline < _window_end(s, today)]
        overdue = [a for a, s in items if not a.answered and s.accepts_answers and a.overdue(now)]
        days = [
            working_days_between(a.assigned_on, a.answered_on, calendar)
            for a in answered
            if a.answered_on is not None
        ]
        rows.append(
            AgencyRow(
                agency_id=agency.id,
                code=agency.code,
                name=agency.name,
                received=len(items),
                answered=len(answered),
                answered_on_time=sum(bool(a.answered_on_time) for a in answered),
                due=len(answered) + len(missed),
                overdue_now=len(overdue),
                median_working_days=float(median(days)) if days else None,
            )
        )
    return rows
