"""Keeping the results fresh: recompute after votes arrive, at most every `MIN_INTERVAL`.

Two paths, the same function: a Huey task when a worker runs (`recompute_task(huey)` registers
it), and in-process otherwise — after the vote's response is sent (FastAPI background task),
and on the results page when the stored run is stale and old enough.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from huey import crontab  # type: ignore[import-untyped]
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.consultations import repository as repo
from opiniondesk.consultations import service
from opiniondesk.consultations.models import ConsultationStatus
from opiniondesk.storage.base import utcnow

log = logging.getLogger(__name__)

MIN_INTERVAL = timedelta(seconds=30)  # a busy consultation is recomputed twice a minute at most
_running: set[int] = set()
_lock = threading.Lock()


def due(session: Session, consultation_id: int, now: datetime) -> bool:
    """Stale, and the last run is older than MIN_INTERVAL (or there is none)."""
    run = repo.latest_run(session, consultation_id)
    if run is not None and now - run.computed_at < MIN_INTERVAL:
        return False
    return service.is_stale(session, run, consultation_id)


def recompute(
    sessions: sessionmaker[Session],
    consultation_id: int,
    *,
    min_group_size: int,
    force: bool = False,
) -> bool:
    """Recompute if due (or `force`); True when a new run was stored. One at a time per
    consultation in this process; a second caller returns at once."""
    with _lock:
        if consultation_id in _running:
            return False
        _running.add(consultation_id)
    try:
        with sessions.begin() as session:
            if not force and not due(session, consultation_id, utcnow()):
                return False
            consultation = service.get(session, consultation_id)
            service.analyse_now(session, consultation, min_group_size=min_group_size)
            return True
    except Exception:  # a background job must not take the web process down
        log.exception("consultation %s: recompute failed", consultation_id)
        return False
    finally:
        with _lock:
            _running.discard(consultation_id)


def recompute_open(sessions: sessionmaker[Session], *, min_group_size: int) -> list[int]:
    """Recompute every open consultation that is due; the ids that got a new run."""
    with sessions() as session:
        ids = [c.id for c in repo.consultations(session, [ConsultationStatus.open])]
    return [cid for cid in ids if recompute(sessions, cid, min_group_size=min_group_size)]


def recompute_task(
    huey: Any, sessions: Callable[[], sessionmaker[Session]], min_group_size: int
) -> Any:
    """Register, on `huey`, a once-a-minute refresh of open consultations (call the result to
    enqueue a run now). With a worker running, results stay fresh even when nobody opens the
    results page; the web process's own background recompute remains the fallback."""

    def consultation_refresh() -> list[int]:
        return recompute_open(sessions(), min_group_size=min_group_size)

    return huey.periodic_task(crontab(minute="*"), name="consultation_refresh")(
        consultation_refresh
    )
