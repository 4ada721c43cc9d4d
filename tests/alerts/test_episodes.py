"""Day de-duplication: an ongoing rise extends its alert; a closed alert is not reopened."""

from __future__ import annotations

from datetime import date, timedelta

from opiniondesk.alerts.episodes import AlertBook, Episode
from opiniondesk.alerts.models import AlertStatus
from opiniondesk.alerts.series import SeriesKey

KEY = SeriesKey("disaster", "91", "30376")
D = date(2026, 3, 10)


def _day(n: int) -> date:
    return D + timedelta(days=n)


class TestRecord:
    def test_signals_on_following_days_extend_one_alert(self):
        book = AlertBook()
        first = book.record(KEY, _day(-2), _day(0))
        for n in range(1, 5):
            assert book.record(KEY, _day(n - 2), _day(n)) is first
        assert [(e.start, e.end, e.detected_on) for e in book] == [(_day(-2), _day(4), _day(0))]

    def test_a_short_pause_does_not_split_an_alert(self):
        book = AlertBook(merge_gap_days=3)
        book.record(KEY, _day(0), _day(0))
        book.record(KEY, _day(3), _day(3))
        assert len(list(book)) == 1

    def test_a_long_pause_starts_a_new_alert(self):
        book = AlertBook(merge_gap_days=3)
        book.record(KEY, _day(0), _day(0))
        book.record(KEY, _day(10), _day(10))
        assert [e.start for e in book] == [_day(0), _day(10)]

    def test_other_series_are_separate(self):
        book = AlertBook()
        book.record(KEY, _day(0), _day(0))
        book.record(SeriesKey("disaster", "91", ""), _day(0), _day(0))
        assert len(list(book)) == 2

    def test_replaying_a_day_changes_nothing(self):
        book = AlertBook()
        book.record(KEY, _day(0), _day(5))
        assert book.record(KEY, _day(2), _day(3)).end == _day(5)
        assert len(list(book)) == 1

    def test_a_closed_alert_absorbs_signals_inside_it_and_is_never_reopened(self):
        closed = Episode(KEY, _day(0), _day(4), _day(0), status=AlertStatus.closed)
        book = AlertBook.of([closed])
        assert book.record(KEY, _day(2), _day(4)) is None
        later = book.record(KEY, _day(0), _day(6))
        assert later is not closed
        assert (later.start, later.end, later.status) == (_day(5), _day(6), AlertStatus.new)
        assert closed.end == _day(4)

    def test_an_acknowledged_alert_keeps_growing(self):
        acknowledged = Episode(KEY, _day(0), _day(4), _day(0), status=AlertStatus.acknowledged)
        book = AlertBook.of([acknowledged])
        assert book.record(KEY, _day(5), _day(5)) is acknowledged
        assert acknowledged.end == _day(5)
