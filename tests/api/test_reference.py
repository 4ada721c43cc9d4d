"""/api/v1/topics, /api/v1/units (no-diacritics search) and /api/v1/stats (suppressed)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.accounts.roles import Role
from tests.accounts.builders import make_user
from tests.api.conftest import bearer, token_for


def _token(sessions: sessionmaker[Session], username: str, unit: str = "VN") -> dict[str, str]:
    make_user(sessions, username, Role.analyst, (unit,))
    return bearer(token_for(sessions, username))


def test_units_are_found_with_or_without_diacritics(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    token = _token(sessions, "reader")
    for query in ("Hà Nội", "ha noi", "HA NOI"):
        found = api.get("/api/v1/units", params={"q": query}, headers=token).json()
        assert found[0]["code"] == "01" and found[0]["level"] == "province", query
    ward = api.get("/api/v1/units", params={"q": "phuong ba dinh"}, headers=token).json()
    assert any(u["short_name"] == "Ba Đình" and u["province_code"] == "01" for u in ward)
    by_code = api.get("/api/v1/units", params={"q": "79"}, headers=token).json()
    assert by_code[0]["code"] == "79"


def test_topics_have_both_labels(api: TestClient, sessions: sessionmaker[Session]) -> None:
    topics = api.get("/api/v1/topics", headers=_token(sessions, "reader")).json()
    land = next(t for t in topics if t["code"] == "land")
    assert land["label_vi"] == "Đất đai" and land["label_en"] == "Land"


def test_stats_suppress_small_cells_and_follow_the_units(
    api: TestClient, sessions: sessionmaker[Session]
) -> None:
    national = api.get("/api/v1/stats", headers=_token(sessions, "reader")).json()
    assert national["by_topic"]["evil"] is None  # the seed's cell of 3
    assert national["by_topic"]["land"] == 1200 and national["min_group_size"] == 5
    hanoi = api.get("/api/v1/stats", headers=_token(sessions, "hanoi.reader", "01")).json()
    assert set(hanoi["by_topic"]) == {"land"}
    assert list(hanoi["by_province"]) == ["Thành phố Hà Nội"]
