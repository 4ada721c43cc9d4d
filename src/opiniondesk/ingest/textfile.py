"""Read a text file's lines in the right encoding, with line numbers that match the user's editor.

Excel on Vietnamese Windows saves "CSV" in cp1258 and "Unicode text" in UTF-16, so both are
tried; anything else (TCVN3, VNI fonts) cannot be told apart from noise and is refused with a
request to save as UTF-8.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from opiniondesk.ingest.errors import ReaderError, say

_SAMPLE_BYTES = 64 * 1024
# A physical line this long is not a table row; refuse rather than read gigabytes into memory.
MAX_LINE_BYTES = 8 * 1024 * 1024
# Share of non-ASCII characters that must be Latin letters for a cp1258 guess to be believed.
_CP1258_LETTER_SHARE = 0.9

SAVE_AS_UTF8 = say(
    "Hãy lưu lại tệp dưới dạng UTF-8 (Excel: Save As → 'CSV UTF-8'; "
    "tệp TCVN3/VNI: chuyển mã bằng Unikey trước)",
    "save the file as UTF-8 (Excel: Save As → 'CSV UTF-8'; convert TCVN3/VNI text first)",
)


def detect_encoding(path: Path, source: str) -> str:
    """Best guess among utf-8(-sig), utf-16 and cp1258, or ReaderError."""
    with path.open("rb") as fh:
        sample = fh.read(_SAMPLE_BYTES)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if sample.count(0) > len(sample) // 4:
        # ASCII-heavy UTF-16 without BOM: the zero byte of each pair tells the byte order.
        return "utf-16-be" if sample[0:1] == b"\x00" else "utf-16-le"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_like_cp1258(sample):
        return "cp1258"
    raise ReaderError(
        say(
            f"{source}: tệp không phải UTF-8 và không nhận ra bảng mã",
            f"{source}: the file is not UTF-8 and its encoding is not recognised",
        )
        + ". "
        + SAVE_AS_UTF8
    )


def _looks_like_cp1258(sample: bytes) -> bool:
    try:
        text = unicodedata.normalize("NFC", sample.decode("cp1258"))
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return False
    letters = sum(1 for ch in wide if ch.isalpha() and _base_is_ascii(ch))
    return letters / len(wide) >= _CP1258_LETTER_SHARE


def _base_is_ascii(ch: str) -> bool:
    base = unicodedata.normalize("NFD", ch)[0]
    return base.isascii() or ch in "đĐ"


def read_lines(path: Path, encoding: str, source: str) -> Iterator[str]:
    """Decoded physical lines (with their line endings), one at a time."""
    codec = codecs.lookup(encoding).name
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        yield from _read_wide(path, encoding, source)
        return
    # cp1258 writes tone marks as combining characters; compose them as UTF-8 text would have.
    compose = codec == "cp1258"
    with path.open("rb") as fh:
        number = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise ReaderError(
                    say(
                        f"{source}:{number}: dòng dài hơn {MAX_LINE_BYTES // 2**20} MB; "
                        "tệp có đúng là bảng CSV không?",
                        f"{source}:{number}: line longer than {MAX_LINE_BYTES // 2**20} MB; "
                        "is this really a CSV table?",
                    )
                )
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReaderError(
                    say(
                        f"{source}:{number}: dòng này không đúng bảng mã {encoding}",
                        f"{source}:{number}: this line is not valid {encoding}",
                    )
                    + ". "
                    + SAVE_AS_UTF8
                ) from exc
            if number == 1 and codec == "utf-8":
                line = line.removeprefix("\ufeff")
            yield unicodedata.normalize("NFC", line) if compose else line


def _read_wide(path: Path, encoding: str, source: str) -> Iterator[str]:
    number = 0
    try:
        with path.open("r", encoding=encoding, newline="") as fh:
            for number, line in enumerate(fh, 1):
                yield line.removeprefix("\ufeff") if number == 1 else line
    except UnicodeDecodeError as exc:
        raise ReaderError(
            say(
                f"{source}: sau dòng {number}, nội dung không đúng bảng mã {encoding}",
                f"{source}: after line {number}, the content is not valid {encoding}",
            )
            + ". "
            + SAVE_AS_UTF8
        ) from exc
