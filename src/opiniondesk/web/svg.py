"""Tiny SVG writer: every attribute value and text node goes through markupsafe.escape."""

from __future__ import annotations

from markupsafe import Markup, escape

HIDDEN_FILL = "#8a94a3"  # grey of hidden cells; the hatch keeps them apart without colour


def _attrs(attrs: dict[str, object]) -> str:
    # trailing underscores allow Python keywords (class_); underscores inside become dashes
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        if isinstance(value, float):
            value = f"{value:.1f}".rstrip("0").rstrip(".")
        parts.append(f' {key}="{escape(str(value))}"')
    return "".join(parts)


def element(tag: str, content: str | Markup = "", **attrs: object) -> Markup:
    """`<tag attrs>content</tag>`; plain-string content is escaped, Markup is kept as is."""
    return Markup(f"<{tag}{_attrs(attrs)}>{escape(content)}</{tag}>")


def empty(tag: str, **attrs: object) -> Markup:
    return Markup(f"<{tag}{_attrs(attrs)}/>")


def join(parts: list[Markup]) -> Markup:
    return Markup("").join(parts)


def hatch_pattern(pattern_id: str) -> Markup:
    """Diagonal hatching for hidden cells: readable in greyscale and for colour-blind readers."""
    lines = empty("path", d="M0,6 L6,0", stroke=HIDDEN_FILL, stroke_width=1.5)
    background = empty("rect", width=6, height=6, fill="#eef0f3")
    return element(
        "pattern",
        join([background, lines]),
        id=pattern_id,
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
    )


def figure(
    body: Markup, *, chart_id: str, title: str, desc: str, width: int, height: int
) -> Markup:
    """An accessible standalone chart: role=img, labelled by its <title> and <desc>."""
    return element(
        "svg",
        join(
            [
                element("title", title, id=f"{chart_id}-title"),
                element("desc", desc, id=f"{chart_id}-desc"),
                body,
            ]
        ),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        role="img",
        aria_labelledby=f"{chart_id}-title",
        aria_describedby=f"{chart_id}-desc",
        class_="chart",
        id=chart_id,
        preserveAspectRatio="xMidYMid meet",
    )
