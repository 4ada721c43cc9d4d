"""The topic taxonomy: codes, bilingual labels, hierarchy and boolean queries, from YAML.

The packaged `data/taxonomy.yaml` is the default; an office can supply its own file with the
same format. Every problem is reported with the topic code (or its position in the list when
the code itself is missing) so a person editing the file can find and fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from opiniondesk.analysis.boolean_query import Query, QuerySyntaxError, parse_query
from opiniondesk.errors import InputError, NotFoundError

OTHER_CODE = "other"
_OTHER_LABELS = {"vi": "Khác", "en": "Other"}
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,79}$")  # fits Topic.code (String(80)) and URLs
_FIELDS = frozenset({"code", "label_vi", "label_en", "parent", "query", "active"})


class TaxonomyError(InputError):
    """A taxonomy file that cannot be used; `code` names the topic at fault, if known."""

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class TopicDef:
    code: str
    label_vi: str
    label_en: str
    parent: str | None = None
    query_source: str | None = None
    query: Query | None = None  # None: a grouping topic, never assigned by rules
    active: bool = True


class Taxonomy:
    """An ordered, validated set of topics (file order is kept for display)."""

    def __init__(self, topics: list[TopicDef]) -> None:
        self.topics: tuple[TopicDef, ...] = tuple(topics)
        self._by_code = {t.code: t for t in topics}

    def __iter__(self) -> Iterator[TopicDef]:
        return iter(self.topics)

    def __len__(self) -> int:
        return len(self.topics)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> TopicDef:
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFoundError(
                f"Không có chủ đề '{code}'. / No topic with code '{code}'."
            ) from None

    def label(self, code: str, lang: str = "vi") -> str:
        """The topic's label in `lang` ("vi" or "en"); "other" has a label even if unlisted."""
        if lang not in ("vi", "en"):
            raise InputError(f"Ngôn ngữ không hỗ trợ: {lang!r}. / Unsupported language: {lang!r}.")
        if code == OTHER_CODE and code not in self._by_code:
            return _OTHER_LABELS[lang]
        topic = self.get(code)
        return topic.label_vi if lang == "vi" else topic.label_en

    def children(self, code: str) -> list[TopicDef]:
        return [t for t in self.topics if t.parent == code]

    def ancestors(self, code: str) -> list[str]:
        """Parent, grandparent, ... of a topic (validation guarantees this ends)."""
        chain: list[str] = []
        parent = self.get(code).parent
        while parent is not None:
            chain.append(parent)
            parent = self._by_code[parent].parent
        return chain


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load and validate a taxonomy file; the packaged default when `path` is None."""
    if path is None:
        resource = files("opiniondesk") / "data" / "taxonomy.yaml"
        return parse_taxonomy(resource.read_text(encoding="utf-8"), "taxonomy.yaml (mặc định)")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(
            f"Không đọc được tệp chủ đề {path}: {exc}. / Cannot read taxonomy file {path}: {exc}."
        ) from exc
    return parse_taxonomy(text, str(path))


def parse_taxonomy(text: str, origin: str = "<taxonomy>") -> Taxonomy:
    """Parse and validate taxonomy YAML text; `origin` names the file in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{origin}: YAML không hợp lệ / invalid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise TaxonomyError(
            f"{origin}: cần khóa 'topics' chứa danh sách chủ đề. / "
            "expected a 'topics' key holding a list of topics."
        )
    topics = [_topic(entry, index, origin) for index, entry in enumerate(data["topics"], 1)]
    _check_codes(topics, origin)
    return Taxonomy(topics)


def _topic(entry: Any, index: int, origin: str) -> TopicDef:
    where = f"{origin}, chủ đề thứ {index} / topic #{index}"
    if not isinstance(entry, dict):
        raise TaxonomyError(f"{where}: cần một bảng khóa-giá trị. / expected a mapping.")
    code = entry.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise TaxonomyError(
            f"{where}: mã 'code' phải là chữ thường không dấu, số, '_' (vd. 'dat_dai'), "
            f"gặp {code!r}. / 'code' must be a lower-case ASCII slug, found {code!r}."
        )
    where = f"{origin}, chủ đề '{code}' / topic '{code}'"
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise TaxonomyError(
            f"{where}: khóa không hợp lệ / unknown keys: {', '.join(map(str, unknown))}", code=code
        )
    labels = {}
    for key in ("label_vi", "label_en"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise TaxonomyError(f"{where}: thiếu '{key}'. / missing '{key}'.", code=code)
        labels[key] = value.strip()
    parent = entry.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise TaxonomyError(f"{where}: 'parent' phải là mã chủ đề. / must be a code.", code=code)
    active = entry.get("active", True)
    if not isinstance(active, bool):
        raise TaxonomyError(f"{where}: 'active' phải là true/false.", code=code)
    source = entry.get("query")
    query = None
    if source is not None:
        if not isinstance(source, str):
            raise TaxonomyError(f"{where}: 'query' phải là chuỗi. / must be text.", code=code)
        source = " ".join(source.split())  # YAML block scalars keep newlines; they are spaces
        try:
            query = parse_query(source)
        except QuerySyntaxError as exc:
            raise TaxonomyError(f"{where}: {exc.message}", code=code) from exc
        if query.matches(frozenset()):
            # e.g. `NOT "phim"` alone would tag every document that lacks the word.
            raise TaxonomyError(
                f"{where}: truy vấn khớp cả văn bản rỗng; cần ít nhất một cụm từ bắt buộc. / "
                "the query matches an empty document; it needs at least one required phrase.",
                code=code,
            )
    return TopicDef(code, labels["label_vi"], labels["label_en"], parent, source, query, active)


def _check_codes(topics: list[TopicDef], origin: str) -> None:
    seen: set[str] = set()
    for topic in topics:
        if topic.code in seen:
            raise TaxonomyError(
                f"{origin}: mã chủ đề '{topic.code}' bị trùng. / duplicate topic code "
                f"'{topic.code}'.",
                code=topic.code,
            )
        seen.add(topic.code)
    parents = {t.code: t.parent for t in topics}
    for topic in topics:
        if topic.parent is not None and topic.parent not in parents:
            raise TaxonomyError(
                f"{origin}, chủ đề '{topic.code}': chủ đề cha '{topic.parent}' không tồn tại. / "
                f"topic '{topic.code}': unknown parent '{topic.parent}'.",
                code=topic.code,
            )
        chain, current = {topic.code}, topic.parent
        while current is not None:
            if current in chain:
                raise TaxonomyError(
                    f"{origin}, chủ đề '{topic.code}': quan hệ cha-con bị vòng lặp. / "
                    f"topic '{topic.code}': its parents form a cycle.",
                    code=topic.code,
                )
            chain.add(current)
            current = parents[current]
