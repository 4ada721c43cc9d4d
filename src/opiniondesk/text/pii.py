"""PII redaction: the only version of a document's text that is ever stored.

`redact` finds e-mails, licence plates, phone/ID/account numbers and person names, resolves
overlaps (earlier detectors win: an e-mail made of a phone number is an e-mail), and returns
the text with typed placeholders ([SĐT], [CCCD], [CMND], [EMAIL], [BIỂN SỐ], [STK], [TÊN]),
counts per kind, and the spans in the original text.
Each detector starts with a cheap pre-check ('@' in text, six digits close together, a
capitalised word) so that a typical comment with no personal data costs a few microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from opiniondesk.text.pii_names import find_names
from opiniondesk.text.pii_numbers import find_numbers
from opiniondesk.text.pii_plates import find_plates
from opiniondesk.text.pii_types import PLACEHOLDERS, Span

__all__ = ["PLACEHOLDERS", "Redaction", "Span", "redact"]

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w])"
)


@dataclass(slots=True)
class Redaction:
    """Redacted text, how many items of each kind were replaced, and where they were in the
    original (offsets only; the values are not kept)."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)


def _find_emails(text: str) -> list[Span]:
    if "@" not in text:
        return []
    return [Span("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _resolve(groups: list[list[Span]]) -> list[Span]:
    """Keep spans in priority order (earlier groups first), dropping any that overlap a span
    already kept."""
    kept: list[Span] = []
    for spans in groups:
        for span in spans:
            if all(span.end <= k.start or span.start >= k.end for k in kept):
                kept.append(span)
    kept.sort(key=lambda s: s.start)
    return kept


def redact(
    text: str,
    *,
    is_place: Callable[[str], bool] | None = None,
    names: bool = True,
) -> Redaction:
    """Replace personal data in `text` by typed placeholders.

    `is_place` lets the caller veto a person-name candidate that its gazetteer knows as a
    place; `names=False` skips person names (e.g. official documents, where the names of
    office holders are public)."""
    if not text:
        return Redaction(text)
    groups = [_find_emails(text), find_plates(text), find_numbers(text)]
    if names:
        groups.append(find_names(text, is_place))
    spans = _resolve(groups)
    if not spans:
        return Redaction(text)
    parts: list[str] = []
    counts: dict[str, int] = {}
    last = 0
    for span in spans:
        parts.append(text[last : span.start])
        parts.append(PLACEHOLDERS[span.kind])
        counts[span.kind] = counts.get(span.kind, 0) + 1
        last = span.end
    parts.append(text[last:])
    return Redaction("".join(parts), counts, spans)
