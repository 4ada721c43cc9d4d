"""How roles and units read on a page: "Chuyên viên tại 01 · Thành phố Hà Nội"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from opiniondesk.accounts.principal import Grant
from opiniondesk.accounts.roles import Role
from opiniondesk.accounts.units import unit_label
from opiniondesk.web.i18n import Translator

VIETNAM = timezone(timedelta(hours=7))  # no daylight saving: a fixed offset is exact


def role_name(role: Role | str, t: Translator) -> str:
    return t(f"role_{Role(role).value}")


def grant_label(grant: Grant, t: Translator) -> str:
    return t(
        "role_at_unit", role=role_name(grant.role, t), unit=unit_label(grant.unit_code, t.language)
    )


def format_moment(moment: datetime) -> str:
    """dd/mm/yyyy HH:MM:SS in Vietnam time."""
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M:%S")
