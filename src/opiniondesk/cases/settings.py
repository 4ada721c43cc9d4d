"""Settings of the case workflow: e-mail (OPINIONDESK_SMTP_*), the job queue
(OPINIONDESK_HUEY_*), reminders and deadlines (OPINIONDESK_CASE_*), links in e-mails."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class CasesSettings(BaseSettings):
    """Every field can be set as OPINIONDESK_<FIELD> (upper case) or in `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="OPINIONDESK_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    smtp_host: str = Field(default="", description="SMTP server; empty: e-mails wait unsent")
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str = Field(default="", description="login name; empty: no login")
    smtp_password: SecretStr = Field(default=SecretStr(""))
    smtp_from: str = Field(default="opiniondesk@localhost", description="From: address")
    smtp_starttls: bool = Field(default=True, description="upgrade with STARTTLS (port 587)")
    smtp_ssl: bool = Field(default=False, description="implicit TLS from the start (port 465)")
    smtp_timeout_s: float = Field(default=20.0, gt=0)
    smtp_max_attempts: int = Field(default=8, ge=1, description="then an e-mail is given up")

    huey_url: str = Field(
        default="", description="redis://… for Redis; empty: SQLite file in OPINIONDESK_HOME"
    )
    huey_immediate: bool = Field(default=False, description="run tasks in-process (tests)")
    huey_workers: int = Field(default=2, ge=1, le=64)
    case_jobs_every_minutes: int = Field(default=15, ge=1, le=1440)

    case_deadline_working_days: int = Field(default=5, ge=1, le=3660)
    case_reminder_working_days: int = Field(
        default=1, ge=0, le=60, description="remind this many working days before a deadline"
    )
    holidays_path: Path | None = Field(default=None, description="holiday calendar override")
    base_url: str = Field(default="http://localhost:8000", description="links in e-mails")

    @property
    def mail_enabled(self) -> bool:
        return bool(self.smtp_host)


@lru_cache(maxsize=1)
def get_cases_settings() -> CasesSettings:
    return CasesSettings()
