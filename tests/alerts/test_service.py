"""Detection against the database (SQLite and PostgreSQL): alerts from rollup series."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select

from opiniondesk.alerts.models import Alert, AlertStatus
from opiniondesk.alerts.service import change_status, detect_alerts, list_alerts
from opiniondesk.errors import InputError, NotFoundError
from tests.alerts.builders import (
    AS_OF,
    QUIET,
    STEADY,
    Rollups,
    add_channel,
    add_document,
    days_back,
    pattern_series,
    with_burst,
)

PROVINCE, COMMUNE = "91", "30376"
OTHER_COMMUNES = ("30280", "30307", "30316", "30337", "30346")


def _write(desk, rollups: Rollups) -> None:
    with desk.sessions.begin() as session:
        rollups.write(session)


def _detect(desk, **kwargs):
    with desk.sessions.begin() as session:
        return detect_alerts(session, as_of=kwargs.pop("as_of", AS_OF), **kwargs)


def _alerts(desk) -> list[Alert]:
    with desk.sessions() as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


def _burst_in_commune(desk, extra=(4, 5, 6)) -> None:
    quiet = pattern_series(QUIET)
    _write(
        desk,
        Rollups()
        .desk_background()
        .series(with_burst(quiet, extra), topic="disaster", province=PROVINCE, commune=COMMUNE)
        .series(pattern_series(STEADY), topic="land", province=PROVINCE, commune=COMMUNE),
    )


class TestDetect:
    def test_an_obvious_burst_raises_one_alert_with_its_figures(self, desk):
        _burst_in_commune(desk)
        report = _detect(desk, days=1)
        assert report.raised == 1
        (alert,) = [a for a in _alerts(desk) if a.commune_code]
        assert (alert.topic_code, alert.province_code, alert.commune_code) == (
            "disaster",
            PROVINCE,
            COMMUNE,
        )
        assert alert.window_end == AS_OF and alert.window_start <= AS_OF
        assert alert.observed >= 15 and alert.expected < 2
        assert alert.probability < 1e-6 and alert.score > 6
        assert alert.method == "seasonal_negbin_scan"
        assert alert.parameters["baseline_days"] == 56 and alert.parameters["alpha"] == 0.001
        assert alert.status == AlertStatus.new and alert.detected_on == AS_OF

    def test_flat_series_raise_nothing(self, desk):
        _write(
            desk,
            Rollups()
            .desk_background()
            .series(pattern_series(STEADY), topic="land", province=PROVINCE, commune=COMMUNE)
            .series(pattern_series(QUIET), topic="traffic", province="01"),
        )
        report = _detect(desk, days=28)
        assert report.series == 3 and report.raised == 0
        assert _alerts(desk) == []

    def test_two_documents_where_there_were_none_raise_nothing(self, desk):
        _write(
            desk,
            Rollups()
            .desk_background()
            .series({AS_OF: 2}, topic="health", province=PROVINCE, commune=COMMUNE),
        )
        assert _detect(desk, days=7).raised == 0

    def test_neighbouring_days_extend_one_alert(self, desk):
        quiet = pattern_series(QUIET)
        _write(
            desk,
            Rollups()
            .desk_background()
            .series(
                with_burst(quiet, (5, 6, 5, 6, 5, 6, 5, 6)),
                topic="disaster",
                province=PROVINCE,
                commune=COMMUNE,
            ),
        )
        _detect(desk, days=10)
        (alert,) = [a for a in _alerts(desk) if a.commune_code]
        burst_start = days_back(8)[0]
        assert alert.detected_on == burst_start
        assert alert.window_start >= burst_start - np.timedelta64(13, "D").item()
        assert alert.window_end == AS_OF
        assert alert.observed >= 44

    def test_re_running_changes_nothing(self, desk):
        _burst_in_commune(desk)
        _detect(desk, days=28)
        first = [
            (a.id, a.window_start, a.window_end, a.observed, a.evidence) for a in _alerts(desk)
        ]
        again = _detect(desk, days=28)
        _detect(desk, days=1)
        assert again.raised == 0 and again.extended == 0
        after = [
            (a.id, a.window_start, a.window_end, a.observed, a.evidence) for a in _alerts(desk)
        ]
        assert after == first

    def test_a_daily_run_continues_yesterdays_alert(self, desk):
        _burst_in_commune(desk, extra=(6, 6, 6))
        yesterday = days_back(2)[0]
        _detect(desk, as_of=yesterday, days=1)
        report = _detect(desk, days=1)
        assert report.raised == 0 and report.extended == 1
        (alert,) = [a for a in _alerts(desk) if a.commune_code]
        assert alert.detected_on == yesterday and alert.window_end == AS_OF

    def test_days_out_of_range_are_refused(self, desk):
        with pytest.raises(InputError, match="days must be between"):
            _detect(desk, days=0)


class TestParentUnits:
    def test_a_commune_that_explains_the_rise_absorbs_the_province_alert(self, desk):
        rollups = Rollups().desk_background()
        rollups.series(
            with_burst(pattern_series(QUIET), (8, 9, 10)),
            topic="disaster",
            province=PROVINCE,
            commune=COMMUNE,
        )
        for shift, commune in enumerate(OTHER_COMMUNES, start=1):
            rollups.series(
                pattern_series(QUIET, shift=shift),
                topic="disaster",
                province=PROVINCE,
                commune=commune,
            )
        _write(desk, rollups)
        report = _detect(desk, days=3)
        alerts = _alerts(desk)
        assert [(a.commune_code, a.absorbs_province) for a in alerts] == [(COMMUNE, True)]
        assert report.absorbed >= 1

    def test_a_rise_spread_over_the_province_gets_a_province_alert(self, desk):
        rollups = Rollups().desk_background()
        for shift, commune in enumerate((COMMUNE, *OTHER_COMMUNES)):
            rollups.series(
                with_burst(pattern_series(QUIET, shift=shift), (2, 2)),
                topic="disaster",
                province=PROVINCE,
                commune=commune,
            )
        _write(desk, rollups)
        _detect(desk, days=3)
        alerts = _alerts(desk)
        assert [(a.province_code, a.commune_code, a.absorbs_province) for a in alerts] == [
            (PROVINCE, "", False)
        ]
        assert alerts[0].observed >= 24


class TestEvidence:
    def test_evidence_is_original_distinct_documents_of_the_topic_place_and_window(self, desk):
        _burst_in_commune(desk, extra=(6, 6, 6))
        signature = np.arange(64, dtype=np.uint64).tobytes()
        near = np.concatenate([np.arange(40), np.arange(1000, 1024)]).astype(np.uint64).tobytes()
        ids: dict[str, int] = {}
        with desk.sessions.begin() as session:
            channel = add_channel(session)
            common = {"topic": "disaster", "province": PROVINCE, "commune": COMMUNE}
            day = AS_OF
            first = add_document(
                session,
                channel,
                key="a",
                day=day,
                content_hash="ha",
                minhash=signature,
                score=0.9,
                **common,
            )
            ids["original"] = first.id
            ids["repost"] = add_document(
                session, channel, key="b", day=day, content_hash="hb", duplicate_of=first, **common
            ).id
            ids["near"] = add_document(
                session, channel, key="c", day=day, content_hash="hc", minhash=near, **common
            ).id
            ids["same_text"] = add_document(
                session, channel, key="d", day=day, content_hash="ha", **common
            ).id
            ids["other"] = add_document(
                session, channel, key="e", day=days_back(2)[0], content_hash="he", **common
            ).id
            ids["other_topic"] = add_document(
                session,
                channel,
                key="f",
                day=day,
                content_hash="hf",
                topic="land",
                province=PROVINCE,
                commune=COMMUNE,
            ).id
            ids["other_commune"] = add_document(
                session,
                channel,
                key="g",
                day=day,
                content_hash="hg",
                topic="disaster",
                province=PROVINCE,
                commune="30280",
            ).id
            ids["too_old"] = add_document(
                session, channel, key="h", day=days_back(60)[0], content_hash="hh", **common
            ).id
        _detect(desk, days=1)
        (alert,) = [a for a in _alerts(desk) if a.commune_code]
        assert sorted(alert.evidence) == sorted([ids["original"], ids["other"]])


class TestStatus:
    def test_status_changes_and_listing(self, desk):
        _burst_in_commune(desk)
        _detect(desk, days=1)
        (alert,) = _alerts(desk)
        with desk.sessions.begin() as session:
            change_status(session, alert.id, AlertStatus.acknowledged)
        with desk.sessions() as session:
            listed = list_alerts(session, min_group_size=5)
            assert [(a.id, a.status) for a in listed] == [(alert.id, AlertStatus.acknowledged)]
            assert list_alerts(session, min_group_size=alert.observed + 1) == []
        with desk.sessions.begin() as session:
            change_status(session, alert.id, AlertStatus.closed)
        with desk.sessions() as session:
            assert list_alerts(session, min_group_size=5) == []
        assert _detect(desk, days=1).raised == 0  # closed alerts are not raised again
        with desk.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Alert)) == 1

    def test_unknown_alert_is_a_clear_error(self, desk):
        with desk.sessions.begin() as session, pytest.raises(NotFoundError, match="no alert"):
            change_status(session, 12345, AlertStatus.closed)


class TestScheduledJob:
    def test_detect_recent_commits_its_alerts(self, desk):
        from opiniondesk.alerts.tasks import detect_recent

        _burst_in_commune(desk)
        report = detect_recent(desk.sessions, desk.settings, as_of=AS_OF)
        assert report.raised == 1 and report.first_day == days_back(2)[0]
        assert len(_alerts(desk)) == 1

    def test_the_small_cell_limit_is_the_minimum_alert_size(self, desk):
        from opiniondesk.alerts.tasks import detect_recent

        _burst_in_commune(desk)  # 15 documents in three days
        strict = desk.settings.model_copy(update={"min_group_size": 20})
        assert detect_recent(desk.sessions, strict, as_of=AS_OF).raised == 0
