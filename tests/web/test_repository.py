"""Dashboard SQL on both backends (the project's migrated `desk` fixture: SQLite, PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

from opiniondesk.storage.engine import transaction
from opiniondesk.storage.models import UnitLevel
from opiniondesk.web import repository as repo
from opiniondesk.web.filters import Filters, resolve_scope
from opiniondesk.web.i18n import Translator
from tests.conftest import DeskFixture
from tests.web.seed import LATEST, seed_all

JUNE = repo.Scope(date(2025, 6, 1), date(2025, 6, 30))


def _seeded(desk: DeskFixture) -> DeskFixture:
    with transaction(desk.sessions) as session:
        seed_all(session)
    return desk


def test_latest_day_and_default_period(desk: DeskFixture) -> None:
    with desk.sessions() as session:
        assert repo.latest_day(session) is None
    _seeded(desk)
    with desk.sessions() as session:
        latest = repo.latest_day(session)
    assert latest == LATEST
    scope = resolve_scope(Filters(), latest, Translator("vi"))
    assert (scope.start, scope.end, scope.days) == (LATEST - timedelta(days=89), LATEST, 90)
    assert scope.previous().end == scope.start - timedelta(days=1)
    assert scope.previous().days == 90


def test_totals_and_breakdowns(desk: DeskFixture) -> None:
    _seeded(desk)
    with desk.sessions() as session:
        assert repo.total_documents(session, JUNE) == 30 * 22 + 3
        volume = repo.volume_by_day(session, JUNE)
        assert len(volume) == 30 and volume[LATEST] == 25 and volume[date(2025, 6, 1)] == 22
        assert repo.sentiment_counts(session, JUNE) == {
            "negative": 300,
            "neutral": 360,
            "positive": 3,
        }
        assert repo.channel_counts(session, JUNE) == {"feedback": 300, "feed": 360, "survey": 3}
        assert repo.province_counts(session, JUNE) == {"01": 300, "91": 240, "": 120, "48": 3}
        by_channel = repo.volume_by_day_and_channel(session, JUNE)
        assert by_channel[(LATEST, "survey")] == 3


def test_filters_narrow_every_query(desk: DeskFixture) -> None:
    _seeded(desk)
    hanoi = repo.Scope(JUNE.start, JUNE.end, province_code="01")
    feed = repo.Scope(JUNE.start, JUNE.end, channel_kind="feed")
    traffic = repo.Scope(JUNE.start, JUNE.end, topic_code="traffic")
    with desk.sessions() as session:
        assert repo.total_documents(session, hanoi) == 300
        assert repo.commune_counts(session, hanoi) == {"00097": 300}
        assert repo.total_documents(session, feed) == 360
        assert repo.total_documents(session, traffic) == 360
        assert repo.sentiment_counts(session, traffic) == {"neutral": 360}
        assert repo.all_documents_ignoring_topic(session, traffic) == 663


def test_topics_with_previous_period(desk: DeskFixture) -> None:
    _seeded(desk)
    with desk.sessions() as session:
        both = repo.topic_counts_with_previous(session, JUNE)
    # the previous period is 2–31 May: 10 land and 8 traffic documents a day
    assert both["land"] == (300, 300)
    assert both["traffic"] == (360, 240)
    assert both["evil"] == (3, 0)


def test_names(desk: DeskFixture) -> None:
    _seeded(desk)
    with desk.sessions() as session:
        assert repo.unit_names(session, UnitLevel.province)["01"] == "Hà Nội"
        assert repo.unit_names(session, UnitLevel.commune, "01") == {
            "00004": "Ba Đình",
            "00097": "Hồng Hà",
        }
        assert repo.topic_labels(session, "en")["land"] == "Land"
        assert repo.topic_labels(session, "vi")["land"] == "Đất đai"
