"""Keeping results fresh: recompute when stale and old enough, once at a time, as a Huey task
too; the portal lists public consultations only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from huey import MemoryHuey  # type: ignore[import-untyped]

from opiniondesk.consultations import recompute, service
from opiniondesk.consultations import repository as repo
from opiniondesk.web import portal
from tests.conftest import DeskFixture
from tests.consultations.builders import open_consultation


def _vote(desk: DeskFixture, cid: int, key: str, choice: str = "agree") -> None:
    with desk.sessions.begin() as session:
        consultation = service.get(session, cid)
        first = repo.statements(session, cid)[0]
        service.vote(session, consultation, key_hash=key, statement_id=first.id, choice=choice)


def test_recompute_only_when_stale(desk: DeskFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recompute, "MIN_INTERVAL", timedelta(0))
    with desk.sessions.begin() as session:
        cid = open_consultation(session).id
    _vote(desk, cid, "a")
    assert recompute.recompute(desk.sessions, cid, min_group_size=5)
    assert not recompute.recompute(desk.sessions, cid, min_group_size=5)  # nothing new
    _vote(desk, cid, "a", "disagree")  # a changed vote: same count, newer time
    assert recompute.recompute(desk.sessions, cid, min_group_size=5)
    with desk.sessions() as session:
        run = repo.latest_run(session, cid)
        assert run is not None and run.vote_count == 1


def test_not_more_often_than_the_interval(desk: DeskFixture) -> None:
    with desk.sessions.begin() as session:
        cid = open_consultation(session).id
    _vote(desk, cid, "a")
    assert recompute.recompute(desk.sessions, cid, min_group_size=5)
    _vote(desk, cid, "b")
    assert not recompute.recompute(desk.sessions, cid, min_group_size=5)  # ran just now
    assert recompute.recompute(desk.sessions, cid, min_group_size=5, force=True)


def test_as_a_huey_task(sqlite_desk: DeskFixture) -> None:
    huey = MemoryHuey("consultations-test", immediate=True)
    task = recompute.recompute_task(huey, lambda: sqlite_desk.sessions, min_group_size=5)
    with sqlite_desk.sessions.begin() as session:
        cid = open_consultation(session).id
    _vote(sqlite_desk, cid, "a")
    assert task.call_local() == [cid]
    assert task.call_local() == []  # just computed: not due again
    with sqlite_desk.sessions() as session:
        assert repo.latest_run(session, cid) is not None


def test_portal_lists_open_and_closed_but_not_drafts(sqlite_desk: DeskFixture) -> None:
    import opiniondesk.web.routes.consultations  # noqa: F401  (registers the source)

    with sqlite_desk.sessions.begin() as session:
        shown = open_consultation(session)
        service.create(session, title="Bản nháp")
    with sqlite_desk.sessions() as session:
        entries = portal.entries(session, "consultations", "vi")
    assert [e.url for e in entries] == [f"/cong-khai/tham-van/{shown.id}"]
    assert entries[0].note == "Đang lấy ý kiến"
