"""The audit log: one `record(...)` call after every write, in the same transaction.

`details` is a small JSON of what changed. It must not carry personal data: values under keys
that name secrets or personal fields are replaced by "[redacted]", long strings are cut, and
nested structures are refused. Who did it is the actor's user id, never a copied name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts.models import AuditEvent, User
from opiniondesk.accounts.principal import Principal
from opiniondesk.storage.base import utcnow

REDACTED = "[redacted]"
MAX_VALUE_CHARS = 200
MAX_KEYS = 30
_PERSONAL_KEY = re.compile(
    r"pass|secret|token|hash|e_?mail|phone|address|contact|citizen|cccd|cmnd|birth|"
    r"full_?name|person|author|text|body|content|comment|message",
    re.IGNORECASE,
)
_Scalar = str | int | float | bool | None

Actor = Principal | User | int | None


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str | int,
    request: HTTPConnection | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event: `actor` did `action` ("case.assign") to `object_type` #`object_id`.

    `actor` None means the command line or the system. `request` gives the address and user
    agent. The caller's transaction commits it together with the change it describes.
    """
    ip, user_agent = _origin(request)
    return repo.add_audit_event(
        session,
        AuditEvent(
            at=utcnow(),
            actor_id=actor_id(actor),
            action=action[:64],
            object_type=object_type[:40],
            object_id=str(object_id)[:64],
            ip=ip,
            user_agent=user_agent,
            details=clean_details(details or {}),
        ),
    )


def clean_details(details: Mapping[str, Any]) -> dict[str, _Scalar | list[_Scalar]]:
    """Flat, short, and without personal or secret values (see the module docstring)."""
    cleaned: dict[str, _Scalar | list[_Scalar]] = {}
    for key, value in list(details.items())[:MAX_KEYS]:
        name = str(key)[:64]
        if _PERSONAL_KEY.search(name):
            cleaned[name] = REDACTED
        elif isinstance(value, list | tuple | set | frozenset):
            cleaned[name] = [_scalar(item) for item in list(value)[:20]]
        else:
            cleaned[name] = _scalar(value)
    return cleaned


def _scalar(value: Any) -> _Scalar:
    if value is None or isinstance(value, bool | int | float):
        return value  # type: ignore[no-any-return]
    if isinstance(value, Mapping):
        raise ValueError("audit details are flat: pass changed fields, not nested objects")
    text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def actor_id(actor: Actor) -> int | None:
    if actor is None or isinstance(actor, int):
        return actor
    if isinstance(actor, Principal):
        return actor.user_id
    return actor.id


def _origin(request: HTTPConnection | None) -> tuple[str | None, str | None]:
    if request is None:
        return None, None
    ip = request.client.host if request.client else None
    user_agent = request.headers.get("user-agent")
    return ip, user_agent[:300] if user_agent else None
