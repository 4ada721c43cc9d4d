"""Who issues the report: office name, place, number symbol, recipients, signer.

Read from OPINIONDESK_OFFICE_* variables (or .env), overridable per build from the CLI/form.
"""

from __future__ import annotations

from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict


class Office(BaseModel):
    parent_name: str = "UBND TỈNH"  # tên cơ quan, tổ chức chủ quản
    name: str = "BAN DÂN VẬN"  # tên cơ quan ban hành
    symbol: str = "BDV"  # chữ viết tắt for "Số: …/BC-BDV"
    place: str = "Hà Nội"  # địa danh of the place-and-date line
    signer_title: str = "TRƯỞNG BAN"
    signer_name: str = ""
    signer_authority: str = ""  # "KT. TRƯỞNG BAN" etc., printed above the title when set
    recipients: list[str] = ["Như trên", "Lưu: VT"]


class OfficeSettings(BaseSettings):
    """OPINIONDESK_OFFICE_NAME, …_PARENT_NAME, …_SYMBOL, …_PLACE, …_SIGNER_TITLE,
    …_SIGNER_NAME, …_SIGNER_AUTHORITY, …_RECIPIENTS (separated by ';')."""

    model_config = SettingsConfigDict(
        env_prefix="OPINIONDESK_OFFICE_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    parent_name: str = Office().parent_name
    name: str = Office().name
    symbol: str = Office().symbol
    place: str = Office().place
    signer_title: str = Office().signer_title
    signer_name: str = ""
    signer_authority: str = ""
    recipients: str = "Như trên;Lưu: VT"

    def office(self) -> Office:
        return Office(
            parent_name=self.parent_name,
            name=self.name,
            symbol=self.symbol,
            place=self.place,
            signer_title=self.signer_title,
            signer_name=self.signer_name,
            signer_authority=self.signer_authority,
            recipients=[r.strip() for r in self.recipients.split(";") if r.strip()],
        )
