"""Server-side SVG charts: no JavaScript, readable without colour, every label escaped.

Charts receive display text already formatted and translated (numbers the Vietnamese or
English way, "<5" for hidden cells), so this module knows geometry, not language or privacy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from opiniondesk.web.formatting import format_day_month
from opiniondesk.web.svg import HIDDEN_FILL, element, empty, figure, hatch_pattern, join

INK = "#1f2933"
MUTED = "#52606d"
GRID = "#d9dee5"
PRIMARY = "#1d5c8f"
AREA = "#d6e6f3"
TONES = {
    "primary": PRIMARY,
    "negative": "#b3261e",
    "neutral": "#5f6b7a",
    "positive": "#1e7b4a",
    "unknown": "#a7b0bc",
}
LABEL_CHARS = 26  # longer labels are cut with "…"; the full text stays in the tooltip


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int | None  # None: hidden cell, drawn hatched with `text` ("<5" or "hidden")
    text: str
    tone: str = "primary"


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    value: int | None  # None: hidden day


def nice_ticks(maximum: float, count: int = 4) -> list[int]:
    """Round axis ticks from 0 covering `maximum` (1, 2, 2.5 or 5 × a power of ten)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(1, math.ceil(step))
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def date_ticks(days: Sequence[date], count: int = 6) -> list[int]:
    """Indexes of at most `count` evenly spread days, always including the first and last."""
    if len(days) <= count:
        return list(range(len(days)))
    step = (len(days) - 1) / (count - 1)
    return sorted({round(i * step) for i in range(count)})


def _clip(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(bars: Sequence[Bar], *, chart_id: str, title: str, desc: str) -> Markup:
    """Horizontal bars with the label on the left and the value written at the bar's end."""
    width, label_w, value_w, row_h, pad = 480, 170, 112, 30, 6
    plot_w = width - label_w - value_w
    height = max(1, len(bars)) * row_h + pad * 2
    top = max((bar.value or 0 for bar in bars), default=0) or 1
    parts = [hatch_pattern(f"{chart_id}-hatch")]
    for index, bar in enumerate(bars):
        y = pad + index * row_h
        hidden = bar.value is None
        bar_w = 14.0 if hidden else max(2.0, plot_w * (bar.value or 0) / top)
        fill = f"url(#{chart_id}-hatch)" if hidden else TONES.get(bar.tone, PRIMARY)
        mid = y + row_h / 2
        parts.append(
            element(
                "g",
                join(
                    [
                        element("title", f"{bar.label}: {bar.text}"),
                        element("text", _clip(bar.label), x=label_w - 8, y=mid, class_="label end"),
                        empty(
                            "rect",
                            x=label_w,
                            y=y + 6,
                            width=bar_w,
                            height=row_h - 12,
                            fill=fill,
                            rx=2,
                        ),
                        element(
                            "text",
                            bar.text,
                            x=label_w + bar_w + 6,
                            y=mid,
                            class_="value muted" if hidden else "value",
                        ),
                    ]
                ),
                class_="bar hidden" if hidden else "bar",
            )
        )
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=width, height=height
    )


def stacked_bar(
    segments: Sequence[Bar], total: int, *, chart_id: str, title: str, desc: str
) -> Markup:
    """One 100% bar split by share, with a legend that repeats every label and value.

    Hidden segments have no width of their own: whatever is not covered by visible segments
    is drawn hatched as one block.
    """
    width, bar_h, legend_row = 480, 36, 26
    height = bar_h + 20 + legend_row * len(segments)
    parts = [hatch_pattern(f"{chart_id}-hatch")]
    parts.append(
        empty("rect", x=0, y=0, width=width, height=bar_h, fill=f"url(#{chart_id}-hatch)", rx=4)
    )
    x = 0.0
    for segment in segments:
        if segment.value is None or total <= 0 or segment.value == 0:
            continue
        seg_w = width * segment.value / total
        parts.append(
            element(
                "rect",
                element("title", f"{segment.label}: {segment.text}"),
                x=x,
                y=0,
                width=seg_w,
                height=bar_h,
                fill=TONES.get(segment.tone, PRIMARY),
            )
        )
        x += seg_w
    for index, segment in enumerate(segments):
        y = bar_h + 20 + index * legend_row
        hidden = segment.value is None
        swatch = f"url(#{chart_id}-hatch)" if hidden else TONES.get(segment.tone, PRIMARY)
        parts.append(empty("rect", x=0, y=y - 12, width=16, height=16, fill=swatch, rx=3))
        parts.append(element("text", segment.label, x=24, y=y - 4, class_="label"))
        parts.append(
            element(
                "text",
                segment.text,
                x=width,
                y=y - 4,
                class_="value end muted" if hidden else "value end",
            )
        )
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=width, height=height
    )


