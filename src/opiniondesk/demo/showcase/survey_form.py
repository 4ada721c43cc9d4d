"""The demo XLSForm: kept as text in demo/data (reviewable, no binary in the repository) and
written to a real .xlsx at demo time, so the import goes through pyxform like any form."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import openpyxl
import yaml

FORM_RESOURCE = "sidewalk_survey.yaml"
FORM_ID = "demo_via_he_2026"
SHEETS = ("survey", "choices", "settings")


def form_rows() -> dict[str, list[list[Any]]]:
    text = resources.files("opiniondesk.demo").joinpath("data", FORM_RESOURCE).read_text("utf-8")
    data = yaml.safe_load(text)
    return {sheet: [list(row) for row in data[sheet]] for sheet in SHEETS}


def write_demo_form(folder: Path) -> Path:
    """Write the demo XLSForm into `folder`; returns its path."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for sheet, rows in form_rows().items():
        worksheet = workbook.create_sheet(sheet)
        for row in rows:
            worksheet.append(row)
    path = folder / f"{FORM_ID}.xlsx"
    workbook.save(path)
    return path
