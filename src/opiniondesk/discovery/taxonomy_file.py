"""The office's own taxonomy file, OPINIONDESK_HOME/taxonomy.yaml, that promotions append to.

The packaged taxonomy is never edited. The first promotion copies the file the desk currently
uses (OPINIONDESK_TAXONOMY_PATH if set, else the packaged one) to the home folder, comments
included; each promotion then appends one entry as text, so the office's comments and layout
survive. The result is parsed before it replaces the file: a promotion can never leave a
taxonomy the pipeline would refuse to load. For the pipeline to use it, the settings must point
at it: OPINIONDESK_TAXONOMY_PATH=<home>/taxonomy.yaml (environment or .env).
"""

from __future__ import annotations

import os
import re
import tempfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from opiniondesk.analysis.taxonomy import Taxonomy, TaxonomyError, parse_taxonomy
from opiniondesk.config import Settings

FILE_NAME = "taxonomy.yaml"
_ENTRY_INDENT = re.compile(r"^([ \t]*)- code:", re.MULTILINE)


def office_taxonomy_path(settings: Settings) -> Path:
    return settings.home / FILE_NAME


def uses_office_taxonomy(settings: Settings) -> bool:
    """True when the pipeline reads the office copy (so a promoted rule takes effect)."""
    target = office_taxonomy_path(settings)
    return settings.taxonomy_path is not None and (
        settings.taxonomy_path.resolve() == target.resolve()
    )


def ensure_office_copy(settings: Settings) -> Path:
    """The office copy, created from the taxonomy in use if it does not exist yet."""
    target = office_taxonomy_path(settings)
    if target.exists():
        return target
    source = settings.taxonomy_path
    if source is not None and source.exists():
        text = source.read_text(encoding="utf-8")
    else:
        text = (files("opiniondesk") / "data" / FILE_NAME).read_text(encoding="utf-8")
    settings.ensure_home()
    _write_atomically(target, text)
    return target


def append_topic(path: Path, entry: dict[str, Any], comment: str = "") -> Taxonomy:
    """Append one topic entry to the taxonomy file at `path` and return the new taxonomy.

    Raises TaxonomyError (nothing written) when the code exists already or the result would
    not load.
    """
    text = path.read_text(encoding="utf-8")
    current = parse_taxonomy(text, str(path))
    code = str(entry["code"])
    if code in current:
        raise TaxonomyError(
            f"{path}: mã chủ đề '{code}' đã có; chọn mã khác. / topic code '{code}' already "
            "exists; choose another code.",
            code=code,
        )
    indents = _ENTRY_INDENT.findall(text)
    indent = indents[-1] if indents else "  "
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=96)
    lines = [f"{indent}# {comment}"] if comment else []
    lines += [indent + line if line else line for line in block.rstrip("\n").split("\n")]
    new_text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    taxonomy = parse_taxonomy(new_text, str(path))
    if code not in taxonomy:
        # the entry landed outside the `topics:` list (another key comes after it)
        raise TaxonomyError(
            f"{path}: không thể thêm chủ đề vì 'topics' không phải khóa cuối của tệp; hãy chuyển "
            "danh sách 'topics' xuống cuối tệp. / cannot append: 'topics' is not the last key "
            "of the file; move the 'topics' list to the end.",
            code=code,
        )
    _write_atomically(path, new_text)
    return taxonomy


def _write_atomically(path: Path, text: str) -> None:
    # a crash mid-write must never leave half a taxonomy: write aside, then rename over
    fd, tmp = tempfile.mkstemp(prefix=".taxonomy-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
