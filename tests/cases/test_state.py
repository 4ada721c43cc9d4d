"""The case state is a pure function of its events: random event sequences (property style,
seeded) always give a consistent state, and every refused event is a bilingual 409."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from opiniondesk.cases import events as ev
from opiniondesk.cases.deadlines import local_day
from opiniondesk.cases.events import CaseEventRecord, EventKind
from opiniondesk.cases.state import CaseConflict, CaseState, CaseStatus, apply, dedupe_key, derive

START = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)  # Monday 09:00 in Hanoi
AGENCIES = (1, 2, 3)


def event(
    kind: EventKind, at: datetime, actor: int | None = 7, **payload: object
) -> CaseEventRecord:
    return CaseEventRecord(kind, at, ev.parse_payload(kind, payload), actor)


def random_event(rng: random.Random, state: CaseState, at: datetime) -> CaseEventRecord:
    """Any event at all, plausible or not: the state machine must sort them out."""
    # closing ends a walk, so it is drawn rarely; the rest equally often
    kind = rng.choices(
        list(EventKind), [0.15 if k is EventKind.closed else 1.0 for k in EventKind]
    )[0]
    agency = rng.choice(AGENCIES)
    current = state.assignment(agency)
    deadline = (
        current.deadline
        if current and rng.random() < 0.8
        else local_day(at) + timedelta(days=rng.randrange(-3, 12))
    )
    match kind:
        case EventKind.opened:
            return event(kind, at, proposed_agency_ids=[agency])
        case EventKind.assigned:
            return event(
                kind,
                at,
                agency_id=agency,
                deadline=local_day(at) + timedelta(days=rng.randrange(0, 9)),
                working_days=5,
            )
        case EventKind.answered:
            return event(kind, at, agency_id=agency, answer=f"Trả lời {rng.random():.3f}")
        case EventKind.extension_requested:
            return event(
                kind,
                at,
                agency_id=agency,
                requested_deadline=deadline + timedelta(days=rng.randrange(-1, 6)),
                reason="Cần khảo sát",
            )
        case EventKind.extension_granted if current and current.pending_extension:
            asked = current.pending_extension.requested_deadline
            return event(
                kind, at, agency_id=agency, deadline=asked + timedelta(days=rng.randrange(-1, 2))
            )
        case EventKind.extension_granted:
            return event(
                kind, at, agency_id=agency, deadline=deadline + timedelta(days=rng.randrange(-1, 6))
            )
        case EventKind.reminded | EventKind.escalated:
            return event(kind, at, None, agency_id=agency, deadline=deadline)
        case EventKind.approved:
            ids = rng.sample(AGENCIES, rng.randrange(1, 3))
            return event(kind, at, title="Tiêu đề", summary="Tóm tắt", agency_ids=ids)
        case EventKind.published:
            return event(kind, at)
        case EventKind.closed:
            return event(kind, at, reason="xong")
    raise AssertionError(kind)


def check_consistent(state: CaseState, accepted: list[CaseEventRecord]) -> None:
    assert state.event_count == len(accepted)
    agencies = [a.agency_id for a in state.assignments]
    assert len(agencies) == len(set(agencies))
    answered = {a.agency_id for a in state.assignments if a.answered}
    if state.approval is not None:
        assert set(state.approval.agency_ids) <= answered
    if state.published_at is not None:
        assert state.approval is not None
    assert (state.status is CaseStatus.closed) == (state.closed_at is not None)
    if state.status is CaseStatus.answered:
        assert answered and answered == set(agencies)
    if not state.accepts_answers:
        assert state.open_assignments() == []
    for a in state.assignments:
        assert a.assigned_on < a.first_deadline <= a.deadline
        assert a.extensions > 0 or a.deadline == a.first_deadline
        if a.answered:
            assert a.pending_extension is None
            assert a.deadline_when_answered == a.deadline
        assert all(d <= a.deadline for d in a.reminded_for | a.escalated_for)


def walk(seed: int) -> tuple[CaseState, list[CaseEventRecord], set[CaseStatus]]:
    """A random walk of events; the refused ones are dropped, as the desk would refuse them."""
    rng = random.Random(seed)
    state, accepted, keys, seen = CaseState(), [], set(), set()
    at = START
    for _ in range(rng.randrange(5, 60)):
        at += timedelta(hours=rng.randrange(0, 60))
        candidate = random_event(rng, state, at)
        if accepted == [] and rng.random() < 0.7:
            candidate = event(EventKind.opened, at)
        try:
            after = apply(state, candidate)
        except CaseConflict as refused:
            assert refused.status == 409
            vi, en = refused.message.split(" / ", 1)
            assert vi and en  # Vietnamese, then English
            continue
        key = dedupe_key(state, candidate.kind, candidate.payload)
        assert key not in keys, "a valid event would be refused by the unique key"
        keys.add(key)
        state = after
        accepted.append(candidate)
        seen.add(state.status)
        check_consistent(state, accepted)
    return state, accepted, seen


@pytest.mark.parametrize("seed", range(80))
def test_any_event_sequence_gives_a_consistent_state(seed: int) -> None:
    state, accepted, _ = walk(seed)
    assert derive(accepted) == state  # replaying the log gives the same state


def test_the_walks_reach_every_status_and_kind() -> None:
    statuses: set[CaseStatus] = set()
    kinds: set[EventKind] = set()
    for seed in range(80):
        _, accepted, seen = walk(seed)
        statuses |= seen
        kinds |= {e.kind for e in accepted}
    assert statuses == set(CaseStatus)
    assert kinds == set(EventKind)


def test_the_happy_path() -> None:
    t = START
    log = [
        event(EventKind.opened, t),
        event(EventKind.assigned, t, agency_id=1, deadline=date(2025, 3, 10), working_days=5),
        event(EventKind.assigned, t, agency_id=2, deadline=date(2025, 3, 10), working_days=5),
        event(EventKind.answered, t + timedelta(days=2), agency_id=1, answer="Đã xử lý"),
    ]
    assert derive(log).status is CaseStatus.assigned
    log.append(event(EventKind.answered, t + timedelta(days=3), agency_id=2, answer="Đang xử lý"))
    assert derive(log).status is CaseStatus.answered
    log.append(
        event(EventKind.approved, t + timedelta(days=4), title="T", summary="S", agency_ids=[1, 2])
    )
    log.append(event(EventKind.published, t + timedelta(days=4)))
    state = derive(log)
    assert state.status is CaseStatus.published
    assert state.assignment(1).answered_on_time is True  # type: ignore[union-attr]
    log.append(event(EventKind.closed, t + timedelta(days=9)))
    assert derive(log).status is CaseStatus.closed


def _opened_and_assigned() -> list[CaseEventRecord]:
    return [
        event(EventKind.opened, START),
        event(EventKind.assigned, START, agency_id=1, deadline=date(2025, 3, 10), working_days=5),
    ]


@pytest.mark.parametrize(
    ("extra", "english"),
    [
        (event(EventKind.answered, START, agency_id=2, answer="x"), "not assigned"),
        (event(EventKind.published, START), "only an approved case can be published"),
        (
            event(EventKind.approved, START, title="t", summary="", agency_ids=[1]),
            "only answers that exist",
        ),
        (event(EventKind.opened, START), "already open"),
        (
            event(EventKind.escalated, START, None, agency_id=1, deadline=date(2025, 3, 10)),
            "has not passed",
        ),
        (
            event(EventKind.extension_granted, START, agency_id=1, deadline=date(2025, 3, 20)),
            "no extension request",
        ),
        (
            event(EventKind.reminded, START, None, agency_id=1, deadline=date(2025, 3, 11)),
            "but the deadline is",
        ),
        (
            event(
                EventKind.assigned, START, agency_id=1, deadline=date(2025, 3, 12), working_days=6
            ),
            "already assigned",
        ),
        (
            event(
                EventKind.assigned, START, agency_id=3, deadline=date(2025, 3, 3), working_days=1
            ),
            "must come after",
        ),
    ],
)
def test_invalid_transitions_are_refused_with_409(extra: CaseEventRecord, english: str) -> None:
    with pytest.raises(CaseConflict) as refused:
        derive([*_opened_and_assigned(), extra])
    assert refused.value.status == 409
    assert english in refused.value.message
    assert " / " in refused.value.message


def test_nothing_happens_before_opening_or_after_closing() -> None:
    with pytest.raises(CaseConflict, match="has not been opened"):
        derive(
            [
                event(
                    EventKind.assigned,
                    START,
                    agency_id=1,
                    deadline=date(2025, 3, 10),
                    working_days=5,
                )
            ]
        )
    closed = [*_opened_and_assigned(), event(EventKind.closed, START)]
    with pytest.raises(CaseConflict, match="the case is “Closed”"):
        derive([*closed, event(EventKind.answered, START, agency_id=1, answer="muộn")])


def test_an_extension_moves_the_deadline_and_the_reminder_key() -> None:
    log = [
        *_opened_and_assigned(),
        event(
            EventKind.reminded,
            START + timedelta(days=4),
            None,
            agency_id=1,
            deadline=date(2025, 3, 10),
        ),
        event(
            EventKind.extension_requested,
            START + timedelta(days=4),
            agency_id=1,
            requested_deadline=date(2025, 3, 14),
            reason="cần đo đạc",
        ),
        event(
            EventKind.extension_granted,
            START + timedelta(days=5),
            agency_id=1,
            deadline=date(2025, 3, 14),
        ),
    ]
    state = derive(log)
    assignment = state.assignment(1)
    assert assignment is not None and assignment.deadline == date(2025, 3, 14)
    assert assignment.extensions == 1
    again = event(
        EventKind.reminded, START + timedelta(days=9), None, agency_id=1, deadline=date(2025, 3, 14)
    )
    assert dedupe_key(state, again.kind, again.payload) == "reminded:1:2025-03-14"
    assert apply(state, again).assignment(1).reminded_for == {date(2025, 3, 10), date(2025, 3, 14)}  # type: ignore[union-attr]


def test_payloads_are_validated() -> None:
    from opiniondesk.errors import InputError

    with pytest.raises(InputError, match="answer"):
        ev.parse_payload(EventKind.answered, {"agency_id": 1, "answer": ""})
    with pytest.raises(InputError, match="Extra inputs"):
        ev.parse_payload(EventKind.closed, {"reason": "x", "who": "someone"})
    with pytest.raises(InputError, match="unknown case event kind"):
        ev.parse_payload("deleted", {})
