"""A server-side SVG of one forecast: observed weeks, the forecast, and its shaded intervals.

It draws only what the service already made safe to show: hidden weeks break the line and are
marked hatched at the baseline, hidden forecast weeks leave a gap in the bands. Every text goes
through markupsafe (via web/svg.py); the figure is role=img with a <title> and a <desc> that
says in words what the picture shows, for screen readers and for readers without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from opiniondesk.forecasts import texts
from opiniondesk.forecasts.service import Forecast, ForecastPoint, MetricForecast
from opiniondesk.web.charts import GRID, PRIMARY, nice_ticks
from opiniondesk.web.formatting import format_day_month, format_int, format_percent
from opiniondesk.web.svg import HIDDEN_FILL, element, empty, figure, hatch_pattern, join

FORECAST = "#b45309"  # amber: apart from the observed blue without relying on hue alone (dashed)
BAND_95 = "#fde7c7"
BAND_80 = "#f8c98a"

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 44


@dataclass(frozen=True, slots=True)
class _Frame:
    """Maps week indexes and values to SVG coordinates."""

    weeks: int
    y_max: float

    def x(self, index: float) -> float:
        span = WIDTH - LEFT - RIGHT
        return LEFT + (span * index / (self.weeks - 1) if self.weeks > 1 else span / 2)

    def y(self, value: float) -> float:
        plot = HEIGHT - TOP - BOTTOM
        return TOP + plot - plot * min(value, self.y_max) / self.y_max


def forecast_chart(
    forecast: Forecast,
    *,
    metric: str = "volume",
    language: str = "vi",
    scope_label: str | None = None,
    history_weeks: int = 26,
    chart_id: str = "forecast",
) -> Markup:
    """The chart of `metric` ("volume" or "negative_share") with the last `history_weeks`
    observed weeks. `scope_label` names the topic and place (default: from the codes)."""
    if metric not in {"volume", "negative_share"}:
        raise ValueError(f"metric must be 'volume' or 'negative_share', not {metric!r}")
    measure = forecast.volume if metric == "volume" else forecast.negative_share
    fmt = _formatter(metric, language)
    scope = scope_label or _scope(forecast, language)
    title = texts.text(
        "chart_title",
        language,
        metric=texts.text(f"metric_{metric}", language).lower(),
        scope=scope,
    )
    history = forecast.history[-history_weeks:] if history_weeks > 0 else ()
    observed = [p.volume if metric == "volume" else p.negative_share for p in history]
    if not history or not measure.points:
        return figure(
            element("text", texts.text("chart_empty", language), x=LEFT, y=HEIGHT / 2),
            chart_id=chart_id,
            title=title,
            desc=texts.text("chart_empty", language),
            width=WIDTH,
            height=HEIGHT,
        )
    weeks = [p.week for p in history] + [p.week for p in measure.points]
    frame = _Frame(len(weeks), _y_max(metric, observed, measure.points))
    start = len(history)
    parts = [hatch_pattern(f"{chart_id}-hatch")]
    parts += _axes(frame, weeks, metric, fmt, language)
    parts += _bands(frame, measure.points, start)
    hidden = texts.text("hidden", language, k=forecast.min_group_size)
    hatch = f"{chart_id}-hatch"
    parts += _observed(frame, observed, hidden, hatch=hatch)
    parts += _forecast_line(frame, observed, measure.points, start)
    parts += _hidden_marks(frame, [p.hidden for p in measure.points], start, hidden, hatch=hatch)
    if all(p.hidden for p in measure.points):
        note = texts.text("forecast_hidden", language, k=forecast.min_group_size)
        middle = frame.x(start + (len(measure.points) - 1) / 2)
        parts.append(
            element(
                "text",
                note,
                x=middle,
                y=frame.y(0) - 24,
                class_="label middle",
                text_anchor="middle",
            )
        )
    parts += _legend(language)
    desc = _description(forecast, measure, len(history), fmt, language)
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=WIDTH, height=HEIGHT
    )


def _formatter(metric: str, language: str) -> Callable[[float], str]:
    if metric == "volume":
        return lambda value: format_int(round(value), language)
    return lambda value: format_percent(value, language, digits=0)


def _scope(forecast: Forecast, language: str) -> str:
    topic = forecast.topic_code or texts.text("all_topics", language)
    place = forecast.province_code or texts.text("all_provinces", language)
    return f"{topic} — {place}"


def _y_max(metric: str, observed: Sequence[float | None], points: Sequence[ForecastPoint]) -> float:
    if metric == "negative_share":
        return 1.0
    values = [v for v in observed if v is not None]
    values += [p.upper_95 for p in points if p.upper_95 is not None]
    return float(nice_ticks(max(values, default=0.0))[-1]) or 1.0


def _axes(
    frame: _Frame, weeks: Sequence[date], metric: str, fmt: Callable[[float], str], language: str
) -> list[Markup]:
    parts: list[Markup] = []
    ticks = (
        [0.0, 0.25, 0.5, 0.75, 1.0]
        if metric == "negative_share"
        else [float(t) for t in nice_ticks(frame.y_max)]
    )
    for tick in ticks:
        y = frame.y(tick)
        parts.append(empty("line", x1=LEFT, x2=WIDTH - RIGHT, y1=y, y2=y, stroke=GRID))
        parts.append(
            element("text", fmt(tick), x=LEFT - 6, y=y, class_="tick end", text_anchor="end")
        )
    step = max(1, len(weeks) // 6)
    for index in range(0, len(weeks), step):
        parts.append(
            element(
                "text",
                format_day_month(weeks[index]),
                x=frame.x(index),
                y=HEIGHT - BOTTOM + 16,
                class_="tick middle",
                text_anchor="middle",
            )
        )
    parts.append(
        element(
            "text",
            texts.text("week", language),
            x=WIDTH - RIGHT,
            y=HEIGHT - 8,
            class_="tick end",
            text_anchor="end",
        )
    )
    return parts


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal [first, last] index ranges where `flags` is true."""
    runs: list[tuple[int, int]] = []
    first: int | None = None
    for index, flag in enumerate([*flags, False]):
        if flag and first is None:
            first = index
        elif not flag and first is not None:
            runs.append((first, index - 1))
            first = None
    return runs


