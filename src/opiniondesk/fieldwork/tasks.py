"""The duty reminders as a Huey periodic task, on the desk's one queue.

`register_reminder_task(huey, …)` adds `fieldwork_reminders` (daily at 07:00 Vietnam time,
00:00 UTC) to a Huey instance; `opiniondesk fieldwork remind` does the same run by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from huey import Huey, crontab  # type: ignore[import-untyped]
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.analysis.rollups import LOCAL_TZ
from opiniondesk.cases.settings import CasesSettings
from opiniondesk.fieldwork.reminders import run_reminders
from opiniondesk.storage.base import utcnow

TASK_NAME = "fieldwork_reminders"


def register_reminder_task(
    huey: Huey,
    sessions: Callable[[], sessionmaker[Session]],
    cases: CasesSettings,
    clock: Callable[[], datetime] = utcnow,
) -> Any:
    """The periodic task (a Huey TaskWrapper: call it to enqueue a run now). Reminders are
    idempotent, so an extra run or two workers at once mail nobody twice."""

    def reminders() -> dict[str, Any]:
        with huey.lock_task(TASK_NAME):
            now = clock()
            report = run_reminders(
                sessions(), today=now.astimezone(LOCAL_TZ).date(), now=now, settings=cases
            )
        return asdict(report)

    return huey.periodic_task(crontab(minute="0", hour="0"), name=TASK_NAME)(reminders)
