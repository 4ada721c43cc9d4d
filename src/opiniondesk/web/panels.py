"""Turns the dashboard's figures into translated, formatted SVG charts for the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from opiniondesk.web import charts
from opiniondesk.web.choropleth import Region, choropleth
from opiniondesk.web.figures import Dashboard, Row
from opiniondesk.web.formatting import format_date, format_int, format_percent
from opiniondesk.web.i18n import Translator
from opiniondesk.web.suppression import Hidden

TOP_N = 10


@dataclass(frozen=True, slots=True)
class Panels:
    volume: Markup
    topics: Markup | None
    places: Markup | None
    sentiment: Markup
    channels: Markup | None
    map: Markup | None


@dataclass(frozen=True, slots=True)
class Presenter:
    """Formats figures in one language; templates use it for numbers as well."""

    t: Translator
    k: int

    def number(self, value: int) -> str:
        return format_int(value, self.t.language)

    def percent(self, ratio: float, *, signed: bool = False) -> str:
        return format_percent(ratio, self.t.language, signed=signed)

    def hidden(self, reason: Hidden | None) -> str:
        if reason is Hidden.complementary:
            return self.t("suppressed_hidden")
        return self.t("suppressed_small", k=self.k)

    def count(self, row: Row) -> str:
        return self.hidden(row.hidden) if row.count is None else self.number(row.count)

    def share(self, row: Row) -> str:
        return self.t("change_na") if row.share is None else self.percent(row.share)

    def change(self, row: Row) -> str:
        return self.t("change_na") if row.change is None else self.percent(row.change, signed=True)

    def cell(self, row: Row) -> str:
        """ "1.234 · 12,5%" for a visible row, "<5" or "ẩn" for a hidden one."""
        if row.count is None:
            return self.hidden(row.hidden)
        return f"{self.number(row.count)} · {self.share(row)}"

    def bar(self, row: Row, tone: str = "primary") -> charts.Bar:
        return charts.Bar(row.label, row.count, self.cell(row), tone)

    def day(self, value: date) -> str:
        return format_date(value)


def build_panels(board: Dashboard, p: Presenter, regions: Sequence[Region] | None) -> Panels:
    t = p.t
    return Panels(
        volume=_volume(board, p),
        topics=_bars(board.topics, "chart-topics", t("chart_topics_title"), p),
        places=_bars(board.places, "chart-places", _places_title(board, t), p),
        sentiment=_sentiment(board, p),
        channels=_bars(board.channels, "chart-channels", t("chart_channels_title"), p),
        map=_map(board, p, regions) if regions else None,
    )


def _places_title(board: Dashboard, t: Translator) -> str:
    if board.place_level == "commune":
        return t("chart_communes_title")
    return t("chart_provinces_title")


def _described(rows: Sequence[Row], p: Presenter) -> str:
    return "; ".join(f"{row.label}: {p.cell(row)}" for row in rows)


def _bars(rows: Sequence[Row], chart_id: str, title: str, p: Presenter) -> Markup | None:
    """Top visible rows only: hidden cells take no part in rankings."""
    shown = [row for row in rows if row.count is not None][:TOP_N]
    if not shown:
        return None
    desc = p.t("chart_bars_desc", title=title, items=_described(shown, p))
    return charts.bar_chart(
        [p.bar(row) for row in shown], chart_id=chart_id, title=title, desc=desc
    )


def _volume(board: Dashboard, p: Presenter) -> Markup:
    t = p.t
    points = [charts.Point(date.fromisoformat(row.key), row.count) for row in board.volume]
    visible = [row for row in board.volume if row.count is not None]
    if visible and board.scope is not None:
        peak = max(visible, key=lambda row: row.count or 0)
        desc = t(
            "chart_volume_desc",
            start=p.day(board.scope.start),
            end=p.day(board.scope.end),
            peak=p.count(peak),
            peak_day=p.day(date.fromisoformat(peak.key)),
        )
    else:
        desc = t("chart_volume_desc_empty", k=p.k)
    return charts.line_chart(
        points,
        chart_id="chart-volume",
        title=t("chart_volume_title"),
        desc=desc,
        x_label=t("axis_day"),
        y_label=t("axis_documents"),
        format_value=p.number,
        hidden_text=p.t("suppressed_small", k=p.k),
    )


def _sentiment(board: Dashboard, p: Presenter) -> Markup:
    t = p.t
    segments = [p.bar(row, tone=row.key or "unknown") for row in board.sentiment]
    title = t("chart_sentiment_title")
    desc = t("chart_sentiment_desc", items=_described(board.sentiment, p))
    return charts.stacked_bar(
        segments, board.total or 0, chart_id="chart-sentiment", title=title, desc=desc
    )


def _map(board: Dashboard, p: Presenter, regions: Sequence[Region]) -> Markup:
    t = p.t
    # the unknown place has no shape, so it must not stretch the colour classes either
    values = {row.key: p.bar(row) for row in board.provinces if row.key}
    shown = sorted(
        (r for r in board.provinces if r.count is not None), key=lambda r: -(r.count or 0)
    )
    return choropleth(
        regions,
        values,
        chart_id="chart-map",
        title=t("chart_map_title"),
        desc=t("chart_map_desc", items=_described(shown[:TOP_N], p)),
        legend_title=t("map_legend_title"),
        hidden_label=t("map_legend_hidden", k=p.k),
        format_value=p.number,
    )
