"""Report charts as PNG bytes: matplotlib (Agg, no display), DejaVu Sans, Vietnamese labels and
number formats (1.234,5)."""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # reports are built on servers and in tests: never open a window

from matplotlib import pyplot as plt
from matplotlib.ticker import FuncFormatter

from opiniondesk.reports.narrative import channel_name
from opiniondesk.reports.numbers import decimal

DPI = 150
COLOUR = "#1f4e79"
PREVIOUS = "#9dc3e6"


def _axis_numbers(language: str) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: decimal(value, language, 0))


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    # fixed metadata so the same figures give the same bytes (a rebuilt report is identical)
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _style() -> None:
    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})


def channels_chart(figures: dict[str, Any], language: str) -> bytes:
    """Opinions per channel this period and the previous one (suppressed cells left out)."""
    _style()
    rows = [c for c in figures["overview"]["by_channel"] if c["count"] is not None]
    names = [channel_name(c["channel"], language) for c in rows]
    fig, ax = plt.subplots(figsize=(6.2, 3.0))
    y = range(len(rows))
    ax.barh(
        [i + 0.2 for i in y],
        [c["count"] for c in rows],
        0.4,
        color=COLOUR,
        label=figures["period"][f"name_{language}"],
    )
    ax.barh(
        [i - 0.2 for i in y],
        [c["previous"] or 0 for c in rows],
        0.4,
        color=PREVIOUS,
        label=figures["period"][f"previous_name_{language}"],
    )
    ax.set_yticks(list(y), names)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_axis_numbers(language))
    ax.set_xlabel("Số ý kiến" if language == "vi" else "Opinions")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return _png(fig)


def issues_chart(figures: dict[str, Any], language: str) -> bytes:
    """The main issues: opinions per topic, the negative part darker."""
    _style()
    issues = figures["issues"]
    names = [i[f"label_{language}"] for i in issues]
    fig, ax = plt.subplots(figsize=(6.2, 3.2))
    y = list(range(len(issues)))
    ax.barh(
        y,
        [i["count"] for i in issues],
        color=PREVIOUS,
        label="Tổng" if language == "vi" else "Total",
    )
    ax.barh(
        y,
        [i["negative"] or 0 for i in issues],
        color="#c00000",
        label="Tiêu cực" if language == "vi" else "Negative",
    )
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_axis_numbers(language))
    ax.set_xlabel("Số ý kiến" if language == "vi" else "Opinions")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return _png(fig)