def _bands(frame: _Frame, points: Sequence[ForecastPoint], start: int) -> list[Markup]:
    parts: list[Markup] = []
    for first, last in _runs([not p.hidden for p in points]):
        for lower, upper, fill, level in (
            ("lower_95", "upper_95", BAND_95, 95),
            ("lower_80", "upper_80", BAND_80, 80),
        ):
            top = [
                (frame.x(start + i), frame.y(getattr(points[i], upper)))
                for i in range(first, last + 1)
            ]
            bottom = [
                (frame.x(start + i), frame.y(getattr(points[i], lower)))
                for i in range(last, first - 1, -1)
            ]
            if len(top) == 1:  # a lone week: a short vertical bar instead of a polygon
                (x, y_top), (_, y_bottom) = top[0], bottom[0]
                top = [(x - 3, y_top), (x + 3, y_top)]
                bottom = [(x + 3, y_bottom), (x - 3, y_bottom)]
            parts.append(
                empty("polygon", points=_path(top + bottom), fill=fill, class_=f"band band-{level}")
            )
    return parts


def _observed(
    frame: _Frame, observed: Sequence[float | None], hidden_text: str, *, hatch: str
) -> list[Markup]:
    parts: list[Markup] = []
    for first, last in _runs([v is not None for v in observed]):
        coords = [(frame.x(i), frame.y(observed[i] or 0.0)) for i in range(first, last + 1)]
        if len(coords) == 1:
            x, y = coords[0]
            parts.append(empty("circle", cx=x, cy=y, r=2.5, fill=PRIMARY))
        else:
            parts.append(
                empty(
                    "polyline",
                    points=_path(coords),
                    fill="none",
                    stroke=PRIMARY,
                    stroke_width=2,
                    class_="observed",
                )
            )
    return parts + _hidden_marks(frame, [v is None for v in observed], 0, hidden_text, hatch=hatch)