def line_chart(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    desc: str,
    x_label: str,
    y_label: str,
    format_value: Callable[[int], str],
    hidden_text: str,
) -> Markup:
    """Daily volume as an area under a line; hidden days break the line and show hatched."""
    width, height = 960, 300
    left, right, top_pad, bottom = 60, 20, 30, 48
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    values = [p.value for p in points if p.value is not None]
    ticks = nice_ticks(max(values, default=0))
    y_max = ticks[-1] or 1
    step = plot_w / max(1, len(points) - 1)

    def x_at(index: int) -> float:
        return left + (index * step if len(points) > 1 else plot_w / 2)

    def y_at(value: int) -> float:
        return top_pad + plot_h - plot_h * value / y_max

    parts = [hatch_pattern(f"{chart_id}-hatch")]
    for tick in ticks:
        y = y_at(tick)
        parts.append(empty("line", x1=left, x2=width - right, y1=y, y2=y, stroke=GRID))
        parts.append(element("text", format_value(tick), x=left - 6, y=y, class_="tick end"))
    for index in date_ticks([p.day for p in points]):
        x = x_at(index)
        parts.append(
            empty("line", x1=x, x2=x, y1=top_pad + plot_h, y2=top_pad + plot_h + 4, stroke=MUTED)
        )
        parts.append(
            element(
                "text",
                format_day_month(points[index].day),
                x=x,
                y=top_pad + plot_h + 16,
                class_="tick middle",
            )
        )
    parts.append(element("text", x_label, x=left + plot_w / 2, y=height - 6, class_="axis middle"))
    parts.append(element("text", y_label, x=left, y=12, class_="axis"))
    band = max(3.0, step)
    for index, point in enumerate(points):
        if point.value is None:
            parts.append(
                empty(
                    "rect",
                    x=x_at(index) - band / 2,
                    y=top_pad + plot_h - 10,
                    width=band,
                    height=10,
                    fill=f"url(#{chart_id}-hatch)",
                )
            )
    runs = _runs(points)
    isolated = {run[0] for run in runs if len(run) == 1}  # a lone day shows as a dot
    for run in runs:
        coords = [(x_at(i), y_at(points[i].value or 0)) for i in run]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        base = top_pad + plot_h
        area = f"{coords[0][0]:.1f},{base:.1f} {line} {coords[-1][0]:.1f},{base:.1f}"
        parts.append(empty("polygon", points=area, fill=AREA))
        parts.append(
            empty(
                "polyline",
                points=line,
                fill="none",
                stroke=PRIMARY,
                stroke_width=2,
                stroke_linejoin="round",
            )
        )
    for index, point in enumerate(points):
        # one invisible column per day carries its tooltip; a dot only when days are few
        shown = hidden_text if point.value is None else format_value(point.value)
        tip = element("title", f"{format_day_month(point.day)}: {shown}")
        parts.append(
            element(
                "rect",
                tip,
                x=x_at(index) - step / 2,
                y=top_pad,
                width=max(step, 2.0),
                height=plot_h,
                fill="transparent",
            )
        )
        if point.value is not None and (len(points) <= 31 or index in isolated):
            parts.append(empty("circle", cx=x_at(index), cy=y_at(point.value), r=3, fill=PRIMARY))
    parts.append(
        empty(
            "line",
            x1=left,
            x2=width - right,
            y1=top_pad + plot_h,
            y2=top_pad + plot_h,
            stroke=MUTED,
        )
    )
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=width, height=height
    )


def _runs(points: Sequence[Point]) -> list[list[int]]:
    """Consecutive indexes of visible points: the line is not drawn across hidden days."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, point in enumerate(points):
        if point.value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(index)
    if current:
        runs.append(current)
    return runs


__all__ = ["HIDDEN_FILL", "Bar", "Point", "bar_chart", "line_chart", "nice_ticks", "stacked_bar"]
