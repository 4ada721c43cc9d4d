"""The kinds of case event and the payload each one carries.

Events are facts, appended and never changed; `state.derive` folds them into a case's state.
Payloads are validated on the way in (pydantic, extra fields refused) and parsed again on the
way out, so a hand-edited row cannot slip an unknown field into the state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from opiniondesk.errors import InputError

MAX_TEXT = 20_000


class EventKind(StrEnum):
    opened = "opened"
    assigned = "assigned"
    answered = "answered"
    extension_requested = "extension_requested"
    extension_granted = "extension_granted"
    reminded = "reminded"
    escalated = "escalated"
    approved = "approved"
    published = "published"
    closed = "closed"


KIND_LABELS: dict[EventKind, tuple[str, str]] = {
    EventKind.opened: ("Mở vấn đề", "Opened"),
    EventKind.assigned: ("Giao cơ quan", "Assigned"),
    EventKind.answered: ("Cơ quan trả lời", "Answered"),
    EventKind.extension_requested: ("Đề nghị gia hạn", "Extension requested"),
    EventKind.extension_granted: ("Đồng ý gia hạn", "Extension granted"),
    EventKind.reminded: ("Nhắc hạn", "Reminded"),
    EventKind.escalated: ("Báo quá hạn lên lãnh đạo", "Escalated"),
    EventKind.approved: ("Duyệt công bố", "Approved for publication"),
    EventKind.published: ("Công bố", "Published"),
    EventKind.closed: ("Đóng", "Closed"),
}


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Opened(Payload):
    proposed_agency_ids: tuple[int, ...] = ()


class Assigned(Payload):
    agency_id: int
    deadline: date
    working_days: int = Field(ge=1, le=3660)


class Answered(Payload):
    agency_id: int
    answer: str = Field(min_length=1, max_length=MAX_TEXT)


class ExtensionRequested(Payload):
    agency_id: int
    requested_deadline: date
    reason: str = Field(min_length=1, max_length=MAX_TEXT)


class ExtensionGranted(Payload):
    agency_id: int
    deadline: date


class Reminded(Payload):
    agency_id: int
    deadline: date


class Escalated(Payload):
    agency_id: int
    deadline: date


class Approved(Payload):
    """What the leader approved for the public page: wording and the answers shown."""

    title: str = Field(min_length=1, max_length=500)
    summary: str = Field(max_length=MAX_TEXT)
    agency_ids: tuple[int, ...] = Field(min_length=1)


class Published(Payload):
    pass


class Closed(Payload):
    reason: str = Field(default="", max_length=MAX_TEXT)


PAYLOADS: dict[EventKind, type[Payload]] = {
    EventKind.opened: Opened,
    EventKind.assigned: Assigned,
    EventKind.answered: Answered,
    EventKind.extension_requested: ExtensionRequested,
    EventKind.extension_granted: ExtensionGranted,
    EventKind.reminded: Reminded,
    EventKind.escalated: Escalated,
    EventKind.approved: Approved,
    EventKind.published: Published,
    EventKind.closed: Closed,
}

# Events the desk records by itself (actor None); people record the others.
SYSTEM_KINDS = frozenset({EventKind.reminded, EventKind.escalated})


@dataclass(frozen=True)
class CaseEventRecord:
    """One event as the pure state functions see it (no database object)."""

    kind: EventKind
    at: datetime
    payload: Payload
    actor_id: int | None = None
    id: int | None = field(default=None, compare=False)


def parse_payload(kind: EventKind | str, data: dict[str, Any]) -> Payload:
    """Validate `data` as the payload of `kind`; InputError says which field is wrong."""
    try:
        kind = EventKind(kind)
    except ValueError as exc:
        raise InputError(
            f"Loại sự kiện không hợp lệ: {kind!r} / unknown case event kind {kind!r}"
        ) from exc
    try:
        return PAYLOADS[kind].model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or kind}: {err['msg']}" for err in exc.errors()
        )
        raise InputError(
            f"Dữ liệu sự kiện '{kind}' không hợp lệ: {problems} / invalid '{kind}' event: "
            f"{problems}"
        ) from exc


def payload_json(payload: Payload) -> dict[str, Any]:
    """The payload as stored (dates as ISO strings)."""
    return payload.model_dump(mode="json")


def agency_of(payload: Payload) -> int | None:
    value = getattr(payload, "agency_id", None)
    return value if isinstance(value, int) else None
