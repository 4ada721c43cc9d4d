"""The dashboard's figures: queried from the rollups, protected by suppression, labelled.

This is the one place that turns exact counts into what may be shown. The HTML page and the
JSON API both render a `Dashboard`, so they can never disagree or leak differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from opiniondesk.storage.models import ChannelKind, UnitLevel
from opiniondesk.web import repository as repo
from opiniondesk.web.formatting import format_day_month
from opiniondesk.web.i18n import Translator
from opiniondesk.web.suppression import Breakdown, Hidden, protect_breakdown

SENTIMENTS = ("negative", "neutral", "positive", "")
OTHER_TOPIC = "other"


@dataclass(frozen=True, slots=True)
class Row:
    """One shown cell. `count` and `share` are None when the cell is hidden."""

    key: str
    label: str
    count: int | None
    hidden: Hidden | None = None
    share: float | None = None
    change: float | None = None  # vs the previous period; topics only

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "count": self.count,
            "suppressed": self.hidden is not None,
            "share": None if self.share is None else round(self.share, 4),
        }
        if self.hidden is not None:
            data["reason"] = self.hidden.value
        return data


@dataclass(slots=True)
class Dashboard:
    """Everything the dashboard shows; exact counts only where they are safe to show."""

    min_group_size: int
    language: str
    scope: repo.Scope | None = None
    total: int | None = None
    total_hidden: Hidden | None = None
    previous_total: int | None = None
    change: float | None = None
    negative: Row | None = None
    volume: list[Row] = field(default_factory=list)
    topics: list[Row] = field(default_factory=list)
    place_level: str = UnitLevel.province.value
    places: list[Row] = field(default_factory=list)
    provinces: list[Row] = field(default_factory=list)
    sentiment: list[Row] = field(default_factory=list)
    channels: list[Row] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return self.scope is not None

    @property
    def period_is_empty(self) -> bool:
        return self.has_data and self.total == 0


def build_dashboard(
    session: Session, scope: repo.Scope | None, *, min_group_size: int, t: Translator
) -> Dashboard:
    """Query and protect every figure for `scope` (None: the database has no rollups)."""
    board = Dashboard(min_group_size=min_group_size, language=t.language)
    if scope is None:
        return board
    k = min_group_size
    board.scope = scope
    total = repo.total_documents(session, scope)

    days = protect_breakdown(
        {day.isoformat(): n for day, n in repo.volume_by_day(session, scope).items()}, k
    )
    board.volume = _rows(days, total, lambda key: format_day_month(date.fromisoformat(key)))

    sentiment_counts = _zero_filled(SENTIMENTS, repo.sentiment_counts(session, scope))
    sentiment = protect_breakdown(sentiment_counts, k)
    board.sentiment = _rows(sentiment, total, lambda key: t(f"sentiment_{key or 'unknown'}"))
    board.negative = board.sentiment[0]

    channel_counts = _zero_filled(list(ChannelKind), repo.channel_counts(session, scope))
    channels = protect_breakdown(channel_counts, k)
    board.channels = _ranked(_rows(channels, total, lambda key: _channel_label(key, t)))

    province_names = repo.unit_names(session, UnitLevel.province)
    if scope.units is not None:
        # a scoped reader sees only units they may see, not zeros for the rest of the country
        units = scope.units
        province_names = {c: n for c, n in province_names.items() if units.touches_province(c)}
    provinces = protect_breakdown(
        _zero_filled([*province_names, ""], repo.province_counts(session, scope)), k
    )
    board.provinces = _ranked(
        _rows(provinces, total, lambda key: province_names.get(key) or _place(key, t))
    )
    breakdowns: list[Breakdown[str]] = [days, sentiment, channels, provinces]
    if scope.province_code is None:
        board.places = board.provinces
    else:
        board.place_level = UnitLevel.commune.value
        names = repo.unit_names(session, UnitLevel.commune, scope.province_code)
        if scope.units is not None:
            units, province = scope.units, scope.province_code
            names = {c: n for c, n in names.items() if units.allows(province, c)}
        communes = protect_breakdown(
            _zero_filled([*names, ""], repo.commune_counts(session, scope)), k
        )
        board.places = _ranked(_rows(communes, total, lambda key: names.get(key) or _place(key, t)))
        breakdowns.append(communes)

    board.topics = _topic_rows(session, scope, k, t)
    _set_totals(board, session, scope, total, any(b.total_pinned for b in breakdowns))
    return board


def _set_totals(
    board: Dashboard, session: Session, scope: repo.Scope, total: int, pinned: bool
) -> None:
    """Headline total and change; withheld when a breakdown would otherwise reveal a cell."""
    k = board.min_group_size
    if total < k and total != 0:
        board.total_hidden = Hidden.small
    elif pinned:
        board.total_hidden = Hidden.complementary
    else:
        board.total = total
    previous = repo.total_documents(session, scope.previous())
    board.previous_total = previous if previous >= k else None
    if board.total is not None and board.previous_total:
        board.change = (board.total - board.previous_total) / board.previous_total
    if board.total is None:
        # share and count together would give back the withheld total
        board.negative = None


def _topic_rows(session: Session, scope: repo.Scope, k: int, t: Translator) -> list[Row]:
    """Topic share with change vs the previous period, both periods protected."""
    labels = repo.topic_labels(session, t.language)
    both = repo.topic_counts_with_previous(session, scope)
    # "other" always exists for the reader, so it is a known (zero-filled) category
    known = [*labels, OTHER_TOPIC]
    codes = [*dict.fromkeys([*known, *both])]
    current = protect_breakdown({code: both.get(code, (0, 0))[0] for code in codes}, k)
    before = protect_breakdown({code: both.get(code, (0, 0))[1] for code in codes}, k)
    previous_by_code = {cell.key: cell.count for cell in before.cells}
    denominator = repo.all_documents_ignoring_topic(session, scope)
    rows = []
    for cell in current.cells:
        previous = previous_by_code.get(cell.key)
        change = None
        if cell.count is not None and previous:
            change = (cell.count - previous) / previous
        rows.append(
            Row(
                key=cell.key,
                label=labels.get(cell.key) or _topic_fallback(cell.key, t),
                count=cell.count,
                hidden=cell.hidden,
                share=_share(cell.count, denominator),
                change=change,
            )
        )
    return _ranked(rows)


def _rows(breakdown: Breakdown[str], total: int, label: Any) -> list[Row]:
    return [
        Row(cell.key, str(label(cell.key)), cell.count, cell.hidden, _share(cell.count, total))
        for cell in breakdown.cells
    ]


def _ranked(rows: Iterable[Row]) -> list[Row]:
    """Visible rows largest first, then hidden rows in their original order."""
    rows = list(rows)
    shown = sorted((row for row in rows if row.count is not None), key=lambda r: -(r.count or 0))
    return shown + [row for row in rows if row.count is None]


def _zero_filled(keys: Iterable[str], counts: Mapping[str, int]) -> dict[str, int]:
    """Every category the reader knows exists, then any unexpected value found in the data."""
    filled = {str(key): 0 for key in keys}
    for key, count in counts.items():
        filled[key] = filled.get(key, 0) + count
    return filled


def _share(count: int | None, total: int) -> float | None:
    return None if count is None or total <= 0 else count / total


def _place(code: str, t: Translator) -> str:
    return t("place_unknown") if code == "" else code


def _channel_label(kind: str, t: Translator) -> str:
    return t(f"channel_{kind}") if kind in ChannelKind.__members__ else t("channel_unknown")


def _topic_fallback(code: str, t: Translator) -> str:
    return t("topic_other") if code == OTHER_TOPIC else code


def dashboard_json(board: Dashboard) -> dict[str, Any]:
    """The figures as JSON: hidden cells are `null` with `"suppressed": true`."""
    scope = board.scope
    data: dict[str, Any] = {
        "language": board.language,
        "min_group_size": board.min_group_size,
        "has_data": board.has_data,
        "period": None,
    }
    if scope is None:
        return data
    previous = scope.previous()
    data["period"] = {
        "start": scope.start.isoformat(),
        "end": scope.end.isoformat(),
        "days": scope.days,
        "previous_start": previous.start.isoformat(),
        "previous_end": previous.end.isoformat(),
    }
    data["filters"] = {
        "province": scope.province_code,
        "topic": scope.topic_code,
        "channel": scope.channel_kind,
    }
    data["total"] = _count_json(board.total, board.total_hidden)
    data["previous_total"] = _count_json(
        board.previous_total, None if board.previous_total is not None else Hidden.small
    )
    data["change"] = None if board.change is None else round(board.change, 4)
    data["negative"] = board.negative.as_json() if board.negative else None
    for name in ("volume", "topics", "provinces", "sentiment", "channels"):
        data[name] = [row.as_json() for row in getattr(board, name)]
    for row_json, row in zip(data["topics"], board.topics, strict=True):
        row_json["change"] = None if row.change is None else round(row.change, 4)
    data["places"] = {
        "level": board.place_level,
        "rows": [row.as_json() for row in board.places],
    }
    return data


def _count_json(count: int | None, hidden: Hidden | None) -> dict[str, Any]:
    data: dict[str, Any] = {"count": count, "suppressed": hidden is not None}
    if hidden is not None:
        data["reason"] = hidden.value
    return data
