"""Periods, narrative wording and number formats, CSV formula neutralisation."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from opiniondesk.errors import InputError
from opiniondesk.reports import narrative
from opiniondesk.reports.csv_export import neutralise, to_csv
from opiniondesk.reports.docx_writer import date_line
from opiniondesk.reports.models import ReportKind
from opiniondesk.reports.numbers import decimal
from opiniondesk.reports.period import parse_period


class TestParsePeriod:
    def test_quarter_and_its_predecessor(self):
        q = parse_period("2026-Q3")
        assert (q.start, q.end, q.kind) == (
            date(2026, 7, 1),
            date(2026, 9, 30),
            ReportKind.quarterly,
        )
        assert q.name("vi") == "quý III/2026" and q.previous().name("vi") == "quý II/2026"
        assert parse_period("2026-q1").previous().label == "2025-Q4"

    def test_month_and_custom(self):
        m = parse_period("2026-02")
        assert (m.end, m.previous().label) == (date(2026, 2, 28), "2026-01")
        c = parse_period(
            None, kind=ReportKind.custom, start=date(2026, 7, 1), end=date(2026, 7, 10)
        )
        assert c.previous().end == date(2026, 6, 30) and c.previous().days == 10

    @pytest.mark.parametrize(
        ("text", "kind"),
        [("2026-Q5", None), ("Q3", None), ("2026-13", None), ("2026-Q3", ReportKind.monthly)],
    )
    def test_bad_input_says_what_to_do(self, text, kind):
        with pytest.raises(InputError, match="2026-Q3"):
            parse_period(text, kind=kind)

    def test_custom_needs_both_dates(self):
        with pytest.raises(InputError, match="--from"):
            parse_period(None, kind=ReportKind.custom, start=date(2026, 7, 1))


def _figures(total, previous, change):
    return {
        "min_group_size": 5,
        "period": {
            "name_vi": "quý III/2026",
            "name_en": "Q3 2026",
            "previous_name_vi": "quý II/2026",
            "previous_name_en": "Q2 2026",
        },
        "overview": {
            "total": total,
            "previous_total": previous,
            "change": change,
            "by_channel": [],
        },
    }


class TestNarrative:
    def test_vietnamese_sentence_with_formats(self):
        text = narrative.overview(_figures(1234, 1097, 0.125), "vi")
        assert (
            text
            == "Trong quý III/2026, bàn đã tiếp nhận 1.234 ý kiến, tăng 12,5% so với quý II/2026."
        )

    def test_english_sentence_and_decrease(self):
        text = narrative.overview(_figures(1234, 1400, -0.1186), "en")
        assert text == "In Q3 2026, the desk received 1,234 opinions, down 11.9% on Q2 2026."

    def test_suppressed_total_is_never_guessed(self):
        text = narrative.overview(_figures(None, None, None), "vi")
        assert "<5 ý kiến" in text and "chưa đủ số liệu" in text

    def test_decimal_and_date_line(self):
        assert decimal(1234.5, "vi") == "1.234,5" and decimal(1234.5, "en") == "1,234.5"
        assert date_line("Hà Nội", date(2026, 10, 5)) == "Hà Nội, ngày 05 tháng 10 năm 2026"
        assert date_line("Huế", date(2026, 2, 12)) == "Huế, ngày 12 tháng 02 năm 2026"


class TestCsvInjection:
    @pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
    def test_formula_starts_get_an_apostrophe(self, value):
        assert neutralise(value) == "'" + value

    def test_numbers_and_plain_text_are_kept(self):
        assert neutralise(-3) == -3 and neutralise("Hà Nội") == "Hà Nội"

    def test_written_csv_reads_back_neutralised(self):
        text = to_csv(["topic", "count"], [['=HYPERLINK("http://x")', 5], ["land", None]])
        rows = list(csv.reader(io.StringIO(text)))
        assert rows == [["topic", "count"], ['\'=HYPERLINK("http://x")', "5"], ["land", ""]]
