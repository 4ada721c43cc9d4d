"""Fixtures of the explorer's page tests: the web fixtures of tests/web, documents, alerts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.storage.engine import make_session_factory
from tests.explorer.builders import XSS, add_channel, add_document
from tests.web.conftest import (  # noqa: F401
    anonymous_client,
    cheap_passwords,
    client,
    engine,
    seeded_engine,
    settings,
)


@pytest.fixture
def docs(seeded_engine: Engine) -> dict[str, int]:  # noqa: F811
    with make_session_factory(seeded_engine).begin() as session:
        channel = add_channel(session)
        ids = {
            "ba_dinh": add_document(
                session,
                channel,
                f"Sạt lở ở đường Đội Cấn {XSS}",
                title=f"Sạt lở {XSS}",
                commune="00004",
                topic="land",
            ),
            "ngoc_ha": add_document(
                session, channel, "Sat lo o pho Ngoc Ha, can xu ly gap", commune="00008"
            ),
            "hcmc": add_document(
                session, channel, "Ngập nước đường Phú Lợi", province="79", commune="25750"
            ),
        }
        ids["repost"] = add_document(
            session,
            channel,
            "Sạt lở ở đường Đội Cấn (đăng lại)",
            commune="00004",
            duplicate_of=ids["ba_dinh"],
        )
    return ids


@pytest.fixture
def alerts(seeded_engine: Engine, docs: dict[str, int]) -> dict[str, int]:  # noqa: F811
    def alert(province: str, commune: str, observed: int, evidence: list[int]) -> Alert:
        return Alert(
            topic_code="land",
            province_code=province,
            commune_code=commune,
            window_start=date(2025, 6, 25),
            window_end=date(2025, 6, 30),
            detected_on=date(2025, 6, 30),
            observed=observed,
            expected=3.5,
            probability=0.0001,
            score=4.0,
            method="test",
            parameters={},
            status=AlertStatus.new,
            evidence=evidence,
            created_at=datetime(2025, 6, 30, tzinfo=UTC),
            updated_at=datetime(2025, 6, 30, tzinfo=UTC),
        )

    rows = {
        "hanoi": alert("01", "00097", 40, [docs["ba_dinh"]]),
        "small": alert("01", "00008", 3, []),
        "hcmc": alert("79", "", 30, [docs["hcmc"]]),
    }
    with make_session_factory(seeded_engine).begin() as session:
        session.add_all(rows.values())
        session.flush()
        return {name: a.id for name, a in rows.items()}
