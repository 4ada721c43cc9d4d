"""Dashboard filters: parsed from query parameters with clear errors, resolved to a Scope."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from opiniondesk.errors import InputError
from opiniondesk.storage.models import ChannelKind
from opiniondesk.web.i18n import Translator
from opiniondesk.web.repository import Scope

DEFAULT_DAYS = 90
MAX_DAYS = 3660  # ten years: a bound on the zero-filled day series a request can ask for
_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,80}$")


@dataclass(frozen=True, slots=True)
class Filters:
    """What the reader asked for; `None` means "not set"."""

    date_from: date | None = None
    date_to: date | None = None
    province: str | None = None
    topic: str | None = None
    channel: str | None = None

    def as_query(self) -> dict[str, str]:
        """The filters as query parameters (for links that keep them, e.g. the language switch)."""
        values = {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "province": self.province,
            "topic": self.topic,
            "channel": self.channel,
        }
        return {key: value for key, value in values.items() if value}


def parse_filters(params: Mapping[str, str], t: Translator) -> Filters:
    """Read `from`, `to`, `province`, `topic`, `channel`; raise InputError naming the bad one."""
    filters = Filters(
        date_from=_parse_day(params.get("from"), t),
        date_to=_parse_day(params.get("to"), t),
        province=_parse_code(params.get("province"), "province", t),
        topic=_parse_code(params.get("topic"), "topic", t),
        channel=_parse_channel(params.get("channel"), t),
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise InputError(t("invalid_range"))
    return filters


def resolve_scope(filters: Filters, latest: date, t: Translator) -> Scope:
    """Fill the missing dates: by default the 90 days ending at the latest day with data."""
    end = filters.date_to or max(latest, filters.date_from or latest)
    start = filters.date_from or end - timedelta(days=DEFAULT_DAYS - 1)
    if (end - start).days + 1 > MAX_DAYS:
        raise InputError(t("invalid_period", days=MAX_DAYS))
    return Scope(start, end, filters.province, filters.topic, filters.channel)


def _parse_day(value: str | None, t: Translator) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(t("invalid_date", value=value[:40])) from None


def _parse_code(value: str | None, field: str, t: Translator) -> str | None:
    if not value:
        return None
    if not _CODE.match(value):
        raise InputError(t("invalid_code", field=field, value=value[:40]))
    return value


def _parse_channel(value: str | None, t: Translator) -> str | None:
    if not value:
        return None
    if value not in ChannelKind.__members__:
        raise InputError(t("invalid_channel", value=value[:40]))
    return value
