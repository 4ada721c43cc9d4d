"""Settings of Open311 (OPINIONDESK_OPEN311_*): the public api_key, the jurisdiction, and how
long a citizen's contact details are kept."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Open311Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="OPINIONDESK_OPEN311_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    public_key: SecretStr = Field(
        default=SecretStr(""),
        description="api_key given to public clients (apps, kiosks); empty: only API tokens",
    )
    jurisdiction_id: str = Field(default="opiniondesk", max_length=100)
    contact_retention_days: int = Field(
        default=180, ge=1, le=3650, description="contact details are deleted after this"
    )
    channel_name: str = Field(default="open311", max_length=200)
