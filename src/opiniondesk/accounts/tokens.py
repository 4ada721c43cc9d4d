"""API tokens: `Authorization: Bearer odk_…` for /api/v1. A token is shown once when it is
made; the database keeps its SHA-256 (a 256-bit random value needs no slow hash)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts.models import ApiToken
from opiniondesk.accounts.principal import AuthMethod, Principal

TOKEN_PREFIX = "odk_"
PREFIX_LENGTH = 8  # characters after "odk_" kept in clear to tell tokens apart
TOUCH_EVERY = timedelta(hours=1)  # how stale `last_used_at` may get (avoids a write per call)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(
    session: Session, *, user_id: int, name: str, now: datetime, days: int | None
) -> tuple[ApiToken, str]:
    """A new token for `user_id`; returns the row and the token itself (show it once)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = repo.add_api_token(
        session,
        ApiToken(
            user_id=user_id,
            name=name,
            prefix=token[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + PREFIX_LENGTH],
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + timedelta(days=days) if days else None,
        ),
    )
    return row, token


def bearer_token(authorization: str) -> str | None:
    """The token of an `Authorization: Bearer …` header, or None for any other scheme."""
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def principal_for_bearer(session: Session, *, token: str, now: datetime) -> Principal | None:
    """The user of a live token (not expired, not revoked, user enabled), or None."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    found = repo.live_token(session, token_hash(token), now)
    if found is None:
        return None
    row, user = found
    if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
        repo.touch_token(session, row.id, now)
    return Principal(user.id, user.username, repo.grants_of(session, user.id), AuthMethod.token)
