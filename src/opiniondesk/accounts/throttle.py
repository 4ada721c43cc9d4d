"""Login throttling: after 5 failures for one username from one address within 15 minutes,
that pair waits; after 50 failures from one address, the address waits.

Counting per username *and* address means an attacker elsewhere cannot lock a person out;
the per-address limit stops one machine from trying many usernames.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from opiniondesk.accounts import repository as repo
from opiniondesk.accounts.models import LoginAttempt

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER_AND_IP = 5
MAX_FAILURES_PER_IP = 50
KEEP_ATTEMPTS = timedelta(days=1)


def username_key(secret_key: str, username: str) -> str:
    """A keyed hash of the typed username: enough to count, useless to read."""
    typed = username.strip().casefold().encode()
    return hmac.new(secret_key.encode(), b"login:" + typed, hashlib.sha256).hexdigest()


def retry_at(session: Session, *, key: str, ip: str, now: datetime) -> datetime | None:
    """When this username and address may try again, or None if they may try now."""
    since = now - WINDOW
    limits = (
        (
            repo.failures_since(session, since=since, ip=ip, username_key=key),
            MAX_FAILURES_PER_USER_AND_IP,
        ),
        (repo.failures_since(session, since=since, ip=ip), MAX_FAILURES_PER_IP),
    )
    waits = [failures[-limit] + WINDOW for failures, limit in limits if len(failures) >= limit]
    return max(waits) if waits else None


def note_attempt(session: Session, *, key: str, ip: str, succeeded: bool, now: datetime) -> None:
    repo.add_login_attempt(
        session, LoginAttempt(at=now, username_key=key, ip=ip, succeeded=succeeded)
    )
    if succeeded:
        repo.delete_login_attempts_before(session, now - KEEP_ATTEMPTS)
