"""Golden test: the demo corpus's Q3/2026 report carries the figures computed here independently
from the documents table (not from the rollups), and the DOCX/XLSX/CSV carry them faithfully."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from docx import Document as read_docx
from docx.shared import Mm
from openpyxl import load_workbook
from sqlalchemy import select

from opiniondesk.reports.office import Office
from opiniondesk.reports.period import parse_period
from opiniondesk.reports.service import build_report, render
from opiniondesk.storage.models import Annotation, Channel, Document

VN = ZoneInfo("Asia/Ho_Chi_Minh")
K = 5


def _originals(session, start: date, end: date) -> list[tuple[int, str, str, str]]:
    """(id, channel kind, sentiment, province) of original documents published in [start, end]
    local time."""
    low = datetime.combine(start, time(), VN)
    high = datetime.combine(end, time(23, 59, 59, 999999), VN)
    rows = session.execute(
        select(Document.id, Channel.kind, Document.sentiment, Document.province_code)
        .join(Channel, Channel.id == Document.channel_id)
        .where(
            Document.duplicate_of_id.is_(None),
            Document.published_at >= low,
            Document.published_at <= high,
        )
    )
    return [(row.id, str(row.kind), row.sentiment, row.province_code) for row in rows]


@pytest.fixture(scope="module")
def q3(demo_desk):
    with demo_desk.sessions.begin() as session:
        report = build_report(
            session,
            period=parse_period("2026-Q3"),
            unit_code="",
            settings=demo_desk.settings,
            office=Office(name="Ban Dân vận Tỉnh ủy", signer_name="Nguyễn Văn A"),
            issued_on=date(2026, 10, 5),
            proposals='Đề nghị tăng cường đối thoại.\n=HYPERLINK("x")',
        )
        figures = report.figures
        files = render(report, ["docx", "xlsx"]).files
        documents = _originals(session, date(2026, 7, 1), date(2026, 9, 30))
        previous = _originals(session, date(2026, 4, 1), date(2026, 6, 30))
        ids = [d[0] for d in documents]
        topic_rows = session.execute(
            select(Annotation.document_id, Annotation.value).where(
                Annotation.kind == "topic", Annotation.document_id.in_(ids)
            )
        ).all()
    return figures, files, documents, previous, topic_rows


def test_total_and_change_match_the_documents(q3):
    figures, _, documents, previous, _ = q3
    assert len(documents) > 300  # the demo spreads 3,000 documents over about two years
    assert figures["overview"]["total"] == len(documents)
    assert figures["overview"]["previous_total"] == len(previous)
    expected = (len(documents) - len(previous)) / len(previous)
    assert figures["overview"]["change"] == pytest.approx(expected)


def test_channels_and_sentiment_match_the_documents(q3):
    figures, _, documents, _, _ = q3
    channels = Counter(kind for _, kind, _, _ in documents)
    shown = {c["channel"]: c["count"] for c in figures["overview"]["by_channel"]}
    for kind, n in channels.items():
        assert shown[kind] == (n if n >= K else None)
    sentiment = Counter(s or "unknown" for _, _, s, _ in documents)
    shown_sentiment = {s["sentiment"]: s["count"] for s in figures["overview"]["by_sentiment"]}
    assert {s: n for s, n in sentiment.items() if n >= K} == {
        s: n for s, n in shown_sentiment.items() if n is not None
    }


def test_main_issues_match_the_documents(q3):
    figures, _, documents, _, topic_rows = q3
    sentiment = {i: s for i, _, s, _ in documents}
    province = {i: p for i, _, _, p in documents}
    per_topic = Counter(value for _, value in set(topic_rows))
    negative = Counter(v for d, v in set(topic_rows) if sentiment[d] == "negative")
    top = [
        t
        for t, n in sorted(per_topic.items(), key=lambda tn: (-tn[1], tn[0]))
        if n >= K and t != "other"
    ]
    issues = figures["issues"]
    assert [i["topic"] for i in issues] == top[: len(issues)]
    for issue in issues:
        assert issue["count"] == per_topic[issue["topic"]]
        assert issue["negative_share"] == pytest.approx(negative[issue["topic"]] / issue["count"])
        places = Counter(province[d] for d, v in set(topic_rows) if v == issue["topic"])
        for place in issue["places"]:
            assert place["count"] == places[place["code"]] >= K
        assert all(len(q.split()) <= 26 for q in issue["quotes"])


def test_places_match_the_documents(q3):
    figures, _, documents, _, _ = q3
    provinces = Counter(p for _, _, _, p in documents if p)
    expected = sorted(
        ((p, n) for p, n in provinces.items() if n >= K), key=lambda pn: (-pn[1], pn[0])
    )
    assert [(p["code"], p["count"]) for p in figures["places"]] == expected[
        : len(figures["places"])
    ]


def test_docx_has_the_decree_layout(q3):
    figures, files, *_ = q3
    doc = read_docx(io.BytesIO(files["docx"]))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    header = doc.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert [p.text for p in left.paragraphs] == ["UBND TỈNH", "BAN DÂN VẬN TỈNH ỦY", "Số: …/BC-BDV"]
    assert left.paragraphs[1].runs[0].bold
    motto = [p for p in right.paragraphs]
    assert motto[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and motto[0].runs[0].bold
    assert motto[0].runs[0].font.size.pt in (12, 13)
    assert motto[1].text == "Độc lập - Tự do - Hạnh phúc" and motto[1].runs[0].underline
    assert motto[2].text == "Hà Nội, ngày 05 tháng 10 năm 2026" and motto[2].runs[0].italic
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts and "Tình hình dư luận xã hội quý III/2026" in texts
    headings = [
        t
        for t in texts
        if t[:3].rstrip(".").isupper()
        and ". " in t
        and t.split(".")[0] in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
    ]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert any(t.startswith("1. ") for t in texts)  # numbered sub-headings under II
    assert texts[texts.index(headings[0]) + 1].startswith(
        "Trong quý III/2026, bàn đã tiếp nhận "
        + f"{figures['overview']['total']:,}".replace(",", ".")
        + " ý kiến, "
    )
    # body font and size
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt in (13, 14)
    body_runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.name for r in body_runs} == {"Times New Roman"}
    # tables: header, channels, issues, ... and the closing block
    channels_table = doc.tables[1]
    assert channels_table.cell(0, 0).text == "Kênh"
    assert len(channels_table.rows) == 1 + len(figures["overview"]["by_channel"])
    closing = doc.tables[-1]
    recipients = closing.cell(0, 0).paragraphs
    assert recipients[0].text == "Nơi nhận:"
    assert recipients[0].runs[0].bold and recipients[0].runs[0].italic
    assert recipients[0].runs[0].font.size.pt == 12 and recipients[1].runs[0].font.size.pt == 11
    signature = [p.text for p in closing.cell(0, 1).paragraphs if p.text]
    assert signature == ["TRƯỞNG BAN", "Nguyễn Văn A"]
    # two embedded charts
    assert len(doc.inline_shapes) == 2
    assert all(s.width <= Mm(166) for s in doc.inline_shapes)
    # proposals typed by the analyst appear as written
    assert "Đề nghị tăng cường đối thoại." in texts


def test_xlsx_carries_every_figure(q3):
    figures, files, *_ = q3
    book = load_workbook(io.BytesIO(files["xlsx"]))
    period = {row[0]: row[1] for row in book["period"].iter_rows(min_row=2, values_only=True)}
    assert period["total"] == figures["overview"]["total"]
    assert period["period"] == "2026-Q3"
    issues = list(book["issues"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in issues] == [(i["topic"], i["count"]) for i in figures["issues"]]
    channels = {r[0]: r[1] for r in book["channels"].iter_rows(min_row=2, values_only=True)}
    assert channels == {
        c["channel"]: (c["count"] if c["count"] is not None else f"<{K}")
        for c in figures["overview"]["by_channel"]
    }
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and v.startswith("=") for v in row)


def test_final_report_rebuilds_identically_from_its_stored_figures(demo_desk):
    with demo_desk.sessions.begin() as session:
        report = build_report(
            session,
            period=parse_period("2026-08"),
            unit_code="01",
            settings=demo_desk.settings,
            office=Office(),
            issued_on=date(2026, 9, 3),
        )
        report_id = report.id
        first = render(report, ["docx", "xlsx"])
    with demo_desk.sessions.begin() as session:
        from opiniondesk.reports.service import finalise

        finalise(session, report_id)
    with demo_desk.sessions() as session:
        from opiniondesk.reports.models import Report

        stored = session.get(Report, report_id)
        assert stored is not None and stored.figures["unit"]["name"] == "Thành phố Hà Nội"
        again = render(stored, ["docx", "xlsx"])
    assert again.content_hash == first.content_hash == stored.content_hashes["content"]

    def paragraphs(blob: bytes) -> list[str]:
        doc = read_docx(io.BytesIO(blob))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return [p.text for p in doc.paragraphs] + cells

    assert paragraphs(again.files["docx"]) == paragraphs(first.files["docx"])
    sheets = [load_workbook(io.BytesIO(r.files["xlsx"])) for r in (first, again)]
    assert [[list(s.values) for s in b.worksheets] for b in sheets[:1]] == [
        [list(s.values) for s in b.worksheets] for b in sheets[1:]
    ]
