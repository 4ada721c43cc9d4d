"""Reading the offline data shipped inside the `vietnamadminunits` registry package.

Only its data files are read (SQLite opened read-only, one JSON file); none of its functions are
called, because some of them may reach the network.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opiniondesk.errors import ConfigError

PACKAGE = "vietnamadminunits"

Row = dict[str, Any]

_NEW_COLUMNS = (
    "province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey, "
    "ward, wardShort, wardType, wardCode, wardLat, wardLon, wardKey"
)
_LEGACY_COLUMNS = (
    "province, provinceShort, provinceCode, provinceLat, provinceLon, provinceKey, provinceAlias, "
    "district, districtShort, districtType, districtCode, districtLat, districtLon, districtKey, "
    "districtAlias, ward, wardShort, wardType, wardCode, wardLat, wardLon, wardKey, wardAlias"
)


@dataclass(frozen=True, slots=True)
class PackageData:
    """Raw rows: one per 2025 commune, one per legacy commune (or wardless legacy district)."""

    new_rows: list[Row]
    legacy_rows: list[Row]
    # new province key → old province keys merged into it
    province_merges: dict[str, list[str]]
    # new province key → new ward key → ["oldprov_olddistrict_oldward", ...], whole old wards
    whole_ward_merges: dict[str, dict[str, list[str]]]
    # new province key → "oldprov_olddistrict_oldward" → [{newWardKey, isDefaultNewWard, ...}]
    divided_wards: dict[str, dict[str, list[dict[str, Any]]]]


def _data_file(name: str) -> Path:
    # find_spec locates the package without running its __init__, which would import (and
    # load the data of) its address parser and converter for nothing.
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{PACKAGE} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


def _read_rows(db_path: Path, table: str, columns: str) -> list[Row]:
    uri = f"{db_path.as_uri()}?mode=ro"  # read-only: the package's file is never written
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        connection.row_factory = sqlite3.Row
        cursor = connection.execute(f"SELECT {columns} FROM {table}")  # constants only
        return [dict(row) for row in cursor]


def read_package_data() -> PackageData:
    """Read both administrative maps and the old→new conversion tables."""
    try:
        db_path = _data_file("dataset.db")
        new_rows = _read_rows(db_path, "admin_units", _NEW_COLUMNS)
        legacy_rows = _read_rows(db_path, "admin_units_legacy", _LEGACY_COLUMNS)
        converter = json.loads(_data_file("converter_2025.json").read_text(encoding="utf-8"))
    except (OSError, sqlite3.Error, ValueError, ModuleNotFoundError) as exc:
        raise ConfigError(
            f"Không đọc được dữ liệu đơn vị hành chính của gói {PACKAGE}: {exc} "
            f"(cannot read the administrative-unit data of the {PACKAGE} package)"
        ) from exc
    return PackageData(
        new_rows=new_rows,
        legacy_rows=legacy_rows,
        province_merges=converter["DICT_PROVINCE"],
        whole_ward_merges=converter["DICT_PROVINCE_WARD_NO_DIVIDED"],
        divided_wards=converter["DICT_PROVINCE_WARD_DIVIDED"],
    )
