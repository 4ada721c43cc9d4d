"""Server-rendered SVG of a question's weighted shares: one bar per answer on a fixed 0–100%
axis, with the 95% confidence interval drawn as a whisker, so overlapping intervals are seen
at a glance. Text arrives translated and formatted; every label is escaped by web.svg."""

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


def share_chart(bars: Sequence[ShareBar], *, chart_id: str, title: str, desc: str) -> Markup:
    """Horizontal bars with CI whiskers; the axis is 0–100% whatever the data."""
    width, label_w, value_w, row_h, pad, axis_h = 640, 170, 220, 30, 6, 18
    plot_w = width - label_w - value_w
    height = max(1, len(bars)) * row_h + pad * 2 + axis_h
    parts: list[Markup] = []
    for tick in (0, 25, 50, 75, 100):
        x = label_w + plot_w * tick / 100
        parts.append(empty("line", x1=x, y1=pad, x2=x, y2=height - axis_h, stroke=GRID))
        parts.append(element("text", f"{tick}%", x=x, y=height - axis_h / 2, class_="tick middle"))
    for index, bar in enumerate(bars):
        y = pad + index * row_h
        mid = y + row_h / 2
        x_low, x_high = label_w + plot_w * bar.low, label_w + plot_w * bar.high
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
        )
    return figure(
        join(parts), chart_id=chart_id, title=title, desc=desc, width=width, height=height
    )
