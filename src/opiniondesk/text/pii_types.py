"""The kinds of personal data the redactor finds, and the placeholders that replace them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["PLACEHOLDERS", "Span"]

PLACEHOLDERS: Final[dict[str, str]] = {
    "phone": "[SĐT]",
    "cccd": "[CCCD]",
    "cmnd": "[CMND]",
    "email": "[EMAIL]",
    "plate": "[BIỂN SỐ]",
    "bank_account": "[STK]",
    "name": "[TÊN]",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A redacted stretch of the ORIGINAL text: [start, end) and its kind. The value itself
    is deliberately not kept, so a Redaction can be logged without leaking what it hid."""

    kind: str
    start: int
    end: int
