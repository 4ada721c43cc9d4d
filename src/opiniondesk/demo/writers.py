"""Byte-stable file writers for the formats the channel readers accept.

Tables use the columns the readers map without configuration. Nothing here depends on the
clock: the XLSX file's timestamps are fixed so the same corpus gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

COLUMNS = ("external_id", "published_at", "title", "text", "url", "author", "location")
Row = Mapping[str, str | None]
_FIXED_TIME = datetime(2025, 1, 1)  # written into XLSX metadata instead of "now"


def write_csv(path: Path, rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([row.get(c) or "" for c in COLUMNS])


def write_jsonl(path: Path, rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            record = {c: row.get(c) for c in COLUMNS if row.get(c) is not None}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_xlsx(path: Path, rows: Iterable[Row], *, sheet: str) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append([row.get(c) or None for c in COLUMNS])
    wb.properties.creator = "opiniondesk demo"
    wb.properties.created = _FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    wb.properties.modified = _FIXED_TIME
    core = _core_xml(wb)
    _restamp_zip(buffer.getvalue(), path, {"docProps/core.xml": core})


def _core_xml(wb: Any) -> bytes:
    from openpyxl.xml.functions import tostring

    return bytes(tostring(wb.properties.to_tree()))


def _restamp_zip(data: bytes, path: Path, replace: Mapping[str, bytes]) -> None:
    """Rewrite a zip with fixed entry dates (and some entries replaced) for stable bytes."""
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, replace.get(info.filename, src.read(info.filename)))


def write_rss(
    path: Path, items: Sequence[Mapping[str, Any]], *, title: str, link: str, description: str
) -> None:
    """RSS 2.0: items need guid, title, link, published (aware datetime), description."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = link
    ET.SubElement(channel, "description").text = description
    ET.SubElement(channel, "language").text = "vi"
    for item in items:
        node = ET.SubElement(channel, "item")
        ET.SubElement(node, "guid", isPermaLink="true").text = item["guid"]
        ET.SubElement(node, "title").text = item["title"]
        ET.SubElement(node, "link").text = item["link"]
        ET.SubElement(node, "pubDate").text = format_datetime(item["published"])
        ET.SubElement(node, "description").text = item["description"]
    ET.indent(rss)
    body = ET.tostring(rss, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", encoding="utf-8")


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
