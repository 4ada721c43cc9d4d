"""`opiniondesk dialogue import | minute | list | purge-contacts` as an operator meets them,
with a CSV and an XLSX list (bad rows reported by line, the good ones kept)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from docx import Document as open_docx
from sqlalchemy import select
from typer.testing import CliRunner

from opiniondesk.cli.main import app
from opiniondesk.config import get_settings
from opiniondesk.dialogue import repository as repo
from opiniondesk.dialogue import show
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.models import Channel, ChannelKind, Document
from tests.dialogue.builders import make_session

runner = CliRunner()


def _flat(output: str) -> str:
    """The console wraps long lines: compare with single spaces."""
    return " ".join(output.split())


ROAD = "Bao giờ thì sửa đoạn đường Nguyễn Trãi bị lún sụt trước chợ?"


@pytest.fixture
def cli(desk, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPINIONDESK_DATABASE_URL", desk.url)
    monkeypatch.setenv("OPINIONDESK_HOME", str(desk.home))
    monkeypatch.setenv("OPINIONDESK_SECRET_KEY", "test-secret")
    get_settings.cache_clear()
    yield desk
    get_settings.cache_clear()


def test_import_csv_and_xlsx_then_minute(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sid = make_session(cli.sessions, utcnow())
    csv_path = tmp_path / "hotline.csv"
    csv_path.write_text(
        "Nội dung,Người gửi\n"
        f"{ROAD},an\n"
        '"duong nguyen trai truoc cho lun qua, bao h dc sua v a",binh\n'
        "ngắn,chi\n"
        f"{ROAD},an\n",  # the same person again: counted once
        encoding="utf-8",
    )
    result = runner.invoke(app, ["dialogue", "import", str(sid), str(csv_path)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 questions, 1 rows with errors" in _flat(result.stdout)
    assert "hotline.csv:4" in _flat(result.output)  # the short question, by line
    with cli.sessions() as session:  # the questions also count on the dashboard, once each
        fed = session.scalars(
            select(Document.external_id)
            .join(Channel, Channel.id == Document.channel_id)
            .where(Channel.kind == ChannelKind.dialogue)
        ).all()
    assert len(fed) == 2 and all(x.startswith("dialogue-question:") for x in fed)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nội dung"])
    sheet.append(["Khi nào trường tiểu học xã xây thêm phòng học để không phải học ca ba?"])
    xlsx_path = tmp_path / "ds.xlsx"
    book.save(xlsx_path)
    result = runner.invoke(app, ["dialogue", "import", str(sid), str(xlsx_path)])
    assert result.exit_code == 0, result.output
    with cli.sessions.begin() as session:
        counts = repo.people_per_group(session, sid)
        assert sorted(counts.values()) == [1, 2]
        road = max(counts, key=lambda g: counts[g])
        show.answered(session, sid, road, "Phường sửa trong tháng 12.", utcnow())
    out = tmp_path / "bien-ban.docx"
    result = runner.invoke(app, ["dialogue", "minute", str(sid), "--out", str(out)])
    assert result.exit_code == 0, result.output
    document = open_docx(io.BytesIO(out.read_bytes()))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "BIÊN BẢN" in [p.text for p in document.paragraphs]
    assert "Phường sửa trong tháng 12." in cells and "2" in cells
    listed = runner.invoke(app, ["dialogue", "list"])
    assert listed.exit_code == 0 and str(sid) in listed.stdout


def test_unknown_session_and_missing_file_fail_clearly(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["dialogue", "minute", "999", "--out", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "No dialogue session #999" in _flat(result.output)
    sid = make_session(cli.sessions, utcnow())
    result = runner.invoke(app, ["dialogue", "import", str(sid), str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "file not found" in _flat(result.output)
    purged = runner.invoke(app, ["dialogue", "purge-contacts"])
    assert purged.exit_code == 0 and "Deleted 0 expired contacts" in purged.stdout
