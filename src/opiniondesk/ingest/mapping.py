"""Which column of a table holds which RawItem field, given by the user or guessed from headers.

A mapping comes from CLI flags (`--map text=noi_dung`) or a small YAML file. Columns named like
the fields, or with a common Vietnamese/English header ("Nội dung", "Ngày", "Địa bàn"…), need no
mapping: headers are compared without case, tone marks or punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from opiniondesk.ingest.dates import DEFAULT_TZ, DateError, zone
from opiniondesk.ingest.errors import ReaderError, say

FIELDS = ("text", "title", "url", "published_at", "external_id", "author", "location")
OPTIONS = ("sheet", "date_format", "timezone", "encoding", "delimiter", "extra")
_MAX_YAML_BYTES = 64 * 1024

# Header spellings recognised without a mapping, already folded (see `fold`). Order matters:
# the first field that claims a header keeps it.
# fmt: off
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "noi_dung", "content", "message", "body", "y_kien", "noi_dung_y_kien",
             "noi_dung_phan_anh", "phan_anh"),
    "title": ("title", "tieu_de", "subject"),
    "url": ("url", "link", "permalink", "permalink_url", "lien_ket", "duong_dan"),
    "published_at": ("published_at", "ngay", "thoi_gian", "date", "created_time", "created_at",
                     "published", "ngay_dang", "ngay_gui", "thoi_diem", "ngay_thang", "datetime",
                     "timestamp"),
    "external_id": ("external_id", "id", "ma", "ma_so", "ma_phan_anh"),
    "author": ("author", "tac_gia", "nguoi_gui", "nguoi_viet"),
    "location": ("location", "dia_ban", "dia_diem", "place", "khu_vuc"),
}
# fmt: on


def fold(name: str) -> str:
    """Header key without case, tone marks or punctuation: "Nội dung" -> "noi_dung"."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "_", bare.lower()).strip("_")


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """field -> column name, plus how to read the file (sheet, dates, encoding, delimiter)."""

    text: str | None = None
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    external_id: str | None = None
    author: str | None = None
    location: str | None = None
    sheet: str | None = None
    date_format: str | None = None
    timezone: str = DEFAULT_TZ
    encoding: str | None = None
    delimiter: str | None = None
    extra: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        try:
            zone(self.timezone)  # fail at setup, not on row 50 000
        except DateError as exc:
            raise ReaderError(exc.message) from exc
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise ReaderError(
                say(
                    f"delimiter phải là đúng một ký tự, nhận được {self.delimiter!r}",
                    f"delimiter must be a single character, got {self.delimiter!r}",
                )
            )

    @classmethod
    def from_flags(cls, flags: Iterable[str]) -> ColumnMapping:
        """Build from CLI `--map field=column` values (`extra=a,b` keeps extra columns)."""
        values: dict[str, str] = {}
        for flag in flags:
            key, sep, value = flag.partition("=")
            if not sep or not key.strip():
                raise ReaderError(
                    say(
                        f"--map {flag!r} không đúng dạng trường=cột, ví dụ --map text=noi_dung",
                        f"--map {flag!r} is not field=column, e.g. --map text=noi_dung",
                    )
                )
            values[key.strip()] = value.strip()
        return cls.from_dict(values, where="--map")

    @classmethod
    def from_yaml(cls, path: str | Path) -> ColumnMapping:
        """Build from a YAML file of `field: column` and option keys."""
        path = Path(path)
        try:
            raw = path.read_bytes()[: _MAX_YAML_BYTES + 1]
        except OSError as exc:
            raise ReaderError(
                say(f"Không đọc được tệp ánh xạ {path}: {exc}", f"cannot read mapping {path}")
            ) from exc
        if len(raw) > _MAX_YAML_BYTES:
            raise ReaderError(
                say(f"Tệp ánh xạ {path} quá lớn", f"mapping file {path} is too large (> 64 KB)")
            )
        try:
            data = yaml.safe_load(raw.decode("utf-8-sig")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise ReaderError(
                say(
                    f"Tệp ánh xạ {path} không phải YAML UTF-8 hợp lệ: {exc}",
                    f"mapping file {path} is not valid UTF-8 YAML; fix the syntax shown",
                )
            ) from exc
        if not isinstance(data, dict):
            raise ReaderError(
                say(
                    f"Tệp ánh xạ {path} phải là các cặp 'trường: cột'",
                    f"mapping file {path} must be a set of 'field: column' pairs",
                )
            )
        return cls.from_dict(data, where=str(path))

    @classmethod
    def from_dict(cls, data: Mapping[Any, object], *, where: str) -> ColumnMapping:
        known = set(FIELDS) | set(OPTIONS)
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            name = str(key).strip()
            if name not in known:
                raise ReaderError(
                    say(
                        f"{where}: khóa không hợp lệ {name!r}; các khóa dùng được: "
                        + ", ".join(sorted(known)),
                        f"{where}: unknown key {name!r}; valid keys: " + ", ".join(sorted(known)),
                    )
                )
            if name == "extra":
                kwargs[name] = _as_names(value, where)
            elif value is None or value == "":
                continue
            elif isinstance(value, str | int):
                kwargs[name] = (
                    _unescape_delimiter(str(value)) if name == "delimiter" else str(value)
                )
            else:
                raise ReaderError(
                    say(
                        f"{where}: giá trị của {name!r} phải là chữ, nhận được {value!r}",
                        f"{where}: value of {name!r} must be text, got {value!r}",
                    )
                )
        return cls(**kwargs)

    def explicit(self) -> dict[str, str]:
        """Fields the user mapped by hand."""
        return {name: col for name in FIELDS if (col := getattr(self, name))}


def _as_names(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return tuple(str(v) for v in value)
    raise ReaderError(
        say(
            f"{where}: 'extra' phải là danh sách tên cột",
            f"{where}: 'extra' must be a list of column names",
        )
    )


def _unescape_delimiter(value: str) -> str:
    # A tab is awkward to type on a command line; accept its usual spellings.
    return {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(value, value)


@dataclass(frozen=True, slots=True)
class Columns:
    """The resolved layout of one table: field -> the column that holds it."""

    fields: dict[str, str]
    extra: tuple[str, ...]


def resolve_columns(
    headers: Sequence[str], mapping: ColumnMapping | None, *, source: str
) -> Columns:
    """Match headers to fields, or raise ReaderError saying what was seen and how to map it."""
    mapping = mapping or ColumnMapping()
    present = [h for h in headers if h]
    by_fold: dict[str, str] = {}
    for header in present:
        by_fold.setdefault(fold(header), header)

    def find(column: str) -> str | None:
        return column if column in present else by_fold.get(fold(column))

    resolved: dict[str, str] = {}
    for name, column in mapping.explicit().items():
        found = find(column)
        if found is None:
            raise ReaderError(_missing_column(source, name, column, present))
        resolved[name] = found
    taken = set(resolved.values())
    for name in FIELDS:
        if name in resolved:
            continue
        for alias in ALIASES[name]:
            candidate = by_fold.get(alias)
            if candidate is not None and candidate not in taken:
                resolved[name] = candidate
                taken.add(candidate)
                break
    if "text" not in resolved:
        raise ReaderError(_no_text_column(source, present))
    extra = []
    for column in mapping.extra:
        found = find(column)
        if found is None:
            raise ReaderError(_missing_column(source, "extra", column, present))
        extra.append(found)
    return Columns(fields=resolved, extra=tuple(extra))


def _missing_column(source: str, name: str, column: str, seen: Sequence[str]) -> str:
    listing = ", ".join(repr(h) for h in seen) or "(không có / none)"
    return say(
        f"{source}: không có cột {column!r} (ánh xạ cho {name}); các cột có trong tệp: {listing}",
        f"{source}: column {column!r} (mapped to {name}) not found; columns seen: {listing}",
    )


def _no_text_column(source: str, seen: Sequence[str]) -> str:
    listing = ", ".join(repr(h) for h in seen) or "(không có / none)"
    hint = f"--map text={seen[0]}" if seen else "--map text=<tên cột>"
    return say(
        f"{source}: không tìm thấy cột nội dung; các cột có trong tệp: {listing}. "
        f"Hãy chỉ rõ cột chứa nội dung, ví dụ {hint}",
        f"{source}: no text column found; columns seen: {listing}. "
        f"Say which column holds the text, e.g. {hint}",
    )