def _hidden_marks(
    frame: _Frame, hidden: Sequence[bool], start: int, hidden_text: str, *, hatch: str
) -> list[Markup]:
    """A small hatched block on the baseline for each hidden week, titled "<k"."""
    baseline = frame.y(0.0)
    return [
        element(
            "rect",
            element("title", hidden_text),
            x=frame.x(start + index) - 3,
            y=baseline - 8,
            width=6,
            height=8,
            fill=f"url(#{hatch})",
            stroke=HIDDEN_FILL,
            stroke_width=0.5,
            class_="hidden-week",
        )
        for index, flag in enumerate(hidden)
        if flag
    ]


def _forecast_line(
    frame: _Frame,
    observed: Sequence[float | None],
    points: Sequence[ForecastPoint],
    start: int,
) -> list[Markup]:
    parts: list[Markup] = []
    divider = frame.x(start - 0.5)
    parts.append(
        empty(
            "line",
            x1=divider,
            x2=divider,
            y1=TOP,
            y2=HEIGHT - BOTTOM,
            stroke=GRID,
            stroke_dasharray="2 3",
        )
    )
    for first, last in _runs([not p.hidden for p in points]):
        coords = [
            (frame.x(start + i), frame.y(points[i].mean or 0.0)) for i in range(first, last + 1)
        ]
        if first == 0 and observed and observed[-1] is not None:
            coords.insert(0, (frame.x(start - 1), frame.y(observed[-1])))
        parts.append(
            empty(
                "polyline",
                points=_path(coords),
                fill="none",
                stroke=FORECAST,
                stroke_width=2,
                stroke_dasharray="6 4",
                class_="forecast",
            )
        )
    return parts


def _legend(language: str) -> list[Markup]:
    items = (
        ("history", PRIMARY, "line"),
        ("forecast", FORECAST, "dash"),
        ("interval_80", BAND_80, "box"),
        ("interval_95", BAND_95, "box"),
    )
    parts: list[Markup] = []
    x = float(LEFT)
    for key, colour, kind in items:
        label = texts.text(key, language)
        if kind == "box":
            parts.append(empty("rect", x=x, y=6, width=14, height=10, fill=colour))
        else:
            parts.append(
                empty(
                    "line",
                    x1=x,
                    x2=x + 14,
                    y1=11,
                    y2=11,
                    stroke=colour,
                    stroke_width=2,
                    stroke_dasharray="4 3" if kind == "dash" else None,
                )
            )
        parts.append(element("text", label, x=x + 18, y=11, class_="label"))
        x += 18 + 7.5 * len(label) + 16
    return [element("g", join(parts), class_="legend")]


def _description(
    forecast: Forecast,
    measure: MetricForecast,
    history_weeks: int,
    fmt: Callable[[float], str],
    language: str,
) -> str:
    method = texts.text(f"method_{measure.method}", language)
    sentences = [
        texts.text(
            "chart_desc",
            language,
            history_weeks=history_weeks,
            horizon=len(measure.points),
            method=method,
        ),
        forecast.explanation(language),
    ]
    last = measure.points[-1]
    if last.mean is not None and last.lower_95 is not None and last.upper_95 is not None:
        sentences.append(
            texts.text(
                "chart_desc_last",
                language,
                week=format_day_month(last.week),
                value=fmt(last.mean),
                low=fmt(last.lower_95),
                high=fmt(last.upper_95),
            )
        )
    sentences.append(texts.text("suppression_note", language, k=forecast.min_group_size))
    return " ".join(sentences)


def _path(coords: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
