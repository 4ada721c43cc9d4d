"""Loading the gazetteer into `admin_unit`: complete, idempotent, the caller commits."""

from __future__ import annotations

from datetime import date

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from opiniondesk.geo.gazetteer import get_gazetteer
from opiniondesk.geo.loader import load_admin_units
from opiniondesk.storage.base import Base
from opiniondesk.storage.models import AdminUnit, UnitLevel


def _count(session: Session, level: UnitLevel | None = None) -> int:
    query = select(func.count()).select_from(AdminUnit)
    if level is not None:
        query = query.where(AdminUnit.level == level)
    return int(session.scalar(query) or 0)


def test_load_is_complete_and_idempotent() -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    total = len(get_gazetteer())
    with Session(engine) as session:
        assert load_admin_units(session) == total
        assert load_admin_units(session) == 0
        assert _count(session) == total
        assert _count(session, UnitLevel.province) == 34
        assert _count(session, UnitLevel.commune) == 3321
        assert _count(session, UnitLevel.legacy_province) == 63


def test_rows_carry_roll_up_successor_and_validity() -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        load_admin_units(session)
        ben_nghe = session.scalars(
            select(AdminUnit).where(
                AdminUnit.level == UnitLevel.legacy_commune, AdminUnit.code == "26740"
            )
        ).one()
        assert ben_nghe.name == "Phường Bến Nghé"
        assert ben_nghe.province_code == "79"
        assert ben_nghe.successor_code == "26740"  # Phường Sài Gòn took over its code
        assert ben_nghe.valid_to == date(2025, 6, 30)
        hanoi = session.scalars(
            select(AdminUnit).where(AdminUnit.level == UnitLevel.province, AdminUnit.code == "01")
        ).one()
        assert hanoi.valid_from == date(2025, 7, 1) and hanoi.valid_to is None
        assert "HN" in hanoi.aliases


def test_loader_does_not_commit() -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        load_admin_units(session)
        session.rollback()
        assert _count(session) == 0


def test_partial_table_is_completed() -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        load_admin_units(session)
        session.execute(AdminUnit.__table__.delete().where(AdminUnit.level == UnitLevel.commune))
        assert load_admin_units(session) == 3321
