"""The audit log: what a record holds, what it refuses to hold, and that the database itself
refuses to change or delete it (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from opiniondesk.accounts import audit
from opiniondesk.accounts.models import AuditEvent
from opiniondesk.accounts.principal import Grant, Principal
from opiniondesk.accounts.roles import Role
from opiniondesk.storage.base import Base
from opiniondesk.storage.engine import make_engine, make_session_factory
from tests.accounts.builders import make_user

SRC = Path(__file__).resolve().parents[2] / "src" / "opiniondesk"


def _one_event(desk) -> int:
    with desk.sessions.begin() as session:
        return audit.record(
            session, actor=None, action="case.assign", object_type="case", object_id=7
        ).id


class TestRecord:
    def test_who_what_when_where(self, desk) -> None:
        user = make_user(desk.sessions, "lan")
        actor = Principal(user.id, "lan", (Grant(Role.analyst, "VN", ""),))

        request = SimpleNamespace(
            client=SimpleNamespace(host="203.0.113.9"),
            headers={"user-agent": "Mozilla/5.0 (X11; Linux)"},
        )

        with desk.sessions.begin() as session:
            audit.record(
                session,
                actor=actor,
                action="case.assign",
                object_type="case",
                object_id=42,
                request=request,  # type: ignore[arg-type]
                details={"agency_id": 3, "deadline": "2025-07-10"},
            )
        with desk.sessions() as session:
            event = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "case.assign")
            ).one()
        assert (event.actor_id, event.object_type, event.object_id) == (user.id, "case", "42")
        assert (event.ip, event.user_agent) == ("203.0.113.9", "Mozilla/5.0 (X11; Linux)")
        assert event.details == {"agency_id": 3, "deadline": "2025-07-10"}
        assert event.at.tzinfo is not None

    def test_system_actor_is_none(self, desk) -> None:
        event_id = _one_event(desk)
        with desk.sessions() as session:
            assert session.get(AuditEvent, event_id).actor_id is None  # type: ignore[union-attr]


class TestDetails:
    @pytest.mark.parametrize(
        "key",
        ["password", "new_password", "api_token", "token_hash", "secret", "email", "phone",
         "address", "citizen_id", "text", "body", "content", "full_name", "author_key"],
    )  # fmt: skip
    def test_personal_and_secret_values_are_redacted(self, key: str) -> None:
        assert audit.clean_details({key: "0912345678"}) == {key: audit.REDACTED}

    def test_ordinary_fields_are_kept(self) -> None:
        details = {"status": "assigned", "agency_id": 3, "on_time": True, "units": ["01", "79"]}
        assert audit.clean_details(details) == details

    def test_long_values_are_cut(self) -> None:
        cleaned = audit.clean_details({"title": "x" * 1000})
        assert len(str(cleaned["title"])) == audit.MAX_VALUE_CHARS

    def test_nested_objects_are_refused(self) -> None:
        with pytest.raises(ValueError, match="flat"):
            audit.clean_details({"case": {"title": "…"}})


class TestAppendOnly:
    def test_update_is_refused_by_the_database(self, desk) -> None:
        event_id = _one_event(desk)
        with pytest.raises(DBAPIError, match="append-only"), desk.engine.begin() as conn:
            conn.execute(
                text("UPDATE audit_event SET action = 'nothing' WHERE id = :id"), {"id": event_id}
            )
        with desk.sessions() as session:
            assert session.get(AuditEvent, event_id).action == "case.assign"  # type: ignore[union-attr]

    def test_delete_is_refused_by_the_database(self, desk) -> None:
        event_id = _one_event(desk)
        with pytest.raises(DBAPIError, match="append-only"), desk.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": event_id})
        with desk.sessions() as session:
            assert session.get(AuditEvent, event_id) is not None

    def test_orm_changes_are_refused_too(self, desk) -> None:
        event_id = _one_event(desk)
        with pytest.raises(DBAPIError), desk.sessions.begin() as session:
            event = session.get(AuditEvent, event_id)
            assert event is not None
            event.details = {"forged": True}

    def test_tables_made_without_migrations_are_append_only_too(self, tmp_path: Path) -> None:
        engine = make_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
        Base.metadata.create_all(engine)
        with make_session_factory(engine).begin() as session:
            audit.record(session, actor=None, action="x.y", object_type="x", object_id=1)
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_event"))
        engine.dispose()

    def test_no_code_path_updates_or_deletes_audit_rows(self) -> None:
        pattern = re.compile(r"(update|delete)\(\s*AuditEvent|audit_event\s+(SET|WHERE)", re.I)
        offenders = [
            str(path.relative_to(SRC))
            for path in SRC.rglob("*.py")
            if "migrations" not in path.parts and pattern.search(path.read_text("utf-8"))
        ]
        assert offenders == []
