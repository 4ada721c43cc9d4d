"""`opiniondesk init`: database schema, administrative units and topics."""

from __future__ import annotations

from dataclasses import dataclass

import typer

from opiniondesk.analysis.topic_store import sync_topics
from opiniondesk.cli.context import Desk, console, desk
from opiniondesk.geo.loader import load_admin_units
from opiniondesk.pipeline.build import taxonomy_for


@dataclass(frozen=True, slots=True)
class InitResult:
    units_added: int
    topics: int


def initialise(d: Desk) -> InitResult:
    with d.sessions.begin() as session:
        units = load_admin_units(session)
        topics = sync_topics(session, taxonomy_for(d.settings))
    return InitResult(units, topics)


def init_command() -> None:
    """Tạo/cập nhật cơ sở dữ liệu, nạp đơn vị hành chính và chủ đề. / Create or upgrade the
    database, load administrative units and topics."""
    d = desk()
    with console.status("Đang khởi tạo / Initialising…"):
        result = initialise(d)
    url = d.engine.url.render_as_string(hide_password=True)
    console.print(f"[green]✓[/] Cơ sở dữ liệu / Database: {url}")
    console.print(f"[green]✓[/] Đơn vị hành chính mới nạp / Units added: {result.units_added:,}")
    console.print(f"[green]✓[/] Chủ đề / Topics: {result.topics}")


def register(app: typer.Typer) -> None:
    app.command("init")(init_command)
