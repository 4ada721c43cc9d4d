"""The opinion map as drawn for the public: one disc per shown group, placed at the group's
centre on the map, its area proportional to the group's size. Never a dot per participant."""

from __future__ import annotations

import math
from dataclasses import dataclass

from opiniondesk.consultations.analysis import GroupSummary

WIDTH, HEIGHT = 640, 360
LARGEST_RADIUS, SMALLEST_RADIUS = 80.0, 14.0


@dataclass(frozen=True)
class GroupShape:
    number: int  # 1-based, as people read it
    size: int
    cx: float
    cy: float
    r: float
    label_y: float  # under the disc


def group_shapes(groups: list[GroupSummary], min_group_size: int) -> list[GroupShape]:
    """Discs of the groups with at least `min_group_size` members. Both axes share one scale,
    so distances mean the same across and down; the discs stay inside the picture."""
    shown = [g for g in groups if g.size >= min_group_size]
    if not shown:
        return []
    largest = max(g.size for g in shown)
    radii = [max(SMALLEST_RADIUS, LARGEST_RADIUS * math.sqrt(g.size / largest)) for g in shown]
    margin = LARGEST_RADIUS + 24  # room for the disc and its label
    xs = [g.centre[0] for g in shown]
    ys = [g.centre[1] for g in shown]
    fits = [
        room / span
        for room, span in (
            (WIDTH - 2 * margin, max(xs) - min(xs)),
            (HEIGHT - 2 * margin, max(ys) - min(ys)),
        )
        if span > 1e-9
    ]
    scale = min(fits) if fits else 0.0  # one group, or all at one place: the middle
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    shapes = []
    for group, radius in zip(shown, radii, strict=True):
        cx = WIDTH / 2 + (group.centre[0] - mid_x) * scale
        cy = HEIGHT / 2 - (group.centre[1] - mid_y) * scale
        shapes.append(
            GroupShape(
                number=group.index + 1,
                size=group.size,
                cx=round(cx, 1),
                cy=round(cy, 1),
                r=round(radius, 1),
                label_y=round(min(cy + radius + 18, HEIGHT - 6), 1),
            )
        )
    return shapes
