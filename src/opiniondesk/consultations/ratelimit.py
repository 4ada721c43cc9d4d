"""A small in-process sliding-window limit per participant key, for the public forms.

Kept in memory on purpose: storing when each participant acted would be one more trace of a
person. Each web process counts on its own, which is enough to stop a script hammering one
consultation from one browser; a reverse proxy's limit covers the rest.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any


class SlidingWindow:
    def __init__(
        self, limit: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.seconds = seconds
        self.clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, key: str) -> bool:
        """True (and counted) when `key` has acted fewer than `limit` times in the window."""
        now = self.clock()
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - self.seconds:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 50_000:  # forget idle keys rather than grow without end
                for idle in [k for k, v in self._events.items() if not v]:
                    del self._events[idle]
            return True


def address_key(secret_key: str, client: Any) -> str:
    """A keyed hash of the client's address (kept in memory only, never stored)."""
    host = getattr(client, "host", None) or "unknown"
    digest = hmac.new(secret_key.encode(), b"consult-ip:" + host.encode(), hashlib.sha256)
    return digest.hexdigest()


VOTES_PER_MINUTE = SlidingWindow(limit=60, seconds=60)
STATEMENTS_PER_HOUR = SlidingWindow(limit=5, seconds=3600)
# an office or a school shares one address: loose enough for a room full of people
ADDRESS_VOTES_PER_MINUTE = SlidingWindow(limit=600, seconds=60)
ADDRESS_STATEMENTS_PER_HOUR = SlidingWindow(limit=60, seconds=3600)
