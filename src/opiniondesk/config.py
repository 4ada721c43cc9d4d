"""One Settings object, read from OPINIONDESK_* environment variables or a .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from opiniondesk.errors import ConfigError

_DEV_SECRET = "dev-only-insecure-secret-change-me"


class Settings(BaseSettings):
    """Runtime settings. Every field can be set as OPINIONDESK_<FIELD> (upper case)."""

    model_config = SettingsConfigDict(
        env_prefix="OPINIONDESK_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    environment: str = Field(default="development", description="development | production")
    home: Path = Field(default=Path("var"), description="data folder (database, models, exports)")
    database_url: str = Field(default="", description="SQLAlchemy URL; default SQLite in home")
    secret_key: str = Field(default=_DEV_SECRET, description="HMAC key for pseudonyms, sessions")
    language: str = Field(default="vi", description="default UI language: vi or en")
    min_group_size: int = Field(default=5, ge=1, description="cells below this are suppressed")
    ingest_batch_size: int = Field(default=500, ge=1, le=50_000)
    pipeline_workers: int = Field(
        default=-1, ge=-1, le=64, description="labelling worker processes; 0 in-process, -1 auto"
    )
    near_duplicate_threshold: float = Field(default=0.6, gt=0, le=1)
    taxonomy_path: Path | None = Field(default=None, description="topic taxonomy YAML override")
    fetch_timeout_s: float = Field(default=20.0, gt=0)
    fetch_max_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    fetch_allow_private: bool = Field(default=False, description="allow feeds on private IPs")
    max_upload_bytes: int = Field(default=200 * 1024 * 1024, gt=0)

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> Settings:
        if self.environment == "production" and self.secret_key == _DEV_SECRET:
            raise ConfigError(
                "OPINIONDESK_SECRET_KEY is the development placeholder while "
                "OPINIONDESK_ENVIRONMENT=production. Set a long random secret "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)."
            )
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'opiniondesk.sqlite').resolve()}"

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
