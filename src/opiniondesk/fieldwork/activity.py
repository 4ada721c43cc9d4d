"""How well the collaborator network covers the units, in aggregate, and — for supervisors
only — each collaborator's activity as counts (how many reports, how often on time), never
what they reported.

"Active": an enabled collaborator account holding the commune itself (a province-wide grant is
not counted as covering each of its communes) that sent a report in the last `ACTIVE_DAYS`
days or joined within them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as accounts_repo
from opiniondesk.accounts.access import Action, can
from opiniondesk.accounts.principal import Principal, UnitScope
from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.fieldwork import repository as repo
from opiniondesk.geo.gazetteer import get_gazetteer

ACTIVE_DAYS = 90


@dataclass(frozen=True, slots=True)
class UncoveredCommune:
    province_code: str
    code: str
    name: str
    invited: bool  # an unused, unexpired invitation names it


@dataclass(frozen=True, slots=True)
class Coverage:
    communes: int  # communes in the viewer's scope
    covered: int  # with at least one active collaborator
    uncovered: list[UncoveredCommune]


def _communes_in_scope(scope: UnitScope) -> list[tuple[str, str, str]]:
    """(province, commune, name) of every 2025 commune the scope sees."""
    gazetteer = get_gazetteer()
    if scope.everything:
        units = gazetteer.communes()
    else:
        units = [u for p in sorted(scope.provinces) for u in gazetteer.communes(p)]
        units += [
            u
            for code in sorted(scope.communes)
            if (u := gazetteer.commune(code)) and u.province_code not in scope.provinces
        ]
    return [(u.province_code, u.code, u.name) for u in units]


def active_collaborators(session: Session, now: datetime) -> dict[str, set[int]]:
    """Commune code → the active collaborators holding it (see the module docstring)."""
    grants = repo.collaborator_grants(session)
    users = {user for user, *_ in grants}
    last = repo.last_report_by_user(session, users)
    since = now - timedelta(days=ACTIVE_DAYS)
    active: dict[str, set[int]] = defaultdict(set)
    for user, unit, province, disabled, created in grants:
        if disabled or unit == province:
            continue
        reported = last.get(user)
        if created >= since or (reported is not None and reported >= since):
            active[unit].add(user)
    return active


def coverage(session: Session, scope: UnitScope, *, now: datetime) -> Coverage:
    communes = _communes_in_scope(scope)
    active = active_collaborators(session, now)
    invited = {u for units in repo.pending_invitation_units(session, now) for u in units}
    uncovered = [
        UncoveredCommune(province, code, name, code in invited)
        for province, code, name in communes
        if not active.get(code)
    ]
    return Coverage(len(communes), len(communes) - len(uncovered), uncovered)


@dataclass(frozen=True, slots=True)
class Timeliness:
    unit_code: str
    answers: int | None  # None: fewer than min_group_size, suppressed
    on_time: int | None
    share: float | None


def _on_time(submitted_at: datetime, due_on: date) -> bool:
    """On time: sent on or before the due date, as a day in Vietnam."""
    return submitted_at.astimezone(LOCAL_TZ).date() <= due_on


def timeliness(session: Session, scope: UnitScope, *, min_group_size: int) -> list[Timeliness]:
    """Per duty unit, the share of answers to duties sent by the due date; the last row
    ("") is the total. Cells counting fewer than `min_group_size` reports are suppressed."""
    answers: Counter[str] = Counter()
    on_time: Counter[str] = Counter()
    for _, unit, at, due in repo.duty_answers_in_scope(session, scope):
        for key in (unit, ""):
            answers[key] += 1
            on_time[key] += _on_time(at, due)
    rows = []
    for unit in sorted(answers, key=lambda u: (u == "", u)):
        n = answers[unit]
        if n < min_group_size:
            rows.append(Timeliness(unit, None, None, None))
        else:
            rows.append(Timeliness(unit, n, on_time[unit], on_time[unit] / n))
    return rows


@dataclass(frozen=True, slots=True)
class CollaboratorActivity:
    user_id: int
    display_name: str
    units: tuple[str, ...]
    disabled: bool
    active: bool
    reports_recent: int  # in the last ACTIVE_DAYS days
    last_report_on: date | None
    duty_answers: int
    on_time: int


def supervised(session: Session, supervisor: Principal) -> dict[int, tuple[str, ...]]:
    """Collaborators holding at least one unit the supervisor supervises → all their units."""
    units: dict[int, list[str]] = defaultdict(list)
    for user, unit, *_ in repo.collaborator_grants(session):
        units[user].append(unit)
    return {
        user: tuple(codes)
        for user, codes in units.items()
        if any(can(supervisor, Action.collaborators_supervise, u) for u in codes)
    }


def per_collaborator(
    session: Session, supervisor: Principal, *, now: datetime
) -> list[CollaboratorActivity]:
    """For the supervisor's eyes only (Action.collaborators_supervise): counts per person,
    ordered by name — a roster, not a ranking."""
    people = supervised(session, supervisor)
    ids = set(people)
    profiles = repo.profiles(session, ids)
    usernames = accounts_repo.usernames_by_id(
        session, sorted(ids)
    )  # for accounts without a profile
    since = now - timedelta(days=ACTIVE_DAYS)
    recent = repo.reports_since_by_user(session, ids, since)
    last = repo.last_report_by_user(session, ids)
    answered: Counter[int] = Counter()
    timely: Counter[int] = Counter()
    for user, _, at, due in repo.duty_answers_in_scope(session, UnitScope(everything=True)):
        if user in ids:
            answered[user] += 1
            timely[user] += _on_time(at, due)
    state = {
        user: (disabled, created)
        for user, _, _, disabled, created in repo.collaborator_grants(session)
    }
    rows = []
    for user, units in people.items():
        disabled, created = state[user]
        profile = profiles.get(user)
        last_at = last.get(user)
        joined = profile.joined_at if profile else created
        rows.append(
            CollaboratorActivity(
                user_id=user,
                display_name=profile.display_name if profile else usernames.get(user, f"#{user}"),
                units=units,
                disabled=disabled,
                active=not disabled
                and (joined >= since or (last_at is not None and last_at >= since)),
                reports_recent=recent.get(user, 0),
                last_report_on=last_at.astimezone(LOCAL_TZ).date() if last_at else None,
                duty_answers=answered[user],
                on_time=timely[user],
            )
        )
    return sorted(rows, key=lambda r: (r.display_name.casefold(), r.user_id))
