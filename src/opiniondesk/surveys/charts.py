"""Server-rendered SVG of a question's weighted shares: one bar per answer on a fixed 0–100%
axis, with the 95% confidence interval drawn as a whisker, so overlapping intervals are seen
at a glance; a breakdown draws, per answer, one such bar per group.
Text arrives translated and formatted; every label is escaped by web.svg."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from opiniondesk.web.svg import element, empty, figure, join

BAR = "#8db5d8"  # light enough for the dark whisker to read across it
WHISKER = "#1f2933"
GRID = "#d9dee5"
LABEL_CHARS = 26


@dataclass(frozen=True, slots=True)
class ShareBar:
    label: str
    share: float  # 0–1
    low: float  # 95% interval, clipped to 0–1 by the caller
    high: float
    text: str  # "42.0% (95%: 35.1–48.9)"


def _clip(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _bar(bar: ShareBar, *, y: float, label_w: float, plot_w: float, row_h: float) -> Markup:
    """One labelled bar with its 95% whisker and value text, `row_h` tall from `y`."""
    mid = y + row_h / 2
    x_low, x_high = label_w + plot_w * bar.low, label_w + plot_w * bar.high
    return element(
        "g",
        join(
            [
                element("title", f"{bar.label}: {bar.text}"),
                element("text", _clip(bar.label), x=label_w - 8, y=mid, class_="label end"),
                empty(
                    "rect",
                    x=label_w,
                    y=y + 7,
                    width=max(1.0, plot_w * bar.share),
                    height=row_h - 14,
                    fill=BAR,
                    rx=2,
                ),
                # the whisker: the interval, with caps at both ends
                empty(
                    "line",
                    x1=x_low,
                    y1=mid,
                    x2=x_high,
                    y2=mid,
                    stroke=WHISKER,
                    stroke_width=1.5,
                    class_="ci",
                ),
                empty("line", x1=x_low, y1=mid - 6, x2=x_low, y2=mid + 6, stroke=WHISKER),
                empty("line", x1=x_high, y1=mid - 6, x2=x_high, y2=mid + 6, stroke=WHISKER),
                element("text", bar.text, x=label_w + plot_w + 8, y=mid, class_="value"),
            ]
        ),
        class_="bar",
    )


def _axis(*, label_w: float, plot_w: float, top: float, bottom: float, axis_h: float) -> Markup:
    parts: list[Markup] = []
    for tick in (0, 25, 50, 75, 100):
        x = label_w + plot_w * tick / 100
        parts.append(empty("line", x1=x, y1=top, x2=x, y2=bottom, stroke=GRID))
        parts.append(element("text", f"{tick}%", x=x, y=bottom + axis_h / 2, class_="tick middle"))
    return join(parts)


def share_chart(bars: Sequence[ShareBar], *, chart_id: str, title: str, desc: str) -> Markup:
    """Horizontal bars with CI whiskers; the axis is 0–100% whatever the data."""
    width, label_w, value_w, row_h, pad, axis_h = 640, 170, 220, 30, 6, 18
    plot_w = width - label_w - value_w
    height = max(1, len(bars)) * row_h + pad * 2 + axis_h
    parts = [_axis(label_w=label_w, plot_w=plot_w, top=pad, bottom=height - axis_h, axis_h=axis_h)]
    for index, bar in enumerate(bars):
        parts.append(_bar(bar, y=pad + index * row_h, label_w=label_w, plot_w=plot_w, row_h=row_h))
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=width, height=height
    )


@dataclass(frozen=True, slots=True)
class BarCluster:
    """One answer and its bars, one per group shown (each bar labelled with its group)."""

    label: str
    bars: Sequence[ShareBar]


def grouped_share_chart(
    clusters: Sequence[BarCluster], *, chart_id: str, title: str, desc: str
) -> Markup:
    """A breakdown: per answer a heading line, then one bar with its whisker per group, on the
    same fixed 0–100% axis, so a group's share is compared with the others' at a glance.
    Groups are told apart by their labels, not by colour."""
    width, label_w, value_w, row_h, pad, axis_h = 640, 170, 220, 26, 6, 18
    plot_w = width - label_w - value_w
    rows = sum(1 + len(cluster.bars) for cluster in clusters)
    height = max(1, rows) * row_h + pad * 2 + axis_h
    parts = [_axis(label_w=label_w, plot_w=plot_w, top=pad, bottom=height - axis_h, axis_h=axis_h)]
    y = float(pad)
    for cluster in clusters:
        parts.append(element("text", _clip(cluster.label), x=8, y=y + row_h / 2, font_weight=600))
        y += row_h
        for bar in cluster.bars:
            parts.append(_bar(bar, y=y, label_w=label_w, plot_w=plot_w, row_h=row_h))
            y += row_h
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=width, height=height
    )
