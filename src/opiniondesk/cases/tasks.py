"""The workflow's background tasks on Huey: `case_jobs` every few minutes (reminders,
escalations, e-mails) and `deliver_mail` after each action.

The queue lives in a SQLite file in OPINIONDESK_HOME by default, in Redis when
OPINIONDESK_HUEY_URL is redis://…, and in memory, run at once, when OPINIONDESK_HUEY_IMMEDIATE
is true (tests). `opiniondesk worker` runs the consumer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from huey import Huey, SqliteHuey, crontab  # type: ignore[import-untyped]
from sqlalchemy.orm import Session, sessionmaker

from opiniondesk.cases.jobs import deliver, run_case_jobs
from opiniondesk.cases.settings import CasesSettings, get_cases_settings
from opiniondesk.config import Settings, get_settings
from opiniondesk.consultations.recompute import recompute_task
from opiniondesk.errors import ConfigError
from opiniondesk.fieldwork.tasks import register_reminder_task
from opiniondesk.storage.base import utcnow
from opiniondesk.storage.engine import make_engine, make_session_factory

QUEUE_NAME = "opiniondesk"
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def make_huey(settings: Settings, cases: CasesSettings) -> Huey:
    url = cases.huey_url.strip()
    if cases.huey_immediate:
        return Huey(QUEUE_NAME, immediate=True)
    if url.startswith(REDIS_SCHEMES):
        try:
            from huey import RedisHuey

            return RedisHuey(QUEUE_NAME, url=url)
        except Exception as exc:  # huey raises its own error when the redis client is missing
            raise ConfigError(
                f"Không dùng được Redis {url!r}: {exc}. Cài `pip install redis` hoặc bỏ "
                f"OPINIONDESK_HUEY_URL để dùng SQLite. / Cannot use Redis {url!r}: {exc}. "
                "Install `pip install redis`, or unset OPINIONDESK_HUEY_URL to use SQLite."
            ) from exc
    if url and not url.startswith("sqlite:///"):
        raise ConfigError(
            f"OPINIONDESK_HUEY_URL={url!r} không được hỗ trợ: dùng redis://… hoặc "
            f"sqlite:///đường/dẫn. / unsupported OPINIONDESK_HUEY_URL {url!r}: use redis://… "
            "or sqlite:///path."
        )
    path = url.removeprefix("sqlite:///") if url else str(settings.ensure_home() / "jobs.sqlite")
    return SqliteHuey(QUEUE_NAME, filename=path)


def _schedule(every_minutes: int) -> Any:
    if every_minutes < 60:
        return crontab(minute=f"*/{every_minutes}")
    return crontab(minute="0", hour=f"*/{max(1, every_minutes // 60)}")


@dataclass
class DeskTasks:
    huey: Huey
    case_jobs: Any  # huey TaskWrapper: call it to enqueue
    deliver_mail: Any
    field_reminders: Any  # fieldwork's duty reminders, daily
    consultation_refresh: Any  # open consultations' results, every minute when due


def build_tasks(
    settings: Settings,
    cases: CasesSettings,
    sessions: sessionmaker[Session] | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> DeskTasks:
    huey = make_huey(settings, cases)
    factories: list[sessionmaker[Session]] = [sessions] if sessions else []

    def session_factory() -> sessionmaker[Session]:
        if not factories:  # the worker connects on first use, not at import
            factories.append(make_session_factory(make_engine(settings.resolved_database_url)))
        return factories[0]

    def case_jobs() -> dict[str, Any]:
        with huey.lock_task("case-jobs"):  # one run at a time; the data is idempotent anyway
            report = run_case_jobs(session_factory(), clock(), settings=cases)
        return asdict(report)

    def deliver_mail() -> dict[str, Any]:
        return asdict(deliver(session_factory(), clock(), settings=cases))

    return DeskTasks(
        huey=huey,
        case_jobs=huey.periodic_task(_schedule(cases.case_jobs_every_minutes), name="case_jobs")(
            case_jobs
        ),
        deliver_mail=huey.task(name="deliver_mail", retries=2, retry_delay=60)(deliver_mail),
        # fieldwork shares this worker: one `opiniondesk worker` runs every periodic job
        field_reminders=register_reminder_task(huey, session_factory, cases, clock),
        consultation_refresh=recompute_task(huey, session_factory, settings.min_group_size),
    )


@lru_cache(maxsize=1)
def get_tasks() -> DeskTasks:
    return build_tasks(get_settings(), get_cases_settings())
